#pragma once
#include <boost/json/value.hpp>

#include <filesystem>
#include <initializer_list>
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
    // Data converted for Mustache once and shared by many renders (a language's UI strings).
    class shared_data;
    struct named_data {
        std::string_view name; // a root key, e.g. "t"
        shared_data const* data;
    };
    static std::shared_ptr<shared_data const> prepare(boost::json::value const& data);

    // Names are paths relative to dir without ".mustache", e.g. "campaign", "partials/hotlines".
    // Throws template_error for a syntax error, an unknown partial, changed delimiters or raw
    // output of a field not named *_html.
    struct load_options {
        std::string name_prefix;   // how the render observer names them: "editor/" + name
        std::set<std::string> skip; // subdirectories (relative to dir) that hold another set
    };
    static std::shared_ptr<templates const> load(std::filesystem::path const& dir, load_options const& options);
    static std::shared_ptr<templates const> load(std::filesystem::path const& dir) { return load(dir, {}); }

    // Throws template_error if the template is unknown or fails while rendering.
    // `shared` adds root keys without converting them again; `data` must not have the same keys.
    std::string render(std::string_view name, boost::json::value const& data,
                       std::initializer_list<named_data> shared = {}) const;

    std::vector<std::string> names() const;
    // Every {{t.key}} the templates use, as catalog keys ("exit.label"): checked against the catalogs.
    std::set<std::string> const& string_keys() const { return string_keys_; }

private:
    struct compiled;
    struct page_source {
        std::string text;               // with every partial inlined
        std::set<std::string> partials; // inlined, for the coverage record
    };
    // kainjow's render() mutates the template object: one compiled copy per concurrent renderer.
    std::shared_ptr<compiled> acquire(std::string_view name) const;
    void release(std::string_view name, std::shared_ptr<compiled> copy) const;

    std::map<std::string, page_source, std::less<>> sources_;  // page name -> source
    std::map<std::string, std::string, std::less<>> partials_; // name -> source
    std::set<std::string> string_keys_;
    std::string prefix_;
    mutable std::mutex pool_mutex_;
    mutable std::map<std::string, std::vector<std::shared_ptr<compiled>>, std::less<>> idle_;
};

// The reader-facing set: templates/ without templates/editor/.
inline std::shared_ptr<templates const> load_site_templates(std::filesystem::path const& dir) {
    return templates::load(dir, {"", {"editor"}});
}
// The editor's own set, templates/editor/, with its own partials; observed as "editor/<name>".
inline std::shared_ptr<templates const> load_editor_templates(std::filesystem::path const& dir) {
    return templates::load(dir / "editor", {"editor/", {}});
}

// Called with each template name rendered ("campaign", "partials/hotlines"), from any thread; tests
// install one to check that every template is rendered by some test. None by default.
using render_observer = void (*)(std::string_view name);
void set_render_observer(render_observer fn);

} // namespace farol::view
