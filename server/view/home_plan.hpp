#pragma once
#include "content/model.hpp"

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace farol::view {

// What one language's home page shows at an instant, from the home-featured and home-list slots.
struct home_plan {
    content::campaign const* featured = nullptr;     // the hero; null when nothing is eligible
    std::vector<content::campaign const*> campaigns; // the list below it, without the featured one
    // The next rotation boundary of either slot when one of them has entries for this language:
    // until then the page stays as it is (its Cache-Control max-age); nullopt when nothing rotates.
    std::optional<content::time_point> changes_at;
    bool rotates() const { return changes_at.has_value(); }
};

// The home page of `language` at `now` (schedule::pick over the two slots, nothing else deciding).
// A home-list with nothing eligible falls back to every published campaign, as before there were
// slots. `published` is view::published_at(lib, now); the plan's pointers are among them.
home_plan plan_home(content::library const& lib, std::vector<content::campaign const*> const& published,
                    std::string_view language, content::time_point now);

// What any one slot shows in `language` at `now`: its picked campaigns among `published`, in display
// order (at most `count`), and when that may change. Empty campaigns and no changes_at when the slot
// does not exist or none of its entries can show in this language (the caller falls back).
struct slot_plan {
    std::vector<content::campaign const*> campaigns;
    std::optional<content::time_point> changes_at;
};
slot_plan plan_slot(content::library const& lib, std::vector<content::campaign const*> const& published,
                    std::string_view slot, std::string_view language, content::time_point now, std::size_t count = 1);

} // namespace farol::view
