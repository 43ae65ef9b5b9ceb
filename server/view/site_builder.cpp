#include "view/site_builder.hpp"

#include "i18n/catalogs.hpp"
#include "util/mapped_file.hpp"
#include "view/page_renderer.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>

namespace farol::view {

namespace {

constexpr char const* page_cache = "public, max-age=60";
constexpr char const* immutable_cache = "public, max-age=31536000, immutable";
constexpr unsigned error_statuses[] = {400, 404, 405, 413, 414, 431, 500, 503};

http::representation html(std::string body, char const* cache) {
    return http::make_representation(http::shared_bytes::copy_of(std::move(body)), "text/html; charset=utf-8", cache);
}

void add_next_change(std::optional<std::chrono::system_clock::time_point>& next,
                     std::optional<std::chrono::system_clock::time_point> t,
                     std::chrono::system_clock::time_point now) {
    if (t && *t > now && (!next || *t < *next)) next = t;
}

http::representation material(content::material_file const& f, material_locator const& locate) {
    auto map = util::mapped_file::open(locate(f.sha256));
    http::representation rep;
    rep.identity = {http::shared_bytes{map, map->bytes()}, "\"" + f.sha256.substr(0, 32) + "\""};
    rep.content_type = f.content_type;
    rep.cache_control = immutable_cache;
    rep.content_disposition = attachment_disposition(f.file_name);
    return rep;
}

} // namespace

std::vector<content::campaign const*> published_at(content::library const& lib,
                                                   std::chrono::system_clock::time_point now) {
    std::vector<content::campaign const*> out;
    for (auto const& c : lib.campaigns)
        if (c.window.contains(now) && !c.translations.empty()) out.push_back(&c);
    return out;
}

std::string attachment_disposition(std::string_view file_name) {
    std::string ascii;
    for (unsigned char ch : file_name)
        ascii += (ch < 0x20 || ch >= 0x7f || ch == '"' || ch == '\\' || ch == '%') ? '_' : static_cast<char>(ch);
    // RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"
    static constexpr boost::urls::grammar::lut_chars attr_char(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + boost::urls::encode(file_name, attr_char);
}

std::shared_ptr<content::site const> build_site(page_renderer const& pages, content::library const& lib,
                                                material_locator const& locate,
                                                std::chrono::system_clock::time_point now) {
    auto s = std::make_shared<content::site>();
    auto const& cat = pages.catalogs();
    s->languages = cat.languages();
    s->default_language = cat.default_language();
    auto const published = published_at(lib, now);
    for (auto const& lang : s->languages) {
        s->pages.emplace(home_path(lang), html(pages.home(lang, published, lib), page_cache));
        for (auto const* c : published)
            s->pages.emplace(campaign_path(lang, c->slug), html(pages.campaign(lang, *c, lib), page_cache));
        for (auto status : error_statuses)
            s->errors.emplace(lang + " " + std::to_string(status), html(pages.error(lang, status, lib), "no-store"));
    }
    for (auto const* c : published)
        for (auto const& m : c->materials)
            for (auto const& f : m.files)
                s->materials.try_emplace(f.sha256.substr(0, 16) + "/" + f.file_name, material(f, locate));
    s->pages.emplace("/sitemap.xml", http::make_representation(http::shared_bytes::copy_of(pages.sitemap(published)),
                                                               "application/xml; charset=utf-8", page_cache));
    s->pages.emplace("/robots.txt", http::make_representation(http::shared_bytes::copy_of(pages.robots()),
                                                              "text/plain; charset=utf-8", page_cache));
    for (auto const& c : lib.campaigns) {
        add_next_change(s->next_change, c.window.from, now);
        add_next_change(s->next_change, c.window.until, now);
    }
    return s;
}

} // namespace farol::view
