#pragma once
#include "view/page_renderer.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace farol::view {

// What differs between pages in the shared layout: title, links and the language switcher.
struct page_renderer::page_meta {
    struct language_link {
        std::string tag;
        std::string path;
    };
    std::string title; // without the site name
    std::string description;
    std::string canonical_path;
    std::string og_type = "website";
    bool noindex = false;
    std::vector<language_link> alternates; // hreflang links, x-default added by layout()
    std::vector<language_link> switcher;   // languages offered; the current one is not a link
    std::string x_default_path = "/";
    std::optional<std::vector<std::string>> hotline_ids; // the help block's lines; all hotlines if unset
};

} // namespace farol::view
