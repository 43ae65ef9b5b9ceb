#include "view/site_builder.hpp"

#include "i18n/catalogs.hpp"
#include "util/hash.hpp"
#include "util/mapped_file.hpp"
#include "util/huge_buffer.hpp"
#include "util/parallel.hpp"
#include "view/page_renderer.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>

#include <functional>

namespace farol::view {

namespace {

constexpr char const* page_cache = "public, max-age=60";
constexpr char const* immutable_cache = "public, max-age=31536000, immutable";
constexpr unsigned error_statuses[] = {400, 404, 405, 412, 413, 414, 431, 500, 501, 503};

// One rendered document waiting for its compressed variants.
struct page_job {
    std::map<std::string, http::representation, std::less<>>* into;
    std::string key;
    std::string body;
    char const* content_type;
    char const* cache;
    std::string hash = {}; // of body, computed where it was rendered
};

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

// Previous representations by identity ETag, usable when they are at least as well compressed.
std::map<std::string, http::representation const*> reusable(published::site const* previous) {
    std::map<std::string, http::representation const*> out;
    if (!previous) return out;
    for (auto const* m : {&previous->pages, &previous->errors})
        for (auto const& [_, rep] : *m)
            if (rep.br_quality >= http::best_brotli_quality) out.emplace(rep.identity.etag, &rep);
    return out;
}

// Compresses jobs[i] for every i in `todo`, spread over `threads` threads. Takes their bodies:
// every fresh page touched costs time (page faults), so the rendered bytes are not copied.
std::vector<http::representation> compress_all(std::vector<page_job>& jobs, std::vector<std::size_t> const& todo,
                                               build_options const& options, int quality) {
    std::vector<http::representation> out(todo.size());
    util::parallel_for(todo.size(), options.threads, [&](std::size_t i) {
        if (options.cancel && options.cancel->load()) throw build_cancelled();
        auto& j = jobs[todo[i]];
        out[i] = http::make_representation(http::shared_bytes::copy_of(std::move(j.body)), j.content_type, j.cache,
                                           quality, j.hash);
    });
    return out;
}

// Every public document, rendered in parallel (rendering is most of a build after compression).
std::vector<page_job> render_all(page_renderer const& pages, content::library const& lib,
                                 std::vector<content::campaign const*> const& published, published::site& s,
                                 build_options const& options) {
    std::vector<page_job> jobs;
    std::vector<std::function<std::string()>> render;
    auto const html = "text/html; charset=utf-8";
    // The sitemap is by far the largest document: first, so it does not finish alone at the end.
    jobs.push_back({&s.pages, "/sitemap.xml", {}, "application/xml; charset=utf-8", page_cache});
    render.push_back([&] { return pages.sitemap(published); });
    jobs.push_back({&s.pages, "/robots.txt", {}, "text/plain; charset=utf-8", page_cache});
    render.push_back([&] { return pages.robots(); });
    for (auto const& lang : s.languages) {
        jobs.push_back({&s.pages, home_path(lang), {}, html, page_cache});
        render.push_back([&, lang] { return pages.home(lang, published, lib); });
        for (auto const* c : published) {
            jobs.push_back({&s.pages, campaign_path(lang, c->slug), {}, html, page_cache});
            render.push_back([&, lang, c] { return pages.campaign(lang, *c, lib); });
        }
        for (auto status : error_statuses) {
            jobs.push_back({&s.errors, lang + " " + std::to_string(status), {}, html, "no-store"});
            render.push_back([&, lang, status] { return pages.error(lang, status, lib); });
        }
    }
    util::parallel_for(jobs.size(), options.threads, [&](std::size_t i) {
        if (options.cancel && options.cancel->load()) throw build_cancelled();
        jobs[i].body = render[i]();
        jobs[i].hash = util::content_hash(jobs[i].body);
    });
    return jobs;
}

// Fills every job's map: reused, shared with an identical page, or freshly compressed.
bool publish_jobs(std::vector<page_job>& jobs, build_options const& options) {
    auto const previous = reusable(options.previous);
    std::map<std::string, std::size_t> first_with_etag; // identical pages (error pages) compress once
    std::vector<std::size_t> todo;
    std::vector<std::string> etags(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        etags[i] = "\"" + jobs[i].hash + "\"";
        if (previous.contains(etags[i])) continue;
        if (first_with_etag.emplace(etags[i], i).second) todo.push_back(i);
    }
    bool const fast = options.allow_fast && todo.size() > options.fast_over;
    auto const built = compress_all(jobs, todo, options, fast ? fast_brotli_quality : http::best_brotli_quality);
    std::map<std::string, http::representation const*> fresh;
    for (std::size_t k = 0; k < todo.size(); ++k) fresh.emplace(etags[todo[k]], &built[k]);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        auto const it = previous.find(etags[i]);
        auto rep = it != previous.end() ? *it->second : *fresh.at(etags[i]);
        rep.cache_control = jobs[i].cache; // identical bytes may be cached differently (a page, an error)
        jobs[i].into->insert_or_assign(std::move(jobs[i].key), std::move(rep));
    }
    return fast;
}

// Moves every page's bytes into one allocation owned by the site: the transient strings of the
// build can then go back to the system whole, and the site's memory is freed in one piece.
void pack(published::site& s, unsigned threads) {
    std::vector<http::representation::encoded*> parts;
    for (auto* m : {&s.pages, &s.errors}) {
        for (auto& [_, rep] : *m) {
            parts.push_back(&rep.identity);
            if (rep.gzip) parts.push_back(&*rep.gzip);
            if (rep.br) parts.push_back(&*rep.br);
        }
    }
    std::map<char const*, std::size_t> offset_of; // identical pages share their bytes already
    std::vector<std::pair<std::string_view, std::size_t>> copies;
    std::size_t total = 0;
    for (auto* p : parts) {
        if (!offset_of.emplace(p->bytes.data.data(), total).second) continue;
        copies.emplace_back(p->bytes.data, total);
        total += p->bytes.data.size();
    }
    auto blob = util::huge_buffer::allocate(total);
    util::parallel_for(copies.size(), threads, [&](std::size_t i) {
        std::copy(copies[i].first.begin(), copies[i].first.end(), blob->data() + copies[i].second);
    });
    for (auto* p : parts) {
        auto const offset = offset_of.at(p->bytes.data.data());
        p->bytes = http::shared_bytes{blob, std::string_view(blob->data() + offset, p->bytes.data.size())};
    }
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

std::shared_ptr<published::site const> build_site(page_renderer const& pages, content::library const& lib,
                                                material_locator const& locate,
                                                std::chrono::system_clock::time_point now, build_options const& options) {
    auto s = std::make_shared<published::site>();
    auto const& cat = pages.catalogs();
    s->languages = cat.languages();
    s->default_language = cat.default_language();
    auto const published = published_at(lib, now);
    auto jobs = render_all(pages, lib, published, *s, options);
    s->refine_pending = publish_jobs(jobs, options);
    jobs.clear();
    pack(*s, options.threads);
    for (auto const* c : published)
        for (auto const& m : c->materials)
            for (auto const& f : m.files)
                s->materials.try_emplace(f.sha256.substr(0, 16) + "/" + f.file_name, material(f, locate));
    for (auto const& f : lib.retired)
        s->materials.try_emplace(f.sha256.substr(0, 16) + "/" + f.file_name, material(f, locate));
    for (auto const& c : lib.campaigns) {
        add_next_change(s->next_change, c.window.from, now);
        add_next_change(s->next_change, c.window.until, now);
    }
    return s;
}

} // namespace farol::view
