#include "view/templates.hpp"

#include <boost/json/serialize.hpp>
#include <kainjow/mustache.hpp>

#include <atomic>
#include <fstream>
#include <regex>
#include <sstream>

namespace farol::view {

namespace mu = kainjow::mustache;
namespace json = boost::json;
namespace fs = std::filesystem;

class templates::shared_data {
public:
    explicit shared_data(mu::data d) : data(std::move(d)) {}
    mu::data data;
};

struct templates::compiled {
    explicit compiled(std::string const& text) : tmpl(text) {}
    mu::mustache tmpl;
};

namespace {

std::atomic<render_observer> observer{nullptr};

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
    loud_context(mu::data const* root, std::initializer_list<templates::named_data> named)
        : root_(root), named_(named) { push(root); }

    void push(mu::data const* d) override { stack_.insert(stack_.begin(), d); }
    void pop() override { stack_.erase(stack_.begin()); }

    mu::data const* get(std::string const& name) const override {
        if (name == ".") return stack_.front();
        for (auto const* frame : stack_) {
            if (frame == root_)
                if (auto const* found = get_named(name)) return found;
            if (auto const* found = resolve(frame, name)) return found;
        }
        return nullptr;
    }

    // Partials are inlined at load; one left here would be a bug, not something to skip silently.
    mu::data const* get_partial(std::string const& name) const override {
        throw template_error("partial '" + name + "' was not inlined");
    }

private:
    // Shared data sits beside the root's own keys, as if the root had it.
    mu::data const* get_named(std::string const& name) const {
        auto const dot = name.find('.');
        std::string_view const first = std::string_view(name).substr(0, dot);
        for (auto const& n : named_) {
            if (n.name != first) continue;
            if (dot == std::string::npos) return &n.data->data;
            return resolve(&n.data->data, name.substr(dot + 1));
        }
        return nullptr;
    }

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

    mu::data const* root_;
    std::initializer_list<templates::named_data> named_;
    std::vector<mu::data const*> stack_;
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

// Replaces each {{>name}} by that partial's text, recursively, so a page renders from one parsed
// template: kainjow would parse a partial again every time it is rendered.
std::string inline_partials(std::string const& file, std::string const& text,
                            std::map<std::string, std::string, std::less<>> const& partials,
                            std::set<std::string>& used, int depth = 0) {
    static std::regex const tag(R"(\{\{>\s*([^}]*?)\s*\}\})");
    if (depth > 8) throw template_error(file + ": partials nest too deeply (a partial includes itself?)");
    std::string out;
    auto last = text.cbegin();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
        auto const& m = *it;
        out.append(last, m[0].first);
        auto const found = partials.find(m[1].str());
        if (found == partials.end()) throw template_error(file + ": unknown partial '" + m[1].str() + "'");
        used.insert(found->first);
        out += inline_partials(file, found->second, partials, used, depth + 1);
        last = m[0].second;
    }
    out.append(last, text.cend());
    return out;
}

} // namespace

std::shared_ptr<templates const> templates::load(fs::path const& dir, load_options const& options) {
    auto out = std::make_shared<templates>();
    out->prefix_ = options.name_prefix;
    if (!fs::is_directory(dir)) throw template_error(dir.string() + ": not a directory");
    std::map<std::string, std::pair<fs::path, std::string>> sources;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        auto const rel = fs::relative(it->path(), dir).generic_string();
        if (it->is_directory() && options.skip.contains(rel)) it.disable_recursion_pending();
        if (!it->is_regular_file() || it->path().extension() != ".mustache") continue;
        sources[fs::path(rel).replace_extension().generic_string()] = {it->path(), read_file(it->path())};
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
    }
    for (auto const& [name, src] : sources) {
        if (name.starts_with("partials/")) continue;
        auto& page = out->sources_[name];
        page.text = inline_partials(src.first.string(), src.second, out->partials_, page.partials);
        mu::mustache whole(page.text);
        if (!whole.is_valid()) throw template_error(src.first.string() + " with its partials: " + whole.error_message());
    }
    return out;
}

std::shared_ptr<templates::shared_data const> templates::prepare(json::value const& data) {
    return std::make_shared<shared_data const>(to_data(data));
}

std::string templates::render(std::string_view name, json::value const& data,
                              std::initializer_list<named_data> shared) const {
    auto const root = to_data(data);
    auto copy = acquire(name);
    loud_context ctx(&root, shared);
    std::string html = copy->tmpl.render(ctx);
    // A copy that failed is broken for good (kainjow keeps the error): drop it instead of returning it.
    if (!copy->tmpl.is_valid()) throw template_error(std::string(name) + ": " + copy->tmpl.error_message());
    release(name, std::move(copy));
    if (auto const notify = observer.load(std::memory_order_relaxed)) {
        notify(prefix_ + std::string(name));
        for (auto const& p : sources_.find(name)->second.partials) notify(prefix_ + "partials/" + p);
    }
    return html;
}

std::shared_ptr<templates::compiled> templates::acquire(std::string_view name) const {
    auto const source = sources_.find(name);
    if (source == sources_.end()) throw template_error("unknown template '" + std::string(name) + "'");
    {
        std::lock_guard lock(pool_mutex_);
        auto& idle = idle_[source->first];
        if (!idle.empty()) {
            auto copy = std::move(idle.back());
            idle.pop_back();
            return copy;
        }
    }
    return std::make_shared<compiled>(source->second.text);
}

void templates::release(std::string_view name, std::shared_ptr<compiled> copy) const {
    std::lock_guard lock(pool_mutex_);
    idle_.find(name)->second.push_back(std::move(copy));
}

std::vector<std::string> templates::names() const {
    std::vector<std::string> out;
    for (auto const& [n, _] : sources_) out.push_back(n);
    for (auto const& [n, _] : partials_) out.push_back("partials/" + n);
    return out;
}

void set_render_observer(render_observer fn) { observer.store(fn, std::memory_order_relaxed); }

} // namespace farol::view
