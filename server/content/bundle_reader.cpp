#include "content/bundle_reader.hpp"

#include "content/bundle_json.hpp"
#include "content/front_matter.hpp"
#include "content/located_json.hpp"
#include "content/markdown.hpp"
#include "content/material_store.hpp"
#include "content/text_rules.hpp"
#include "util/media_types.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace farol::content {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Whether `inner` (canonical) is `outer` (canonical) or below it.
bool inside(fs::path const& inner, fs::path const& outer) {
    auto const rel = inner.lexically_relative(outer);
    return !rel.empty() && *rel.begin() != "..";
}

std::vector<std::string> sorted_entries(fs::path const& dir) {
    std::vector<std::string> names;
    for (auto const& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class reader {
public:
    reader(fs::path root, std::vector<std::string> const& languages) : root_(std::move(root)), languages_(languages) {}

    bundle_set run() {
        read_hotlines();
        for (auto const& name : sorted_entries(root_)) {
            if (name.starts_with('.') || name == "README.md" || name == "hotlines.json") continue;
            if (fs::is_directory(root_ / name))
                read_campaign(name);
            else
                add(name, 0, reason("unexpected_file"));
        }
        if (!problems_.empty()) {
            std::stable_sort(problems_.begin(), problems_.end(), [](auto const& a, auto const& b) {
                return std::pair(a.file.generic_string(), a.line) < std::pair(b.file.generic_string(), b.line);
            });
            throw bundle_invalid(std::move(problems_));
        }
        return std::move(out_);
    }

private:
    void add(fs::path const& rel, int line, problem_reason why) { problems_.push_back({rel, line, std::move(why)}); }

    std::nullopt_t problem(fs::path const& rel, int line, problem_reason why) {
        add(rel, line, std::move(why));
        return std::nullopt;
    }

    report_fn reporter(fs::path const& rel) {
        return [this, rel](int line, problem_reason why) { add(rel, line, std::move(why)); };
    }

    std::optional<std::string> read_text(fs::path const& rel) {
        fs::path const p = root_ / rel;
        std::error_code ec;
        if (!fs::exists(p, ec)) return problem(rel, 0, reason("missing"));
        if (!fs::is_regular_file(p, ec)) return problem(rel, 0, reason("not_regular_file"));
        if (auto const size = fs::file_size(p, ec); !ec && size > max_bundle_text_bytes)
            return problem(rel, 0, reason("too_large", {{"bytes", std::to_string(size)}}));
        std::ifstream in(p, std::ios::binary);
        std::ostringstream buf;
        buf << in.rdbuf();
        if (!in) return problem(rel, 0, reason("unreadable"));
        std::string text = std::move(buf).str();
        if (text.starts_with(bom)) return problem(rel, 1, reason("byte_order_mark"));
        if (auto const bad = util::find_invalid_utf8(text); bad != std::string::npos)
            return problem(rel, line_at(text, bad), reason("invalid_utf8"));
        if (auto const cr = text.find('\r'); cr != std::string::npos)
            return problem(rel, line_at(text, cr), reason("carriage_return"));
        return text;
    }

    std::optional<json_node> read_json(fs::path const& rel) {
        auto text = read_text(rel);
        if (!text) return std::nullopt;
        json_parse_error error;
        auto tree = parse_located_json(*text, error);
        if (!tree) add(rel, error.line, reason("invalid_json", {{"detail", error.reason}}));
        return tree;
    }

    void read_hotlines() {
        auto const tree = read_json("hotlines.json");
        if (!tree) return;
        hotlines_ = decode_hotlines(*tree, languages_, reporter("hotlines.json"));
        out_.library.hotlines = hotlines_->hotlines;
    }

    void read_campaign(std::string const& folder);
    std::vector<translation> read_translations(std::string const& folder, campaign_spec const* spec);
    void check_page_names(std::string const& folder);
    std::vector<material> read_materials(std::string const& folder, std::vector<material_spec> const& specs);
    std::optional<translation> read_translation(fs::path const& rel, std::string const& language);
    std::optional<material_file> read_material_file(std::string const& folder, material_path const& mp,
                                                    std::map<std::string, std::string>& names);

    fs::path root_;
    std::vector<std::string> const& languages_;
    std::vector<bundle_problem> problems_;
    std::optional<hotline_set> hotlines_;
    bundle_set out_;
};

void reader::read_campaign(std::string const& folder) {
    std::size_t const before = problems_.size();
    fs::path const json_rel = fs::path(folder) / "campaign.json";
    if (!is_id(folder)) add(folder, 0, reason("folder_not_slug"));
    std::optional<campaign_spec> spec;
    if (auto const tree = read_json(json_rel))
        spec = decode_campaign(*tree, languages_, hotlines_ ? &hotlines_->ids : nullptr, reporter(json_rel));
    if (spec && spec->settings.slug != folder)
        add(json_rel, spec->slug_line, reason("slug_not_folder", {{"slug", spec->settings.slug}, {"folder", folder}}));
    auto translations = read_translations(folder, spec ? &*spec : nullptr);
    check_page_names(folder);
    auto materials = spec ? read_materials(folder, spec->materials) : std::vector<material>{};
    if (!spec || problems_.size() != before) return;
    campaign c = std::move(spec->settings);
    c.translations = std::move(translations);
    c.materials = std::move(materials);
    out_.library.campaigns.push_back(std::move(c));
}

std::vector<translation> reader::read_translations(std::string const& folder, campaign_spec const* spec) {
    std::vector<translation> out;
    for (auto const& language : languages_) {
        fs::path const rel = fs::path(folder) / (language + ".md");
        std::error_code ec;
        if (fs::exists(root_ / rel, ec)) {
            if (auto t = read_translation(rel, language)) out.push_back(std::move(*t));
        } else if (spec && language == spec->settings.default_language) {
            add(fs::path(folder) / "campaign.json", spec->default_language_line,
                reason("default_page_missing", {{"file", rel.filename().string()}}));
        }
    }
    return out;
}

// A page for a language we do not know would be silently left out: say so.
void reader::check_page_names(std::string const& folder) {
    for (auto const& name : sorted_entries(root_ / folder)) {
        fs::path const p(name);
        std::string const stem = p.stem().string();
        bool const known = std::find(languages_.begin(), languages_.end(), stem) != languages_.end();
        if (p.extension() == ".md" && !name.starts_with('.') && !known)
            add(fs::path(folder) / name, 0, reason("unknown_page_language", {{"language", stem}}));
    }
}

std::vector<material> reader::read_materials(std::string const& folder, std::vector<material_spec> const& specs) {
    std::vector<material> out;
    std::map<std::string, std::string> names; // file name -> sha256, so an export cannot collide
    for (auto const& ms : specs) {
        material m{ms.id, ms.kind, {}};
        for (auto const& mp : ms.files)
            if (auto f = read_material_file(folder, mp, names)) m.files.push_back(std::move(*f));
        out.push_back(std::move(m));
    }
    return out;
}

std::optional<translation> reader::read_translation(fs::path const& rel, std::string const& language) {
    auto const text = read_text(rel);
    if (!text) return std::nullopt;
    std::vector<page_problem> page_problems;
    auto page = parse_page(*text, page_problems);
    for (auto& p : page_problems) add(rel, p.line, std::move(p.reason));
    if (!page) return std::nullopt;
    if (page->body.size() > max_markdown_bytes) {
        add(rel, page->body_line,
            reason("body_too_large",
                   {{"bytes", std::to_string(page->body.size())}, {"max", std::to_string(max_markdown_bytes)}}));
        return std::nullopt;
    }
    auto const issues = check_markdown(page->body);
    for (auto const& i : issues) add(rel, page->body_line + i.line - 1, i.reason);
    if (!issues.empty()) return std::nullopt;
    std::string html = render_markdown(page->body);
    return translation{language, std::move(page->title), std::move(page->summary), std::move(page->body),
                       std::move(html)};
}

std::optional<material_file> reader::read_material_file(std::string const& folder, material_path const& mp,
                                                        std::map<std::string, std::string>& names) {
    fs::path const json_rel = fs::path(folder) / "campaign.json";
    fs::path const p = root_ / folder / mp.path;
    std::string const name = p.filename().string();
    auto const fail = [&](std::string_view key, reason_args more = {}) {
        more.insert(more.begin(), {"path", mp.path});
        add(json_rel, mp.line, reason(key, std::move(more)));
        return std::nullopt;
    };
    std::error_code ec;
    if (!fs::exists(p, ec)) return fail("material_missing");
    if (!fs::is_regular_file(p, ec)) return fail("material_not_regular");
    if (!inside(fs::canonical(p, ec), fs::canonical(root_ / folder, ec)) || ec)
        return fail("material_outside");
    if (!is_safe_file_name(name)) return fail("material_name");
    std::string_view const type = util::material_media_type(name);
    if (type.empty()) return fail("material_type", {{"extensions", util::material_extensions()}});
    file_digest d;
    try {
        d = digest_file(p);
    } catch (std::system_error const& e) {
        return fail("material_unreadable", {{"detail", e.what()}});
    }
    if (d.size == 0) return fail("material_empty");
    if (auto [it, fresh] = names.emplace(name, d.sha256); !fresh && it->second != d.sha256)
        return fail("material_name_taken");
    out_.blobs.emplace(d.sha256, p);
    return material_file{mp.language, name, d.sha256, d.size, std::string(type)};
}

} // namespace

bundle_set read_bundles(fs::path const& dir, std::vector<std::string> const& languages) {
    if (languages.empty()) throw std::invalid_argument("read_bundles: no languages");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw bundle_invalid({{dir, 0, reason("not_a_directory")}});
    return reader(dir, languages).run();
}

} // namespace farol::content
