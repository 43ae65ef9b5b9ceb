#include "http/request_head.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace farol::http {

namespace {

struct watched {
    field name;
    bool list; // list-valued: joined; otherwise a singleton: a repeat is refused
};

// Host first: its bit is tested below. Fields Farol (or a handler) reads; the others pass untouched.
constexpr std::array<watched, 18> watched_fields{{
    {field::host, false},
    {field::range, false},
    {field::if_range, false},
    {field::if_modified_since, false},
    {field::if_unmodified_since, false},
    {field::content_type, false},
    {field::authorization, false},
    {field::accept, true},
    {field::accept_encoding, true},
    {field::accept_language, true},
    {field::cache_control, true},
    {field::connection, true},
    {field::expect, true},
    {field::if_match, true},
    {field::if_none_match, true},
    {field::pragma, true},
    {field::te, true},
    {field::forwarded, true},
}};

// Field code -> its bit (0: not watched); one table lookup per field line on the hot path.
constexpr std::size_t field_codes = static_cast<std::size_t>(field::xref) + 1;
constexpr auto watched_bits = [] {
    std::array<std::uint32_t, field_codes> bits{};
    for (std::size_t i = 0; i < watched_fields.size(); ++i)
        bits[static_cast<std::size_t>(watched_fields[i].name)] = std::uint32_t{1} << i;
    return bits;
}();

std::uint32_t bit_of(field f) {
    auto const code = static_cast<std::size_t>(f);
    return code < field_codes ? watched_bits[code] : 0;
}

// The characters of uri-host [ ":" port ]: unreserved, pct-encoded, sub-delims, ':' and IP-literal brackets.
constexpr auto host_chars = [] {
    std::array<bool, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (char c : std::string_view("-._~%!$&'()*+,;=:[]")) t[static_cast<unsigned char>(c)] = true;
    return t;
}();

// uri-host [ ":" port ] (RFC 3986 §3.2.2): reg-name, IPv4 or a bracketed IP literal; no userinfo, no path.
bool valid_host(std::string_view h) {
    for (char c : h)
        if (!host_chars[static_cast<unsigned char>(c)]) return false;
    auto const open = h.find('['), close = h.find(']');
    if (open == std::string_view::npos) return close == std::string_view::npos;
    return open == 0 && close != std::string_view::npos && h.find('[', 1) == std::string_view::npos &&
           (close + 1 == h.size() || h[close + 1] == ':');
}

template <class Name>
std::string lines_of(request const& req, Name name, std::string_view separator) {
    std::string out;
    auto const [first, last] = req.equal_range(name); // the lines of one name, in the order received
    for (auto it = first; it != last; ++it) {
        if (!out.empty()) out += separator;
        out.append(it->value().data(), it->value().size());
    }
    return out;
}

} // namespace

std::string field_lines(request const& req, field f, std::string_view separator) {
    return lines_of(req, f, separator);
}

std::string field_lines(request const& req, std::string_view name, std::string_view separator) {
    return lines_of(req, name, separator);
}

std::optional<request_error> check_and_join_fields(request& req) {
    std::uint32_t seen = 0, repeated = 0;
    std::string_view host;
    for (auto const& f : req) {
        auto const bit = bit_of(f.name());
        if (!bit) continue;
        repeated |= seen & bit;
        seen |= bit;
        if (f.name() == field::host) host = f.value();
    }
    if (!(seen & 1u) && req.version() >= 11)
        return request_error{status::bad_request, "The request has no Host header."};
    if (repeated & 1u) return request_error{status::bad_request, "The request has more than one Host header."};
    if (!valid_host(host)) return request_error{status::bad_request, "The Host header is not a valid host name."};
    for (std::size_t i = 1; repeated >> i; ++i) {
        if (!(repeated & (std::uint32_t{1} << i))) continue;
        auto const& w = watched_fields[i];
        if (!w.list) {
            auto const name = boost::beast::http::to_string(w.name);
            return request_error{status::bad_request,
                                 "The " + std::string(name.data(), name.size()) + " header appears more than once."};
        }
        req.set(w.name, field_lines(req, w.name));
    }
    return std::nullopt;
}

} // namespace farol::http
