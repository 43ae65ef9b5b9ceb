#include "partners/partner.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>

namespace farol::partners {

namespace {

// Names the reach reports give to other sources; a partner with one of them would be ambiguous.
constexpr std::array<std::string_view, 8> reserved{"direct", "partner", "qr", "whatsapp",
                                                   "facebook", "search", "other", "none"};

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::optional<std::string> id_problem(std::string_view id) {
    if (id.empty() || id.size() > 40) return "must be 1 to 40 characters";
    if (!std::all_of(id.begin(), id.end(), id_char)) return "may hold only a-z, 0-9 and '-'";
    if (id.front() == '-' || id.back() == '-') return "may not start or end with '-'";
    if (std::find(reserved.begin(), reserved.end(), id) != reserved.end()) return "is a reserved source name";
    return std::nullopt;
}

std::optional<std::string> normalize_origin(std::string_view text) {
    auto const parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) return std::nullopt;
    auto const& u = *parsed;
    auto const scheme = lower(u.scheme());
    if (scheme != "http" && scheme != "https") return std::nullopt;
    if (!u.has_authority() || u.host().empty() || u.has_userinfo()) return std::nullopt;
    if (!(u.path().empty() || u.path() == "/") || u.has_query() || u.has_fragment()) return std::nullopt;
    std::string out = scheme + "://" + lower(u.encoded_host());
    if (u.has_port()) {
        if (u.port().empty()) return std::nullopt;
        auto const n = u.port_number();
        if (n == 0) return std::nullopt;
        bool const is_default = (scheme == "http" && n == 80) || (scheme == "https" && n == 443);
        if (!is_default) out += ":" + std::to_string(n);
    }
    return out;
}

partner const* partner_set::find(std::string_view id) const {
    auto const it = std::lower_bound(partners.begin(), partners.end(), id,
                                     [](partner const& p, std::string_view k) { return p.id < k; });
    return it != partners.end() && it->id == id ? &*it : nullptr;
}

partner const* partner_set::enabled(std::string_view id) const {
    auto const* p = find(id);
    return p && p->enabled ? p : nullptr;
}

} // namespace farol::partners
