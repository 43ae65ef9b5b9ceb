#pragma once
#include <boost/json/object.hpp>

#include <string_view>

namespace farol::i18n {
class catalogs;
}

namespace farol::view {

// Every string of a catalog in `lang`, nested by the dots of its key ("a.b.c" → t.a.b.c in a
// template), ready for templates::prepare(). A plural key gives its "other" form.
boost::json::object catalog_strings(i18n::catalogs const& catalogs, std::string_view lang);

} // namespace farol::view
