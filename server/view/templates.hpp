#pragma once
#include <boost/json/value.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace farol::view {

// A template that cannot be used; what() is "<file>: <reason>".
class template_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Every *.mustache under templates/ compiled and checked once at start. Pages are rendered from
// JSON data (so nothing outside view/ sees Mustache); {{{x}}} is allowed only for fields named
// "*_html", which carry sanitised Markdown output. Thread-safe.
class templates {
public:
    // Names are paths relative to dir without ".mustache", e.g. "campaign", "partials/hotlines".
    // Throws template_error for a syntax error, an unknown partial, changed delimiters or raw
    // output of a field not named *_html.
    static std::shared_ptr<templates const> load(std::filesystem::path const& dir);

    // Throws template_error if the template is unknown or fails while rendering.
    std::string render(std::string_view name, boost::json::value const& data) const;

    std::vector<std::string> names() const;
    // Every {{t.key}} the templates use, as catalog keys ("exit.label"): checked against the catalogs.
    std::set<std::string> const& string_keys() const { return string_keys_; }

private:
    struct compiled;
    struct partial_set;
    std::map<std::string, std::shared_ptr<compiled>, std::less<>> pages_;
    std::map<std::string, std::string, std::less<>> partials_; // name -> source
    std::shared_ptr<partial_set const> partial_data_;          // the same, as Mustache data
    std::set<std::string> string_keys_;
    mutable std::mutex render_mutex_; // kainjow's render() mutates the template object
};

// Template names rendered so far in this process (for the coverage check in tests).
std::set<std::string> rendered_templates();

} // namespace farol::view
