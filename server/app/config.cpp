#include "app/config.hpp"
#include "app/config_settings.hpp"
#include "util/strings.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace farol::app {

using detail::assignment;
using detail::origin;
using detail::settings;

namespace {

std::string position(std::string const& file, toml::source_region const& where) {
    return file + ':' + std::to_string(where.begin.line) + ':' + std::to_string(where.begin.column);
}

std::string read_whole_file(std::filesystem::path const& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw config_error("", path.string() + ": cannot read the config file: it is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw config_error("", path.string() + ": cannot read the config file: " + std::strerror(errno));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw config_error("", path.string() + ": cannot read the config file: " + std::strerror(errno));
    return text;
}

toml::table parse_toml(std::string const& text, std::string const& file) {
    try {
        return toml::parse(text, file);
    } catch (toml::parse_error const& e) {
        std::string reason(e.description());
        for (char& c : reason) c = (c == '\n' || c == '\r') ? ' ' : c; // what() stays one line
        throw config_error("", position(file, e.source()) + ": TOML syntax error: " + reason);
    }
}

detail::value parse_node(detail::setting const& s, toml::node const& node, origin const& from) {
    using detail::source_type;
    if (auto const* v = node.as_string()) return detail::parse(s, v->get(), source_type::text, from);
    if (auto const* v = node.as_integer()) return detail::parse(s, std::to_string(v->get()), source_type::integer, from);
    if (auto const* v = node.as_boolean()) {
        return detail::parse(s, v->get() ? "true" : "false", source_type::boolean, from);
    }
    std::ostringstream type;
    type << node.type();
    throw config_error(std::string(s.key),
                       detail::error_message(from, s.key, "a TOML " + type.str() +
                                                              " is not accepted here (expected a string or an integer)"));
}

struct file_entry {
    std::string key; // dotted, e.g. "listen.port"
    toml::key const* name;
    toml::node const* node;
};

// Walks [section] tables down to leaves; tables that are not known sections are left as leaves.
void flatten(toml::table const& table, std::string const& prefix, std::vector<file_entry>& out) {
    for (auto const& [name, node] : table) {
        std::string key = prefix.empty() ? std::string(name.str()) : prefix + '.' + std::string(name.str());
        if (auto const* sub = node.as_table(); sub && detail::is_section(key)) {
            flatten(*sub, key, out);
        } else {
            out.push_back({std::move(key), &name, &node});
        }
    }
}

// Checks the leaves in file order (toml++ tables are sorted by key), so the first error reported is the first one.
std::vector<assignment> collect(toml::table const& table, std::string const& file) {
    std::vector<file_entry> entries;
    flatten(table, "", entries);
    std::sort(entries.begin(), entries.end(), [](file_entry const& a, file_entry const& b) {
        return a.name->source().begin < b.name->source().begin;
    });
    std::vector<assignment> out;
    for (auto const& e : entries) {
        auto const index = detail::find_setting(e.key);
        if (!index) {
            auto const reason = detail::is_section(e.key) ? "expected a [" + e.key + "] section, not a value"
                                : e.node->is_table()      ? std::string("unknown section")
                                                          : std::string("unknown setting");
            throw config_error(e.key, detail::error_message({position(file, e.name->source()), true}, e.key, reason));
        }
        origin from{position(file, e.node->source()), true};
        out.push_back({*index, parse_node(settings()[*index], *e.node, from), from});
    }
    return out;
}

std::optional<std::size_t> find_by_env(std::string_view name) {
    auto const all = settings();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (detail::env_name(all[i].key) == name) return i;
    }
    return std::nullopt;
}

// Rules between settings, checked on the merged result before anything is stored.
void check_cross_fields(config const& candidate, std::vector<assignment> const& assignments) {
    auto const& l = candidate.limits;
    if (l.max_target <= l.max_head) return;
    auto const target = detail::find_setting("limits.max_target");
    auto const head = detail::find_setting("limits.max_head");
    origin from;
    for (auto const& a : assignments) {
        if (a.index == target || (a.index == head && from.text.empty())) from = a.from;
    }
    auto const& size = settings()[*target];
    std::string const reason = detail::format(size, std::uint64_t{l.max_target}) + " exceeds limits.max_head (" +
                               detail::format(size, std::uint64_t{l.max_head}) + ")";
    throw config_error("limits.max_target", detail::error_message(from, "limits.max_target", reason));
}

} // namespace

config_loader::config_loader() : layers_(settings().size(), layer::defaults) {}

void config_loader::apply_file(std::filesystem::path const& toml_path) {
    std::string const file = toml_path.string();
    auto const table = parse_toml(read_whole_file(toml_path), file);
    commit(collect(table, file), layer::file);
}

void config_loader::apply_env(char const* const* envp) {
    std::vector<assignment> assignments;
    std::set<std::size_t> seen;
    for (auto entry = envp; entry && *entry; ++entry) {
        std::string_view const variable(*entry);
        auto const eq = variable.find('=');
        if (eq == std::string_view::npos) continue;
        auto const index = find_by_env(variable.substr(0, eq));
        if (!index || !seen.insert(*index).second) continue; // first one wins, as with getenv
        origin from{std::string(variable.substr(0, eq))};
        auto const& s = settings()[*index];
        assignments.push_back({*index, detail::parse(s, variable.substr(eq + 1), detail::source_type::text, from), from});
    }
    commit(assignments, layer::env);
}

void config_loader::apply_flag(std::string_view key, std::string_view value) {
    std::pair<std::string, std::string> const one[] = {{std::string(key), std::string(value)}};
    apply_flags(one);
}

void config_loader::apply_flags(std::span<std::pair<std::string, std::string> const> key_values) {
    std::vector<assignment> assignments;
    for (auto const& [key, text] : key_values) {
        auto const index = detail::find_setting(key);
        if (!index) throw config_error(key, detail::error_message({}, key, "unknown setting"));
        auto const& s = settings()[*index];
        origin from{detail::flag_name(s.key)};
        assignments.push_back({*index, detail::parse(s, text, detail::source_type::text, from), from});
    }
    commit(assignments, layer::flag);
}

void config_loader::commit(std::vector<assignment> const& assignments, layer from) {
    config candidate = config_;
    auto layers = layers_;
    for (auto const& a : assignments) {
        if (layers[a.index] > from) continue; // a higher layer has already decided this setting
        settings()[a.index].store(candidate, a.parsed);
        layers[a.index] = from;
    }
    check_cross_fields(candidate, assignments);
    config_ = std::move(candidate);
    layers_ = std::move(layers);
}

std::vector<std::string> language_list(config const& c) {
    std::vector<std::string> out;
    for (auto tag : util::split(c.languages, ' '))
        if (!tag.empty()) out.emplace_back(tag);
    return out;
}

std::filesystem::path database_file(config const& c) { return c.data_dir / "farol.db"; }
std::filesystem::path materials_dir(config const& c) { return c.data_dir / "materials"; }
std::filesystem::path uploads_dir(config const& c) { return c.data_dir / "incoming"; }

} // namespace farol::app
