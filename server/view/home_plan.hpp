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

} // namespace farol::view
