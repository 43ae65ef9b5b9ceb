#include "content/bundle_json.hpp"

#include "content/text_rules.hpp"
#include "content/timestamp.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <initializer_list>

namespace farol::content {

namespace {

using kind = json_node::kind;

constexpr std::string_view id_rule =
    " (lower-case letters and digits, single hyphens between: ^[a-z0-9]+(-[a-z0-9]+)*$)";
constexpr std::string_view kinds[] = {"leaflet", "poster", "audio", "other"};

struct field {
    std::string_view name;
    kind type;
    bool required;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool known(std::vector<std::string> const& languages, std::string_view tag) {
    return std::find(languages.begin(), languages.end(), tag) != languages.end();
}

std::string language_list(std::vector<std::string> const& languages) {
    std::string out;
    for (auto const& l : languages) out += (out.empty() ? "" : ", ") + l;
    return out;
}

// Reports a non-object, unknown, duplicate, missing and mistyped members. False if not an object.
bool check_shape(json_node const& obj, std::string_view what, std::initializer_list<field> fields,
                 report_fn const& report) {
    if (obj.type != kind::object) {
        report(obj.line, std::string(what) + " must be an object, not " + std::string(describe(obj.type)));
        return false;
    }
    std::set<std::string> seen;
    for (auto const& m : obj.members) {
        auto const f = std::find_if(fields.begin(), fields.end(), [&](field const& x) { return x.name == m.key; });
        if (f == fields.end())
            report(m.line, "unknown field " + quoted(m.key) + " in " + std::string(what));
        else if (!seen.insert(m.key).second)
            report(m.line, "duplicate field " + quoted(m.key) + " in " + std::string(what));
        else if (m.value.type != f->type)
            report(m.line, quoted(m.key) + " must be " + std::string(describe(f->type)) + ", not " +
                               std::string(describe(m.value.type)));
    }
    for (auto const& f : fields)
        if (f.required && !seen.contains(std::string(f.name)))
            report(obj.line, std::string(what) + " lacks the field " + quoted(f.name));
    return true;
}

// The member if present with the right type.
json_node const* member(json_node const& obj, std::string_view name, kind type) {
    json_node const* n = obj.find(name);
    return n != nullptr && n->type == type ? n : nullptr;
}

// language -> plain text, every language required.
std::map<std::string, std::string> decode_texts(json_node const& obj, std::string_view what,
                                                std::vector<std::string> const& languages, std::size_t max_chars,
                                                report_fn const& report) {
    std::map<std::string, std::string> out;
    for (auto const& m : obj.members) {
        if (!known(languages, m.key)) {
            report(m.line, "unknown language " + quoted(m.key) + " in " + std::string(what) +
                               " (known: " + language_list(languages) + ")");
        } else if (out.contains(m.key)) {
            report(m.line, "duplicate language " + quoted(m.key) + " in " + std::string(what));
        } else if (m.value.type != kind::string) {
            report(m.line, std::string(what) + " " + m.key + " must be a string");
        } else {
            if (auto why = plain_text_reason(std::string(what) + " " + m.key, m.value.text, max_chars))
                report(m.line, std::move(*why));
            out[m.key] = m.value.text;
        }
    }
    for (auto const& l : languages)
        if (!out.contains(l)) report(obj.line, std::string(what) + " lacks the language " + quoted(l));
    return out;
}

void decode_hotline(json_member const& m, std::vector<std::string> const& languages, report_fn const& report,
                    hotline_set& out) {
    std::string const what = "hotline " + quoted(m.key);
    bool ok = true;
    report_fn const note = [&](int line, problem_reason why) {
        ok = false;
        report(line, std::move(why));
    };
    if (!check_shape(
            m.value, what,
            {{"number", kind::string, true}, {"label", kind::object, true}, {"description", kind::object, true}}, note))
        return;
    hotline h{m.key};
    if (auto const* n = member(m.value, "number", kind::string)) {
        h.number = n->text;
        bool const digits = std::all_of(h.number.begin(), h.number.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (h.number.empty() || h.number.size() > 15 || !digits)
            note(n->line, what + " number must be 1 to 15 digits, what a person dials");
    }
    if (auto const* n = member(m.value, "label", kind::object))
        h.label = decode_texts(*n, "label", languages, max_label_chars, note);
    if (auto const* n = member(m.value, "description", kind::object))
        h.description = decode_texts(*n, "description", languages, max_description_chars, note);
    if (ok) out.hotlines.push_back(std::move(h));
}

using name_rule = std::function<std::optional<problem_reason>(std::string const&)>;

// Unique strings, each accepted by rule (which returns why not).
std::vector<std::string> decode_names(json_node const& list, std::string_view what, name_rule const& rule,
                                      report_fn const& report) {
    std::vector<std::string> out;
    for (auto const& item : list.items) {
        if (item.type != kind::string) {
            report(item.line, std::string(what) + "s must be strings, not " + std::string(describe(item.type)));
        } else if (auto why = rule(item.text)) {
            report(item.line, *why);
        } else if (std::find(out.begin(), out.end(), item.text) != out.end()) {
            report(item.line, "duplicate " + std::string(what) + " " + quoted(item.text));
        } else {
            out.push_back(item.text);
        }
    }
    return out;
}

void decode_time(json_node const& obj, std::string_view name, std::optional<time_point>& slot,
                 report_fn const& report) {
    auto const* n = member(obj, name, kind::string);
    if (n == nullptr) return;
    slot = parse_utc_timestamp(n->text);
    if (!slot)
        report(n->line, "publish." + std::string(name) + " " + quoted(n->text) +
                            " is not an RFC 3339 UTC timestamp like 2026-01-01T00:00:00Z");
}

publish_window decode_window(json_node const& obj, report_fn const& report) {
    check_shape(obj, "publish", {{"from", kind::string, false}, {"until", kind::string, false}}, report);
    publish_window w;
    decode_time(obj, "from", w.from, report);
    decode_time(obj, "until", w.until, report);
    if (w.from && w.until && *w.from >= *w.until)
        report(obj.find("until")->line, "publish.until must be later than publish.from");
    return w;
}

// Lexical rules of a material path; the reader checks the file itself.
std::optional<std::string> path_problem(std::string_view path) {
    if (path.empty()) return "is empty";
    if (util::find_invalid_utf8(path) != std::string_view::npos || has_control_characters(path))
        return "contains invalid or control characters";
    if (path.find('\\') != std::string_view::npos) return "contains a backslash; paths use /";
    if (path.front() == '/') return "starts with /; it must be relative to the campaign folder";
    for (std::size_t pos = 0; pos <= path.size();) {
        auto const end = std::min(path.find('/', pos), path.size());
        auto const part = path.substr(pos, end - pos);
        if (part == "..") return "contains ..; it must stay inside the campaign folder";
        if (part.empty() || part == ".") return "has an empty or . component";
        pos = end + 1;
    }
    return std::nullopt;
}

std::vector<material_path> decode_files(json_node const& files, std::vector<std::string> const& languages,
                                        report_fn const& report) {
    std::vector<material_path> out;
    if (files.members.empty()) report(files.line, "a material needs at least one file");
    for (auto const& f : files.members) {
        auto const same = [&](material_path const& p) { return p.language == f.key; };
        if (!known(languages, f.key))
            report(f.line, "unknown language " + quoted(f.key) + " in files (known: " + language_list(languages) + ")");
        else if (std::any_of(out.begin(), out.end(), same))
            report(f.line, "duplicate language " + quoted(f.key) + " in files");
        else if (f.value.type != kind::string)
            report(f.line, "the file for " + f.key + " must be a string path");
        else if (auto why = path_problem(f.value.text))
            report(f.line, "material path " + quoted(f.value.text) + " " + *why);
        else
            out.push_back({f.key, f.value.text, f.line});
    }
    auto const rank = [&](material_path const& p) { return std::find(languages.begin(), languages.end(), p.language); };
    std::sort(out.begin(), out.end(), [&](auto const& a, auto const& b) { return rank(a) < rank(b); });
    return out;
}

void decode_material(json_node const& n, std::vector<std::string> const& languages, report_fn const& report,
                     std::vector<material_spec>& out) {
    if (!check_shape(n, "a material",
                     {{"id", kind::string, true}, {"kind", kind::string, true}, {"files", kind::object, true}}, report))
        return;
    material_spec m;
    if (auto const* id = member(n, "id", kind::string)) {
        m.id = id->text;
        auto const same = [&](material_spec const& x) { return x.id == m.id; };
        if (!is_id(m.id))
            report(id->line, "material id " + quoted(m.id) + " is not valid" + std::string(id_rule));
        else if (std::any_of(out.begin(), out.end(), same))
            report(id->line, "duplicate material id " + quoted(m.id));
    }
    if (auto const* k = member(n, "kind", kind::string)) {
        m.kind = k->text;
        if (std::find(std::begin(kinds), std::end(kinds), m.kind) == std::end(kinds))
            report(k->line, "material kind " + quoted(m.kind) + " is not one of leaflet, poster, audio, other");
    }
    if (auto const* files = member(n, "files", kind::object)) m.files = decode_files(*files, languages, report);
    out.push_back(std::move(m));
}

} // namespace

hotline_set decode_hotlines(json_node const& root, std::vector<std::string> const& languages, report_fn const& report) {
    hotline_set out;
    if (root.type != kind::object) {
        report(root.line, "hotlines.json must be an object of hotline id -> hotline");
        return out;
    }
    for (auto const& m : root.members) {
        if (!is_id(m.key)) {
            report(m.line, "hotline id " + quoted(m.key) + " is not valid" + std::string(id_rule));
        } else if (!out.ids.insert(m.key).second) {
            report(m.line, "duplicate hotline id " + quoted(m.key));
        } else {
            decode_hotline(m, languages, report, out);
        }
    }
    std::sort(out.hotlines.begin(), out.hotlines.end(), [](auto const& a, auto const& b) { return a.id < b.id; });
    return out;
}

std::optional<campaign_spec> decode_campaign(json_node const& root, std::vector<std::string> const& languages,
                                             std::set<std::string> const* hotline_ids, report_fn const& report) {
    bool ok = true;
    report_fn const note = [&](int line, problem_reason why) {
        ok = false;
        report(line, std::move(why));
    };
    if (!check_shape(root, "campaign.json",
                     {{"slug", kind::string, true},
                      {"default_language", kind::string, true},
                      {"tags", kind::array, true},
                      {"hotlines", kind::array, true},
                      {"publish", kind::object, true},
                      {"materials", kind::array, true}},
                     note))
        return std::nullopt;
    campaign_spec spec;
    campaign& c = spec.settings;
    if (auto const* n = member(root, "slug", kind::string)) {
        c.slug = n->text;
        spec.slug_line = n->line;
        if (!is_id(c.slug)) note(n->line, "slug " + quoted(c.slug) + " is not valid" + std::string(id_rule));
    }
    if (auto const* n = member(root, "default_language", kind::string)) {
        c.default_language = n->text;
        spec.default_language_line = n->line;
        if (!known(languages, c.default_language))
            note(n->line,
                 reason("unknown_default_language", {{"language", n->text}, {"known", language_list(languages)}}));
    }
    name_rule const tag_rule = [](std::string const& s) -> std::optional<problem_reason> {
        if (is_tag(s)) return std::nullopt;
        return "tag " + quoted(s) + " must be lower-case ASCII letters only (^[a-z]+$)";
    };
    name_rule const hotline_rule = [&](std::string const& s) -> std::optional<problem_reason> {
        if (hotline_ids ? hotline_ids->contains(s) : is_id(s)) return std::nullopt;
        return reason("unknown_hotline", {{"hotline", s}});
    };
    if (auto const* n = member(root, "tags", kind::array)) c.tags = decode_names(*n, "tag", tag_rule, note);
    if (auto const* n = member(root, "hotlines", kind::array))
        c.hotlines = decode_names(*n, "hotline", hotline_rule, note);
    if (auto const* n = member(root, "publish", kind::object)) c.window = decode_window(*n, note);
    if (auto const* n = member(root, "materials", kind::array))
        for (auto const& item : n->items) decode_material(item, languages, note, spec.materials);
    if (!ok) return std::nullopt;
    return spec;
}

} // namespace farol::content
