#include "handlers/error_pages.hpp"

#include "http/representation.hpp"
#include "http/response.hpp"
#include "i18n/negotiate.hpp"

namespace farol::handlers {

namespace {

std::string reader_language(http::request_context const& ctx, published::site const& s) {
    if (!ctx.segments.empty() && s.has_language(ctx.segments.front())) return ctx.segments.front();
    return i18n::negotiate(ctx.header(http::field::accept_language), s.languages).value_or(s.default_language);
}

} // namespace

http::error_renderer localized_errors(published::site_holder const& site) {
    return [&site](http::request_context const& ctx, http::status status, std::string_view detail) {
        auto const current = site.current();
        auto const& s = *current;
        auto const lang = reader_language(ctx, s);
        auto const* rep = s.error(lang, static_cast<unsigned>(status));
        if (!rep) return http::default_error(ctx, status, detail);
        auto const [enc, coding] = http::choose_variant(*rep, ctx.header(http::field::accept_encoding));
        auto res = http::make_bytes(status, enc.bytes, rep->content_type);
        if (!coding.empty()) res.set(http::field::content_encoding, coding);
        res.set(http::field::vary, "Accept-Encoding, Accept-Language");
        res.set(http::field::content_language, lang);
        res.set(http::field::cache_control, "no-store");
        return res;
    };
}

} // namespace farol::handlers
