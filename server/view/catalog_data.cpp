#include "view/catalog_data.hpp"

#include "i18n/catalogs.hpp"

namespace farol::view {

namespace json = boost::json;

namespace {
void insert_dotted(json::object& root, std::string_view key, std::string value) {
    json::object* node = &root;
    for (;;) {
        auto const dot = key.find('.');
        if (dot == std::string_view::npos) break;
        auto& child = (*node)[key.substr(0, dot)];
        if (!child.is_object()) child = json::object{};
        node = &child.as_object();
        key.remove_prefix(dot + 1);
    }
    (*node)[key] = std::move(value);
}
} // namespace

json::object catalog_strings(i18n::catalogs const& catalogs, std::string_view lang) {
    json::object t;
    for (auto const& key : catalogs.keys()) insert_dotted(t, key, catalogs.text(lang, key));
    return t;
}

} // namespace farol::view
