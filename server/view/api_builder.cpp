#include "view/api_builder.hpp"

#include "content/timestamp.hpp"
#include "i18n/catalogs.hpp"
#include "util/compress.hpp"
#include "util/hash.hpp"
#include "util/parallel.hpp"
#include "view/page_renderer.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace farol::view {

namespace json = boost::json;

namespace {

constexpr char const* json_type = "application/json";
// Until the next publish; a publish is visible within seconds, so a minute is all a cache may keep.
constexpr char const* document_cache = "public, max-age=60";

enum class doc_kind { slot, languages };

// A document to compress, and where it goes.
struct api_job {
    doc_kind kind;
    std::string key; // in its map; "" for the languages document
    std::string body;
};

// Where a document of this kind and key goes in `api`.
http::representation& place(published::api_documents& api, doc_kind kind, std::string const& key) {
    if (kind == doc_kind::languages) return api.languages;
    return api.slots[key];
}

// The document of this kind and key in `api`; null when absent.
http::representation const* find(published::api_documents const& api, doc_kind kind, std::string const& key) {
    if (kind == doc_kind::languages) return &api.languages;
    auto const it = api.slots.find(key);
    return it == api.slots.end() ? nullptr : &it->second;
}

json::array strings(std::vector<std::string> const& v) {
    json::array out;
    for (auto const& s : v) out.emplace_back(s);
    return out;
}

// The languages a campaign has a text in, in the site's language order, then any others.
json::array text_languages(page_renderer const& pages, content::campaign const& c) {
    json::array out;
    for (auto const& l : pages.catalogs().languages())
        if (c.find_translation(l)) out.emplace_back(l);
    for (auto const& t : c.translations)
        if (!pages.catalogs().has(t.language)) out.emplace_back(t.language);
    return out;
}

// What a list, a slot or a campaign document says of a campaign in `lang` (its text there, or the
// fallback chain's): the Summary schema.
json::object summary(page_renderer const& pages, content::campaign const& c, std::string_view lang) {
    auto const& tr = pages.pick_translation(c, lang);
    auto const& base = pages.options().public_url;
    return json::object{{"slug", c.slug},
                        {"language", tr.language},
                        {"fallback", tr.language != lang},
                        {"title", tr.title},
                        {"summary", tr.summary},
                        {"tags", strings(c.tags)},
                        {"languages", text_languages(pages, c)},
                        {"url", base + campaign_path(lang, c.slug)},
                        {"api_url", base + api_campaign_path(c.slug, lang)}};
}

// Each material's file for `lang`, chosen as the campaign page chooses it: along the fallback chain,
// else its first file.
json::array materials(page_renderer const& pages, content::campaign const& c, std::string_view lang) {
    json::array out;
    auto const order = pages.chain(lang);
    for (auto const& m : c.materials) {
        content::material_file const* pick = nullptr;
        for (auto const& l : order)
            for (auto const& f : m.files)
                if (!pick && f.language == l) pick = &f;
        if (!pick && !m.files.empty()) pick = &m.files.front();
        if (!pick) continue;
        out.push_back(json::object{{"id", m.id},
                                   {"kind", m.kind},
                                   {"language", pick->language},
                                   {"file_name", pick->file_name},
                                   {"type", pick->content_type},
                                   {"size", pick->size},
                                   {"url", pages.options().public_url + material_path(*pick)}});
    }
    return out;
}

// GET /api/v1/campaigns/{slug}?lang=: the Campaign schema.
json::object campaign_document(page_renderer const& pages, content::campaign const& c, std::string_view lang) {
    auto doc = summary(pages, c, lang);
    auto const& tr = pages.pick_translation(c, lang);
    doc["requested_language"] = lang;
    doc["default_language"] = c.default_language;
    doc["body_html"] = tr.body_html; // sanitised at save (cmark-gfm safe mode), as the page shows it
    doc["materials"] = materials(pages, c, lang);
    return doc;
}

// What a slot shows in `lang`, as the widget chooses it (handlers/embed_request): the slot's own
// pick, else the home-featured one, else the first campaign with a text in lang, else any.
struct shown {
    std::vector<content::campaign const*> campaigns;
    std::optional<content::time_point> changes_at;
    bool scheduled = false; // the slot's own schedule chose them
};

shown slot_shows(published::site const& s, std::vector<content::campaign const*> const& published,
                 std::map<std::string_view, content::campaign const*> const& by_slug, std::string const& slot,
                 std::string const& lang) {
    bool own = true;
    for (std::string_view const name : {std::string_view(slot), std::string_view("home-featured")}) {
        auto const* p = s.pick(name, lang);
        shown out{{}, p ? p->changes_at : std::nullopt, std::exchange(own, false)};
        if (!p) continue;
        for (auto const& slug : p->campaigns)
            if (auto const it = by_slug.find(slug); it != by_slug.end()) out.campaigns.push_back(it->second);
        if (!out.campaigns.empty()) return out;
    }
    for (auto const* c : published)
        if (c->find_translation(lang)) return {{c}, std::nullopt, false};
    return {published.empty() ? std::vector<content::campaign const*>{} : std::vector{published.front()}, std::nullopt, false};
}

// GET /api/v1/slots/{slot}?lang=: the SlotPick schema.
json::object slot_document(page_renderer const& pages, std::string const& slot, std::string const& lang, shown const& what) {
    json::array picked;
    for (auto const* c : what.campaigns) picked.push_back(summary(pages, *c, lang));
    json::value changes_at = nullptr;
    if (what.changes_at) changes_at = content::format_utc_timestamp(*what.changes_at);
    json::value first = picked.empty() ? json::value(nullptr) : picked.front();
    return json::object{{"slot", slot}, {"language", lang}, {"scheduled", what.scheduled}, {"campaign", std::move(first)},
                        {"campaigns", std::move(picked)}, {"changes_at", std::move(changes_at)}};
}

json::object languages_document(page_renderer const& pages) {
    auto const& cat = pages.catalogs();
    json::array list;
    for (auto const& l : cat.languages())
        list.push_back(json::object{{"tag", l}, {"name", cat.native_name(l)}, {"direction", cat.rtl(l) ? "rtl" : "ltr"},
                                    {"default", l == cat.default_language()}});
    return json::object{{"default_language", cat.default_language()}, {"languages", std::move(list)}};
}

// The previous site's document with these exact bytes, when compressed at least as well.
http::representation const* reusable(published::site const* previous, api_job const& j, std::string const& etag,
                                     int quality) {
    if (!previous) return nullptr;
    auto const* rep = find(previous->api, j.kind, j.key);
    return rep && rep->identity.etag == etag && rep->br_quality >= quality ? rep : nullptr;
}

published::api_listing listing(page_renderer const& pages, content::campaign const& c) {
    published::api_listing entry{c.slug, c.tags, c.default_language, {}};
    for (auto const& t : c.translations) entry.summaries.emplace(t.language, json::serialize(summary(pages, c, t.language)));
    return entry;
}

// The previous site's listing by slug.
std::map<std::string_view, published::api_listing const*> previous_listing(published::site const* previous) {
    std::map<std::string_view, published::api_listing const*> out;
    if (previous)
        for (auto const& e : previous->api.listing) out.emplace(e.slug, &e);
    return out;
}

// Whether a campaign's documents are drawn from the same inputs as in `previous`: its page's
// fingerprint (every field of the campaign, the renderer's identity: public URL, fallbacks,
// catalogs) is the same, so every document of it would be the same bytes.
bool unchanged(published::site const& s, published::site const* previous,
               std::map<std::string_view, published::api_listing const*> const& before, std::string const& slug) {
    if (!previous || s.languages.empty() || !before.contains(slug)) return false;
    auto const path = campaign_path(s.languages.front(), slug);
    auto const now = s.inputs.find(path);
    auto const was = previous->inputs.find(path);
    return now != s.inputs.end() && was != previous->inputs.end() && now->second == was->second;
}

} // namespace

