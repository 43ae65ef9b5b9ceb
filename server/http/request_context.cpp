#include "http/request_context.hpp"

#include "util/strings.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <array>

namespace farol::http {

void request_context::reset() {
    req.base() = {};
    req.body().clear();
    method = verb::unknown;
    encoded_path.clear();
    segments.clear();
    query.clear();
    cookies.clear();
    form.clear();
    files.reset(); // removes the temporary files a handler did not keep
    session.reset();
    params.clear();
    area = http::area::public_site;
    request_id.clear();
    received_at = {};
    client = boost::asio::ip::address();
}

std::string_view request_context::header(field f) const {
    // A scan by field code over a handful of headers beats the case-insensitive tree lookup.
    for (auto const& h : req)
        if (h.name() == f) return h.value();
    return {};
}

bool request_context::header_has_token(field f, std::string_view token) const {
    for (auto item : util::pieces(header(f), ','))
        if (util::iequals(item, token)) return true;
    return false;
}

std::string_view request_context::header(std::string_view name) const {
    auto const it = req.find(name);
    return it == req.end() ? std::string_view() : std::string_view(it->value());
}

std::string_view request_context::form_value(std::string_view name) const {
    return find_field(form, name).value_or(std::string_view());
}

uploaded_file const* request_context::file(std::string_view name) const {
    if (files)
        for (auto const& f : *files)
            if (f.field == name) return &f;
    return nullptr;
}

void request_context::add_file(uploaded_file f) {
    if (!files) files = std::make_unique<std::vector<uploaded_file>>();
    files->push_back(std::move(f));
}

std::optional<std::string_view> request_context::query_param(std::string_view name) const {
    for (auto const& [k, v] : query)
        if (k == name) return std::string_view(v);
    return std::nullopt;
}

namespace {
bool forbidden_segment(std::string const& s) {
    // Dot segments and NULs have no meaning here and are the stuff of traversal attacks.
    return s == "." || s == ".." || s.find('\0') != std::string::npos;
}
} // namespace

namespace {
constexpr auto plain_path_chars = [] {
    std::array<bool, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
    for (char c : {'-', '_', '.', '~', '/'}) t[static_cast<unsigned char>(c)] = true;
    return t;
}();

bool plain_path_char(char c) { return plain_path_chars[static_cast<unsigned char>(c)]; }

// Most targets are a plain path ("/pt-BR/c/slug"): nothing to decode, no query. Split those
// directly; anything else goes through Boost.URL. Both give the same segments (tested).
bool parse_plain_path(std::string_view target, request_context& ctx) {
    if (target.empty() || target.front() != '/' || !std::all_of(target.begin(), target.end(), plain_path_char))
        return false;
    ctx.encoded_path.assign(target);
    ctx.segments.clear();
    ctx.query.clear();
    if (target.size() == 1) return true;
    for (auto rest = target.substr(1);;) {
        auto const slash = rest.find('/');
        ctx.segments.emplace_back(rest.substr(0, slash));
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    return true;
}
} // namespace

std::optional<request_error> parse_target(std::string_view target, request_context& ctx) {
    if (parse_plain_path(target, ctx)) {
        for (auto const& s : ctx.segments)
            if (forbidden_segment(s)) return request_error{status::bad_request, "The address contains a forbidden segment."};
        return std::nullopt;
    }
    boost::system::result<boost::urls::url_view> parsed;
    if (!target.empty() && target.front() == '/')
        parsed = boost::urls::parse_origin_form(target);
    else
        parsed = boost::urls::parse_absolute_uri(target);
    if (!parsed) return request_error{status::bad_request, "The address is not a valid URL."};
    auto const& u = *parsed;
    if (!u.is_path_absolute() && !u.encoded_path().empty())
        return request_error{status::bad_request, "The address path must be absolute."};

    ctx.encoded_path = u.encoded_path().empty() ? std::string("/") : std::string(u.encoded_path());
    ctx.segments.clear();
    for (auto seg : u.segments()) {
        std::string s(seg);
        if (forbidden_segment(s)) return request_error{status::bad_request, "The address contains a forbidden segment."};
        ctx.segments.push_back(std::move(s));
    }
    ctx.query.clear();
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    for (auto p : u.params(opts)) ctx.query.emplace_back(std::string(p.key), std::string(p.value));
    return std::nullopt;
}

} // namespace farol::http
