#include "editor/device.hpp"

#include <array>
#include <utility>

namespace farol::editor {

namespace {

using rule = std::pair<std::string_view, std::string_view>; // token in the user-agent, label

// Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux".
constexpr std::array<rule, 6> browsers{{{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"},
                                        {"Chrome/", "Chrome"}, {"Chromium/", "Chrome"}, {"Safari/", "Safari"}}};
constexpr std::array<rule, 7> systems{{{"Android", "Android"}, {"iPhone", "iOS"}, {"iPad", "iPadOS"},
                                       {"Windows", "Windows"}, {"Mac OS X", "macOS"}, {"CrOS", "ChromeOS"},
                                       {"Linux", "Linux"}}};

template <std::size_t N>
std::string_view first_of(std::array<rule, N> const& rules, std::string_view ua) {
    for (auto const& [token, label] : rules)
        if (ua.find(token) != std::string_view::npos) return label;
    return {};
}

} // namespace

std::string coarse_device(std::string_view ua) {
    auto const browser = first_of(browsers, ua);
    auto const system = first_of(systems, ua);
    if (browser.empty() && system.empty()) return "?";
    if (system.empty()) return std::string(browser);
    if (browser.empty()) return std::string(system);
    return std::string(browser) + " · " + std::string(system);
}

} // namespace farol::editor
