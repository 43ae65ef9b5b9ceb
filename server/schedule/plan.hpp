#pragma once
#include "content/model.hpp"
#include "schedule/rotation.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace farol::schedule {

// A stored slot as pick() takes it; nullopt when its zone is unknown to this system's tzdata or
// its period is invalid (the editor refuses both; a slot imported from elsewhere could have them).
std::optional<slot> slot_of(content::rotation_slot const& s);

// A stored entry in pick()'s terms, without languages (entries_for adds them).
entry entry_of(content::rotation_entry const& e);

// The slot's entries (same order and count as s.entries) as pick() sees them for readers of
// `language`, given the library the site is built from:
//  - languages is {language} when the entry offers it ("all languages" or listed) and the campaign
//    has a published text in it; else empty (never eligible, so never shown in the wrong language);
//  - the window is the entry's, narrowed to the campaign's, that text's own and the default
//    language's text's (the site shows no campaign whose default text is not public);
//  - a campaign the library lacks (archived, unpublished, deleted) gets no languages.
// Exact at every instant for this library: a rebuild follows every change to it.
std::vector<entry> entries_for(content::rotation_slot const& s, content::library const& lib, std::string_view language);

// The intersection of two windows (either end open).
content::publish_window narrow(content::publish_window const& a, content::publish_window const& b);

} // namespace farol::schedule
