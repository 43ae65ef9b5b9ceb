#include "view/templates.hpp"

#include <boost/json/serialize.hpp>
#include <kainjow/mustache.hpp>

#include <fstream>
#include <regex>
#include <sstream>

namespace farol::view {

namespace mu = kainjow::mustache;
namespace json = boost::json;
namespace fs = std::filesystem;

struct templates::compiled {
    explicit compiled(std::string const& text) : tmpl(text) {}
    mu::mustache tmpl;
};

struct templates::partial_set {
    std::map<std::string, mu::data, std::less<>> by_name;
};

namespace {

std::mutex coverage_mutex;
std::set<std::string> coverage;

void record_render(std::string const& name) {
    std::lock_guard lock(coverage_mutex);
    coverage.insert(name);
}

std::string read_file(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw template_error(p.string() + ": cannot read the file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

mu::data to_data(json::value const& v) {
    switch (v.kind()) {
    case json::kind::object: {
        mu::data out{mu::data::type::object};
        for (auto const& [k, x] : v.get_object()) out.set(std::string(k), to_data(x));
        return out;
    }
    case json::kind::array: {
        mu::data out{mu::data::type::list};
        for (auto const& x : v.get_array()) out.push_back(to_data(x));
        return out;
    }
    case json::kind::string: return mu::data(std::string(v.get_string()));
    case json::kind::bool_: return mu::data(v.get_bool());
    case json::kind::null: return mu::data(false);
    default: return mu::data(json::serialize(v));
    }
}

// Looks names up like Mustache's own context, but a missing partial is an error, not silence.
class loud_context : public mu::basic_context<std::string> {
public:
    loud_context(mu::data const* root, std::map<std::string, mu::data, std::less<>> const& partials)
        : partials_(partials) { push(root); }

    void push(mu::data const* d) override { stack_.insert(stack_.begin(), d); }
    void pop() override { stack_.erase(stack_.begin()); }

    mu::data const* get(std::string const& name) const override {
        if (name == ".") return stack_.front();
        for (auto const* frame : stack_) {
            if (auto const* found = resolve(frame, name)) return found;
        }
        return nullptr;
    }

    mu::data const* get_partial(std::string const& name) const override {
        auto it = partials_.find(name);
        if (it == partials_.end()) throw template_error("unknown partial '" + name + "'");
        record_render("partials/" + name);
        return &it->second;
    }

private:
    static mu::data const* resolve(mu::data const* frame, std::string const& dotted) {
        std::size_t start = 0;
        while (frame) {
            auto const dot = dotted.find('.', start);
            frame = frame->get(dotted.substr(start, dot - start));
            if (dot == std::string::npos) return frame;
            start = dot + 1;
        }
        return nullptr;
    }

    std::vector<mu::data const*> stack_;
    std::map<std::string, mu::data, std::less<>> const& partials_;
};

struct tag_scan {
    std::set<std::string> partials;
    std::set<std::string> string_keys;
};

// Checks the tags Mustache itself accepts but Farol forbids, and collects partials and UI strings.
tag_scan scan_tags(std::string const& file, std::string const& text) {
    static std::regex const tag(R"(\{\{(\{?)\s*([#^/>&!=]?)\s*([^}]*?)\s*\}?\}\})");
    tag_scan out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
        auto const& m = *it;
        bool const triple = m[1].length() > 0;
        std::string const sigil = m[2], name = m[3];
        if (sigil == "=") throw template_error(file + ": changing delimiters is not allowed");
        if ((triple || sigil == "&") && !name.ends_with("_html"))
            throw template_error(file + ": unescaped output {{{" + name + "}}} is allowed only for *_html fields");
        if (sigil == ">") out.partials.insert(name);
        if ((sigil.empty() || sigil == "#" || sigil == "^") && name.starts_with("t.")) out.string_keys.insert(name.substr(2));
    }
    return out;
}

} // namespace

std::shared_ptr<templates const> templates::load(fs::path const& dir) {
    auto out = std::make_shared<templates>();
    if (!fs::is_directory(dir)) throw template_error(dir.string() + ": not a directory");
    std::map<std::string, std::pair<fs::path, std::string>> sources;
    for (auto const& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".mustache") continue;
        auto rel = fs::relative(e.path(), dir).replace_extension().generic_string();
        sources[rel] = {e.path(), read_file(e.path())};
    }
    if (sources.empty()) throw template_error(dir.string() + ": no templates found");
    for (auto const& [name, src] : sources) {
        if (name.starts_with("partials/")) out->partials_[name.substr(9)] = src.second;
    }
    for (auto const& [name, src] : sources) {
        auto const file = src.first.string();
        // Each file is parsed on its own: a broken partial would otherwise break its users silently.
        mu::mustache parsed(src.second);
        if (!parsed.is_valid()) throw template_error(file + ": " + parsed.error_message());
        auto scan = scan_tags(file, src.second);
        for (auto const& p : scan.partials)
            if (!out->partials_.contains(p)) throw template_error(file + ": unknown partial '" + p + "'");
        out->string_keys_.merge(scan.string_keys);
        if (!name.starts_with("partials/")) out->pages_[name] = std::make_shared<compiled>(src.second);
    }
    auto partials = std::make_shared<partial_set>();
    for (auto const& [n, text] : out->partials_) partials->by_name.emplace(n, mu::data(text));
    out->partial_data_ = std::move(partials);
    return out;
}

std::string templates::render(std::string_view name, json::value const& data) const {
    auto it = pages_.find(name);
    if (it == pages_.end()) throw template_error("unknown template '" + std::string(name) + "'");
    auto const root = to_data(data);
    std::lock_guard lock(render_mutex_);
    loud_context ctx(&root, partial_data_->by_name);
    std::string html = it->second->tmpl.render(ctx);
    if (!it->second->tmpl.is_valid())
        throw template_error(std::string(name) + ": " + it->second->tmpl.error_message());
    record_render(std::string(name));
    return html;
}

std::vector<std::string> templates::names() const {
    std::vector<std::string> out;
    for (auto const& [n, _] : pages_) out.push_back(n);
    for (auto const& [n, _] : partials_) out.push_back("partials/" + n);
    return out;
}

std::set<std::string> rendered_templates() {
    std::lock_guard lock(coverage_mutex);
    return coverage;
}

} // namespace farol::view
