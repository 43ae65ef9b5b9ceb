#include "view/site_builder.hpp"

#include "i18n/catalogs.hpp"
#include "published/site_pack.hpp"
#include "util/hash.hpp"
#include "util/mapped_file.hpp"
#include "util/parallel.hpp"
#include "view/api_builder.hpp"
#include "view/home_plan.hpp"
#include "view/page_inputs.hpp"
#include "view/page_renderer.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>

#include <algorithm>
#include <functional>

namespace farol::view {

namespace {

constexpr char const* page_cache = "public, max-age=60";
constexpr char const* immutable_cache = "public, max-age=31536000, immutable";
constexpr unsigned error_statuses[] = {400, 404, 405, 412, 413, 414, 431, 500, 501, 503};

// One document of the site: rendered anew, or reused from the previous site when its inputs match.
struct page_job {
    std::map<std::string, http::representation, std::less<>>* into;
    std::string key;
    char const* content_type;
    char const* cache;
    std::function<std::string()> render;
    std::string inputs = {}; // fingerprint of what it is rendered from (page_inputs); "": render always
    std::string body = {};
    std::string hash = {}; // of body, computed where it was rendered
};

// Milliseconds between laps, for the build report (a duration, not a time of day: no clock needed).
class stopwatch {
public:
    double lap() {
        auto const now = std::chrono::steady_clock::now();
        auto const ms = std::chrono::duration<double, std::milli>(now - last_).count();
        last_ = now;
        return ms;
    }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
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

// "featured: a; list: b c" for the audit log.
std::string describe(home_plan const& plan) {
    std::string out = "featured: " + (plan.featured ? plan.featured->slug : std::string("-")) + "; list:";
    for (auto const* c : plan.campaigns) out += " " + c->slug;
    return out;
}

// Every material file a published campaign offers, and retired ones (kept so cut downloads resume).
void add_materials(published::site& s, content::library const& lib, std::vector<content::campaign const*> const& published,
                   material_locator const& locate) {
    for (auto const* c : published)
        for (auto const& m : c->materials)
            for (auto const& f : m.files) {
                auto key = f.sha256.substr(0, 16) + "/" + f.file_name;
                s.material_owners.try_emplace(key, published::material_owner{c->slug, f.language});
                s.materials.try_emplace(std::move(key), material(f, locate));
            }
    for (auto const& f : lib.retired)
        s.materials.try_emplace(f.sha256.substr(0, 16) + "/" + f.file_name, material(f, locate));
}

// The next publish window edge or home rotation after `now`, so the site is rebuilt then.
void add_next_changes(published::site& s, content::library const& lib, std::chrono::system_clock::time_point now) {
    for (auto const& c : lib.campaigns) {
        add_next_change(s.next_change, c.window.from, now);
        add_next_change(s.next_change, c.window.until, now);
        for (auto const& t : c.translations) {
            add_next_change(s.next_change, t.window.from, now);
            add_next_change(s.next_change, t.window.until, now);
        }
    }
    for (auto const& [_, at] : s.rotating) add_next_change(s.next_change, at, now);
}

// What every slot shows in every language (embeds and the API read it), and when that moves next.
void add_slot_picks(published::site& s, content::library const& lib,
                    std::vector<content::campaign const*> const& published,
                    std::chrono::system_clock::time_point now) {
    for (auto const& slot : lib.slots)
        for (auto const& lang : s.languages) {
            auto plan = plan_slot(lib, published, slot.name, lang, now, static_cast<std::size_t>(std::max(1, slot.list_size)));
            if (!plan.changes_at) continue;
            published::slot_pick p{{}, plan.changes_at};
            for (auto const* c : plan.campaigns) p.campaigns.push_back(c->slug);
            add_next_change(s.next_change, *plan.changes_at, now);
            s.slot_picks.emplace(slot.name + " " + lang, std::move(p));
        }
}

// Every published campaign's widget card in every UI language, cut at its holes. A card shows a
// subset of its campaign page, so it is reused whenever that page's inputs did not change.
void add_cards(published::site& s, page_renderer const& pages, content::library const& lib,
               std::vector<content::campaign const*> const& published, published::site const* previous) {
    s.card_script_source = pages.embed_script_source();
    s.card_style_source = pages.embed_style_source();
    auto const unchanged = [&](std::string const& path) {
        if (!previous) return false;
        auto const now = s.inputs.find(path);
        auto const before = previous->inputs.find(path);
        return now != s.inputs.end() && before != previous->inputs.end() && now->second == before->second;
    };
    for (auto const& lang : s.languages)
        for (auto const* c : published) {
            auto key = lang + " " + c->slug;
            auto const* old = previous ? previous->card(lang, c->slug) : nullptr;
            if (old && unchanged(campaign_path(lang, c->slug))) {
                s.cards.emplace(std::move(key), *old);
                continue;
            }
            s.cards.try_emplace(std::move(key), pages.embed_card(lang, *c, lib), c->slug,
                                pages.pick_translation(*c, lang).language);
        }
}

// Every public document with a fingerprint of what it is rendered from.
std::vector<page_job> plan_all(page_renderer const& pages, content::library const& lib,
                               std::vector<content::campaign const*> const& published, published::site& s,
                               std::chrono::system_clock::time_point now, unsigned threads) {
    std::vector<std::string> digest(published.size());
    util::parallel_for(published.size(), threads, [&](std::size_t i) { digest[i] = campaign_inputs(*published[i]); });
    auto const hotlines = hotlines_inputs(lib.hotlines);
    auto const listing = listing_inputs(published);
    auto const id = pages.identity();
    auto const html = "text/html; charset=utf-8";
    std::vector<page_job> jobs;
    // The sitemap is by far the largest document: first, so it does not finish alone at the end.
    jobs.push_back({&s.pages, "/sitemap.xml", "application/xml; charset=utf-8", page_cache,
                    [&] { return pages.sitemap(published); },
                    page_inputs(id, "/sitemap.xml", {sitemap_inputs(published)})});
    jobs.push_back({&s.pages, "/robots.txt", "text/plain; charset=utf-8", page_cache, [&] { return pages.robots(); },
                    page_inputs(id, "/robots.txt", {})});
    for (auto const& lang : s.languages) {
        auto home = home_path(lang);
        auto plan = std::make_shared<home_plan const>(plan_home(lib, published, lang, now));
        if (plan->changes_at) {
            s.rotating.emplace(home, *plan->changes_at);
            s.picks.emplace(home, describe(*plan));
        }
        auto const featured = plan->featured ? listing_inputs({plan->featured}) : std::string();
        auto inputs = page_inputs(id, home, {plan->campaigns == published ? listing : listing_inputs(plan->campaigns),
                                             featured, hotlines});
        jobs.push_back({&s.pages, std::move(home), html, page_cache,
                        [&, lang, plan] { return pages.home(lang, plan->campaigns, lib, plan->featured); },
                        std::move(inputs)});
        for (std::size_t i = 0; i < published.size(); ++i) {
            auto const* c = published[i];
            auto key = campaign_path(lang, c->slug);
            s.whatsapp_shares.emplace(key, pages.whatsapp_share(lang, *c));
            inputs = page_inputs(id, key, {digest[i], hotlines});
            jobs.push_back({&s.pages, std::move(key), html, page_cache,
                            [&, lang, c] { return pages.campaign(lang, *c, lib); }, std::move(inputs)});
        }
        for (auto status : error_statuses) {
            auto key = lang + " " + std::to_string(status);
            inputs = page_inputs(id, key, {hotlines});
            jobs.push_back({&s.errors, std::move(key), html, "no-store",
                            [&, lang, status] { return pages.error(lang, status, lib); }, std::move(inputs)});
        }
    }
    return jobs;
}

// The previous site's document for a job when it was rendered from the same inputs and has its
// best compression (a fast one is rendered again, to be refined); else null.
http::representation const* unchanged(page_job const& j, published::site const* previous, published::site const& s) {
    if (!previous || j.inputs.empty()) return nullptr;
    auto const was = previous->inputs.find(j.key);
    if (was == previous->inputs.end() || was->second != j.inputs) return nullptr;
    auto const& from = j.into == &s.errors ? previous->errors : previous->pages;
    auto const it = from.find(j.key);
    if (it == from.end() || it->second.br_quality < http::best_brotli_quality) return nullptr;
    return &it->second;
}

// Takes over every unchanged document from `previous`; returns the jobs left to render.
std::vector<page_job> reuse_unchanged(std::vector<page_job> jobs, published::site const* previous,
                                      published::site& s, build_report& report) {
    std::vector<page_job> left;
    for (auto& j : jobs) {
        if (!j.inputs.empty()) s.inputs.emplace(j.key, j.inputs);
        if (auto const* before = unchanged(j, previous, s)) {
            j.into->insert_or_assign(std::move(j.key), *before);
            ++report.reused;
        } else {
            left.push_back(std::move(j));
        }
    }
    return left;
}

// Renders every job in parallel (rendering is most of a full build after compression).
void render_all(std::vector<page_job>& jobs, build_options const& options) {
    util::parallel_for(jobs.size(), options.threads, [&](std::size_t i) {
        if (options.cancel && options.cancel->load()) throw build_cancelled();
        jobs[i].body = jobs[i].render();
        jobs[i].hash = util::content_hash(jobs[i].body);
    });
}

// Fills every job's map: reused, shared with an identical page, or freshly compressed.
bool publish_jobs(std::vector<page_job>& jobs, build_options const& options, build_report& report) {
    auto const previous = reusable(jobs.empty() ? nullptr : options.previous);
    std::map<std::string, std::size_t> first_with_etag; // identical pages (error pages) compress once
    std::vector<std::size_t> todo;
    std::vector<std::string> etags(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        etags[i] = "\"" + jobs[i].hash + "\"";
        if (previous.contains(etags[i])) continue;
        if (first_with_etag.emplace(etags[i], i).second) todo.push_back(i);
    }
    bool const fast = options.allow_fast && todo.size() > options.fast_over;
    report.compressed = todo.size();
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

} // namespace

std::string build_report::summary() const {
    auto ms = [](double v) { return std::to_string(static_cast<long long>(v + 0.5)) + " ms"; };
    return "reused " + std::to_string(reused) + ", rendered " + std::to_string(rendered) + ", compressed " +
           std::to_string(compressed) + "; plan " + ms(plan_ms) + ", render " + ms(render_ms) + ", compress " +
           ms(compress_ms) + ", pack " + ms(pack_ms) + ", materials " + ms(materials_ms) + ", api " + ms(api_ms) +
           " (" + std::to_string(api_bytes / 1024) + " KB)";
}

namespace {
bool all_texts_public(content::campaign const& c, std::chrono::system_clock::time_point now) {
    return std::all_of(c.translations.begin(), c.translations.end(),
                       [&](auto const& t) { return t.window.contains(now); });
}

// The campaign with only its texts public at `now`, and their materials.
content::campaign texts_public_at(content::campaign c, std::chrono::system_clock::time_point now) {
    std::erase_if(c.translations, [&](auto const& t) { return !t.window.contains(now); });
    for (auto& m : c.materials)
        std::erase_if(m.files, [&](auto const& f) { return !f.language.empty() && !c.find_translation(f.language); });
    return c;
}
} // namespace

std::vector<content::campaign const*> published_at(content::library const& lib,
                                                   std::chrono::system_clock::time_point now,
                                                   std::deque<content::campaign>& narrowed) {
    std::vector<content::campaign const*> out;
    for (auto const& c : lib.campaigns) {
        if (!c.window.contains(now) || c.translations.empty()) continue;
        auto const* shown = &c;
        if (!all_texts_public(c, now)) shown = &narrowed.emplace_back(texts_public_at(c, now));
        // As in the store's rule: no campaign without its default language.
        if (shown->find_translation(shown->default_language)) out.push_back(shown);
    }
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
    s->built_at = now;
    auto const& cat = pages.catalogs();
    s->languages = cat.languages();
    s->default_language = cat.default_language();
    std::deque<content::campaign> narrowed;
    auto const published = published_at(lib, now, narrowed);
    for (auto const* c : published)
        for (auto const& t : c->translations) s->texts.insert(c->slug + " " + t.language);
    build_report report;
    stopwatch watch;
    auto jobs = reuse_unchanged(plan_all(pages, lib, published, *s, now, options.threads), options.previous, *s, report);
    report.plan_ms = watch.lap();
    render_all(jobs, options);
    report.render_ms = watch.lap();
    report.rendered = jobs.size();
    s->refine_pending = publish_jobs(jobs, options, report);
    jobs.clear();
    report.compress_ms = watch.lap();
    add_materials(*s, lib, published, locate);
    report.materials_ms = watch.lap();
    add_next_changes(*s, lib, now);
    add_slot_picks(*s, lib, published, now);
    add_cards(*s, pages, lib, published, options.previous);
    add_api_documents(*s, pages, lib, published, options.previous,
                      s->refine_pending ? fast_brotli_quality : http::best_brotli_quality, options.threads);
    report.api_ms = watch.lap();
    report.api_bytes = s->api.retained_bytes();
    published::pack(*s, options.previous, options.threads);
    report.pack_ms = watch.lap();
    if (options.report) *options.report = report;
    return s;
}

} // namespace farol::view