std::string api_campaign_path(std::string_view slug, std::string_view lang) {
    return "/api/v1/campaigns/" + std::string(slug) + "?lang=" + std::string(lang);
}

namespace {

// One campaign's documents in every UI language, built anew: gzip bytes in one arena (one allocation
// per campaign, not one per document) and the documents' hashes.
struct built_campaign {
    published::api_listing listing;
    std::vector<published::api_document> documents; // in s.languages order
};

built_campaign build_campaign(published::site const& s, page_renderer const& pages, content::campaign const& c,
                              published::site const* previous, int brotli_quality) {
    built_campaign out{listing(pages, c), std::vector<published::api_document>(s.languages.size())};
    bool const best = brotli_quality >= http::best_brotli_quality;
    std::vector<std::string> packed(s.languages.size());
    for (std::size_t l = 0; l < s.languages.size(); ++l) {
        auto const body = json::serialize(campaign_document(pages, c, s.languages[l]));
        auto const hash = util::content_hash(body);
        auto& doc = out.documents[l];
        std::copy_n(hash.begin(), std::min(hash.size(), doc.hash.size()), doc.hash.begin());
        doc.quality = brotli_quality;
        // The same bytes compressed as well before: copy them rather than compress again.
        auto const* old = previous ? previous->api_campaign(c.slug, s.languages[l]) : nullptr;
        if (old && old->content_hash() == doc.content_hash() && old->quality >= brotli_quality) {
            packed[l] = std::string(old->gzip.data);
            doc.quality = old->quality;
        } else {
            packed[l] = util::gzip_compress(body, best ? 9 : 1);
        }
    }
    std::string arena;
    for (auto const& p : packed) arena += p;
    auto const owner = std::make_shared<std::string const>(std::move(arena));
    std::size_t at = 0;
    for (std::size_t l = 0; l < packed.size(); ++l) {
        out.documents[l].gzip = {owner, std::string_view(*owner).substr(at, packed[l].size())};
        at += packed[l].size();
    }
    return out;
}

// The campaigns' listing and documents into s.api: taken over from `previous` when the campaign is
// unchanged and compressed well enough, else built over `threads` threads.
void add_campaigns(published::site& s, page_renderer const& pages, std::vector<content::campaign const*> const& published,
                   published::site const* previous, int brotli_quality, unsigned threads) {
    auto const before = previous_listing(previous);
    std::vector<published::api_listing const*> kept(published.size());
    std::vector<std::size_t> fresh;
    for (std::size_t i = 0; i < published.size(); ++i) {
        auto const& slug = published[i]->slug;
        auto const* old = unchanged(s, previous, before, slug) ? before.at(slug) : nullptr;
        bool const reusable = old && std::all_of(s.languages.begin(), s.languages.end(), [&](auto const& lang) {
            auto const* doc = previous->api_campaign(slug, lang);
            return doc && doc->quality >= brotli_quality;
        });
        if (reusable) kept[i] = old;
        else fresh.push_back(i);
    }
    std::vector<built_campaign> built(fresh.size());
    util::parallel_for(fresh.size(), threads, [&](std::size_t k) {
        built[k] = build_campaign(s, pages, *published[fresh[k]], previous, brotli_quality);
    });
    for (std::size_t i = 0, k = 0; i < published.size(); ++i) {
        auto const& slug = published[i]->slug;
        if (kept[i]) {
            s.api.listing.push_back(*kept[i]);
            for (auto const& lang : s.languages) s.api.campaigns.emplace(slug + " " + lang, *previous->api_campaign(slug, lang));
            continue;
        }
        auto& b = built[k++];
        s.api.listing.push_back(std::move(b.listing));
        for (std::size_t l = 0; l < s.languages.size(); ++l)
            s.api.campaigns.emplace(slug + " " + s.languages[l], std::move(b.documents[l]));
    }
}

// Each slot's or the languages' representation: the previous site's for the same bytes, else
// compressed anew (taking the job's body rather than copying it).
std::vector<http::representation> compress_jobs(std::vector<api_job>& jobs, published::site const* previous,
                                                int brotli_quality, unsigned threads) {
    std::vector<http::representation> built(jobs.size());
    util::parallel_for(jobs.size(), threads, [&](std::size_t i) {
        auto& j = jobs[i];
        auto const hash = util::content_hash(j.body);
        if (auto const* old = reusable(previous, j, "\"" + hash + "\"", brotli_quality)) {
            built[i] = *old;
            return;
        }
        if (brotli_quality < http::best_brotli_quality) {
            // A fast first pass (a large site starting) sends them uncompressed until it is refined.
            built[i].identity = {http::shared_bytes::copy_of(std::move(j.body)), "\"" + hash + "\""};
            built[i].content_type = json_type;
            built[i].cache_control = document_cache;
            return;
        }
        built[i] = http::make_representation(http::shared_bytes::copy_of(std::move(j.body)), json_type,
                                             document_cache, brotli_quality, hash);
    });
    return built;
}

} // namespace

