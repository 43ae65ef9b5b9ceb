#include "http/form_fields.hpp"

#include "util/strings.hpp"

#include <boost/url/parse_query.hpp>

namespace farol::http {

field_list parse_cookies(std::string_view header) {
    field_list out;
    for (auto pair : util::pieces(header, ';')) {
        auto const eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        auto const name = util::trim(pair.substr(0, eq));
        auto value = util::trim(pair.substr(eq + 1));
        if (name.empty()) continue;
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        out.emplace_back(std::string(name), std::string(value));
    }
    return out;
}

std::optional<field_list> parse_form(std::string_view body) {
    auto const query = boost::urls::parse_query(body);
    if (!query) return std::nullopt;
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    field_list out;
    for (auto const& p : *query) {
        if (p.key.empty() && !p.has_value) continue; // "a=1&&b=2"
        out.emplace_back(p.key.decode(opts), p.has_value ? p.value.decode(opts) : std::string());
    }
    return out;
}

std::optional<std::string_view> find_field(field_list const& fields, std::string_view name) {
    for (auto const& [k, v] : fields)
        if (k == name) return std::string_view(v);
    return std::nullopt;
}

} // namespace farol::http
