// A page's fingerprint must change with every field of the content it may show: a missed field
// would leave a stale page on the public site.
#include "view/page_inputs.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <tuple>
#include <set>

using namespace farol;

namespace {

content::campaign sample() {
    content::campaign c;
    c.slug = "alpha";
    c.default_language = "pt-BR";
    c.tags = {"trabalho", "saude"};
    c.hotlines = {"disque-100"};
    c.translations.push_back({"pt-BR", "Título", "Resumo", "corpo", "<p>corpo</p>"});
    c.materials.push_back({"folheto", "leaflet", {{"pt-BR", "folheto.pdf", std::string(64, 'a'), 10, "application/pdf"}}});
    return c;
}

std::vector<content::hotline> hotlines() {
    return {{"disque-100", "100", {{"pt-BR", "Disque 100"}}, {{"pt-BR", "Direitos humanos."}}}};
}

} // namespace

TEST_CASE("every field of a campaign is part of its pages' fingerprint", "[view][page]") {
    using edit = std::function<void(content::campaign&)>;
    auto const t0 = content::time_point(std::chrono::seconds(1'800'000'000));
    std::vector<std::pair<char const*, edit>> const edits{
        {"slug", [](auto& c) { c.slug = "beta"; }},
        {"default language", [](auto& c) { c.default_language = "fr"; }},
        {"tags", [](auto& c) { c.tags.pop_back(); }},
        {"tag order", [](auto& c) { std::swap(c.tags[0], c.tags[1]); }},
        {"hotlines", [](auto& c) { c.hotlines.push_back("ligue-180"); }},
        {"window start", [=](auto& c) { c.window.from = t0; }},
        {"window end", [=](auto& c) { c.window.until = t0; }},
        {"translation language", [](auto& c) { c.translations[0].language = "es"; }},
        {"title", [](auto& c) { c.translations[0].title = "Outro"; }},
        {"summary", [](auto& c) { c.translations[0].summary = "Outro"; }},
        {"markdown", [](auto& c) { c.translations[0].body_markdown = "outro"; }},
        {"html", [](auto& c) { c.translations[0].body_html = "<p>outro</p>"; }},
        {"a second translation", [](auto& c) { c.translations.push_back(c.translations[0]); }},
        {"material id", [](auto& c) { c.materials[0].id = "cartaz"; }},
        {"material kind", [](auto& c) { c.materials[0].kind = "poster"; }},
        {"file language", [](auto& c) { c.materials[0].files[0].language = "fr"; }},
        {"file name", [](auto& c) { c.materials[0].files[0].file_name = "x.pdf"; }},
        {"file hash", [](auto& c) { c.materials[0].files[0].sha256 = std::string(64, 'b'); }},
        {"file size", [](auto& c) { c.materials[0].files[0].size = 11; }},
        {"file type", [](auto& c) { c.materials[0].files[0].content_type = "image/png"; }},
        {"no materials", [](auto& c) { c.materials.clear(); }},
        {"text moved between fields", [](auto& c) { c.translations[0].title = "TítuloR"; c.translations[0].summary = "esumo"; }},
    };
    auto const base = view::campaign_inputs(sample());
    CHECK(base.size() == 32);
    CHECK(view::campaign_inputs(sample()) == base);
    std::set<std::string> seen{base};
    for (auto const& [what, apply] : edits) {
        INFO(what);
        auto c = sample();
        apply(c);
        CHECK(seen.insert(view::campaign_inputs(c)).second);
    }
}

TEST_CASE("every field of every hotline is part of the pages' fingerprint", "[view][page]") {
    using edit = std::function<void(std::vector<content::hotline>&)>;
    std::vector<std::pair<char const*, edit>> const edits{
        {"id", [](auto& h) { h[0].id = "disque-101"; }},
        {"number", [](auto& h) { h[0].number = "101"; }},
        {"label", [](auto& h) { h[0].label["pt-BR"] = "Disque cem"; }},
        {"label language", [](auto& h) { h[0].label = {{"es", "Disque 100"}}; }},
        {"description", [](auto& h) { h[0].description["pt-BR"] = "Outra."; }},
        {"another hotline", [](auto& h) { h.push_back(h[0]); }},
        {"none", [](auto& h) { h.clear(); }},
    };
    auto const base = view::hotlines_inputs(hotlines());
    std::set<std::string> seen{base};
    for (auto const& [what, apply] : edits) {
        INFO(what);
        auto h = hotlines();
        apply(h);
        CHECK(seen.insert(view::hotlines_inputs(h)).second);
    }
}

TEST_CASE("a page's fingerprint names its renderer, its key and each part of its content", "[view][page]") {
    auto const base = view::page_inputs(1, "/es/c/alpha", {"a", "b"});
    CHECK(view::page_inputs(1, "/es/c/alpha", {"a", "b"}) == base);
    CHECK(view::page_inputs(2, "/es/c/alpha", {"a", "b"}) != base);
    CHECK(view::page_inputs(1, "/fr/c/alpha", {"a", "b"}) != base);
    CHECK(view::page_inputs(1, "/es/c/alpha", {"ab", ""}) != base);
    CHECK(view::page_inputs(1, "/es/c/alpha", {"a", "b", ""}) != base);
}

TEST_CASE("home pages and the sitemap have fingerprints of what they list", "[view][page]") {
    auto const a = sample();
    auto b = sample();
    b.slug = "beta";
    auto const listing = view::listing_inputs({&a, &b});
    auto const sitemap = view::sitemap_inputs({&a, &b});
    CHECK(view::listing_inputs({&b, &a}) != listing);
    CHECK(view::sitemap_inputs({&b, &a}) != sitemap);
    CHECK(view::listing_inputs({&a}) != listing);
    using edit = std::function<void(content::campaign&)>;
    // Each edit changes what a home page shows; the sitemap shows slugs and languages only.
    std::vector<std::tuple<char const*, edit, bool>> const edits{
        {"slug", [](auto& c) { c.slug = "gamma"; }, true},
        {"default language", [](auto& c) { c.default_language = "fr"; }, false},
        {"title", [](auto& c) { c.translations[0].title = "Outro"; }, false},
        {"summary", [](auto& c) { c.translations[0].summary = "Outro"; }, false},
        {"translation language", [](auto& c) { c.translations[0].language = "es"; }, true},
        {"a second translation", [](auto& c) { c.translations.push_back(c.translations[0]); }, true},
    };
    for (auto const& [what, apply, in_sitemap] : edits) {
        INFO(what);
        auto c = b;
        apply(c);
        CHECK(view::listing_inputs({&a, &c}) != listing);
        CHECK((view::sitemap_inputs({&a, &c}) != sitemap) == in_sitemap);
    }
    // A body is not on a home page: a new one leaves the listing alone.
    auto c = b;
    c.translations[0].body_html = "<p>outro</p>";
    CHECK(view::listing_inputs({&a, &c}) == listing);
}