void add_api_documents(published::site& s, page_renderer const& pages, content::library const& lib,
                       std::vector<content::campaign const*> const& published, published::site const* previous,
                       int brotli_quality, unsigned threads) {
    auto& api = s.api;
    api.public_url = pages.options().public_url;
    add_campaigns(s, pages, published, previous, brotli_quality, threads);
    std::vector<api_job> jobs;
    std::map<std::string_view, content::campaign const*> by_slug;
    for (auto const* c : published) by_slug.emplace(c->slug, c);
    for (auto const& slot : lib.slots)
        for (auto const& lang : s.languages) {
            auto const what = slot_shows(s, published, by_slug, slot.name, lang);
            auto key = slot.name + " " + lang;
            if (what.changes_at) api.slot_changes.emplace(key, *what.changes_at);
            jobs.push_back({doc_kind::slot, std::move(key), json::serialize(slot_document(pages, slot.name, lang, what))});
        }
    jobs.push_back({doc_kind::languages, "", json::serialize(languages_document(pages))});
    auto built = compress_jobs(jobs, previous, brotli_quality, threads);
    for (std::size_t i = 0; i < jobs.size(); ++i) place(api, jobs[i].kind, jobs[i].key) = std::move(built[i]);
    // Without ?lang= a campaign answers in its own default language (the site's when not a UI one).
    for (auto const* c : published) {
        auto const lang = s.has_language(c->default_language) ? c->default_language : s.default_language;
        api.campaigns.emplace(c->slug + " ", api.campaigns.at(c->slug + " " + lang));
    }
}

} // namespace farol::view
