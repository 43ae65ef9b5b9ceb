#include "i18n/catalog_file.hpp"

#include "i18n/catalogs.hpp"
#include "i18n/placeholders.hpp"

#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <sstream>

namespace farol::i18n::detail {

namespace {

namespace json = boost::json;

std::string read_text(std::filesystem::path const& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) throw catalog_error(file, "cannot read the file");
    auto out = std::move(text).str();
    if (out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3); // editors on Windows like to add a UTF-8 BOM
    return out;
}

// "line L, column C" of a byte offset, counting columns in code points so that they match what editors show.
std::string position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

json::value parse(std::filesystem::path const& file) {
    auto const text = read_text(file);
    json::stream_parser parser;
    boost::system::error_code ec;
    auto const used = parser.write_some(text.data(), text.size(), ec);
    if (!ec && used < text.size())
        throw catalog_error(file, "invalid JSON at " + position(text, used) + ": text after the end of the value");
    if (!ec) parser.finish(ec);
    if (ec) throw catalog_error(file, "invalid JSON at " + position(text, used) + ": " + ec.message());
    return parser.release();
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

void read_meta(json::value const* meta, catalog& out, std::filesystem::path const& file) {
    auto const* obj = meta ? meta->if_object() : nullptr;
    if (!obj) throw catalog_error(file, "\"meta\" must be an object with \"name\" and \"dir\"");
    for (auto const& member : *obj)
        if (member.key() != "name" && member.key() != "dir")
            throw catalog_error(file, "unexpected member " + in_quotes(member.key()) + " in \"meta\"");
    auto const* name = obj->if_contains("name");
    if (!name || !name->is_string() || name->get_string().empty())
        throw catalog_error(file, "\"meta.name\" must be a non-empty string");
    out.name = name->get_string();
    auto const* dir = obj->if_contains("dir");
    if (!dir || !dir->is_string() || (dir->get_string() != "ltr" && dir->get_string() != "rtl"))
        throw catalog_error(file, "\"meta.dir\" must be \"ltr\" or \"rtl\"");
    out.rtl = dir->get_string() == "rtl";
}

std::string list(category_set const& categories) {
    std::string out;
    for (auto const& c : categories) out += (out.empty() ? "" : ", ") + c;
    return out;
}

message read_plural(json::object const& forms, std::string_view key, std::string_view tag,
                    category_set const& categories, std::filesystem::path const& file) {
    message m{.plural = true, .forms = {}};
    for (auto const& form : forms) {
        auto const category = std::string_view(form.key());
        if (!categories.contains(category))
            throw catalog_error(file, "key " + in_quotes(key) + ": " + in_quotes(category) + " is not a plural category of " +
                                          std::string(tag) + " (it has: " + list(categories) + ")");
        if (!form.value().is_string())
            throw catalog_error(file, "key " + in_quotes(key) + ": form " + in_quotes(category) + " must be a string");
        m.forms.emplace(category, form.value().get_string());
    }
    if (!m.forms.contains("other"))
        throw catalog_error(file, "key " + in_quotes(key) + ": a plural entry needs an \"other\" form");
    return m;
}

void read_strings(json::value const* strings, catalog& out, std::string_view tag, category_set const& categories,
                  std::filesystem::path const& file) {
    auto const* obj = strings ? strings->if_object() : nullptr;
    if (!obj) throw catalog_error(file, "\"strings\" must be an object");
    for (auto const& entry : *obj) {
        auto const key = std::string_view(entry.key());
        if (auto const* s = entry.value().if_string())
            out.strings.emplace(key, message{.plural = false, .forms = {{"other", std::string(*s)}}});
        else if (auto const* forms = entry.value().if_object())
            out.strings.emplace(key, read_plural(*forms, key, tag, categories, file));
        else
            throw catalog_error(file, "key " + in_quotes(key) + ": expected a string or an object of plural forms");
    }
}

category_set placeholders_of(message const& m) {
    category_set names;
    for (auto const& [category, text] : m.forms) names.merge(placeholder_names(text));
    return names;
}

} // namespace

catalog read_catalog(std::filesystem::path const& file, std::string_view tag, category_set const& categories) {
    auto const doc = parse(file);
    auto const* root = doc.if_object();
    if (!root) throw catalog_error(file, "expected an object with \"meta\" and \"strings\"");
    for (auto const& member : *root)
        if (member.key() != "meta" && member.key() != "strings")
            throw catalog_error(file, "unexpected member " + in_quotes(member.key()));
    catalog out;
    read_meta(root->if_contains("meta"), out, file);
    read_strings(root->if_contains("strings"), out, tag, categories, file);
    return out;
}

void check_translation(catalog const& translation, catalog const& fallback, std::filesystem::path const& file) {
    for (auto const& [key, m] : translation.strings) {
        auto const it = fallback.strings.find(key);
        if (it == fallback.strings.end())
            throw catalog_error(file, "key " + in_quotes(key) + " is not in the default catalog");
        if (m.plural != it->second.plural)
            throw catalog_error(file, "key " + in_quotes(key) + " must be " +
                                          (it->second.plural ? "a plural object" : "a string") + " as in the default");
        auto const known = placeholders_of(it->second);
        for (auto const& name : placeholders_of(m))
            if (!known.contains(name))
                throw catalog_error(file, "key " + in_quotes(key) + ": placeholder {" + name +
                                              "} is not in the default catalog's text");
    }
}

} // namespace farol::i18n::detail
