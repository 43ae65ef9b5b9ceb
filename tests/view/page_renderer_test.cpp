#include "view/page_renderer.hpp"

#include "published/static_assets.hpp"
#include "i18n/catalogs.hpp"
#include "support/test_server.hpp"
#include "view/site_builder.hpp"
#include "view/templates.hpp"

#include <catch2/catch.hpp>

using namespace farol;

namespace {

std::filesystem::path const source = FAROL_SOURCE_DIR;

view::page_renderer make_renderer(std::string fallbacks = "ht:fr",
                                  std::filesystem::path const& static_dir = source / "static") {
    auto cat = std::make_shared<i18n::catalogs const>(
        i18n::catalogs::load(source / "templates/i18n", {"pt-BR", "es", "en", "fr", "ht", "ar"}));
    return view::page_renderer(view::load_site_templates(source / "templates"), cat,
                               published::static_assets::load(static_dir),
                               {"https://farol.example.org", "https://neutral.example", i18n::parse_fallbacks(fallbacks)});
}

content::library two_language_library() {
    content::library lib;
    lib.hotlines.push_back({"disque-100", "100", {{"pt-BR", "Disque 100"}}, {{"pt-BR", "Direitos humanos."}}});
    content::campaign c;
    c.slug = "teste";
    c.default_language = "pt-BR";
    c.hotlines = {"disque-100"};
    c.translations.push_back({"pt-BR", "Título PT", "Resumo PT", "", "<p>corpo pt</p>"});
    c.translations.push_back({"fr", "Titre FR", "Résumé FR", "", "<p>corps fr</p>"});
    lib.campaigns.push_back(c);
    return lib;
}

bool has(std::string const& s, std::string const& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("a missing translation falls back along the chain and says so in the reader's language", "[view]") {
    auto const pages = make_renderer();
    auto const lib = two_language_library();
    auto const html = pages.campaign("ht", lib.campaigns[0], lib);
    CHECK(has(html, "<html lang=\"ht\" dir=\"ltr\">"));
    CHECK(has(html, "<article lang=\"fr\" dir=\"ltr\">"));
    CHECK(has(html, "Titre FR"));
    auto const notice = pages.catalogs().text("ht", "campaign.fallback_notice",
                                              {{"requested", "Kreyòl ayisyen"}, {"shown", "Français"}});
    CHECK(has(html, "<p class=\"notice\" role=\"note\">" + notice + "</p>"));
    CHECK(has(html, "<meta name=\"robots\" content=\"noindex\">"));
    CHECK(has(html, "<link rel=\"canonical\" href=\"https://farol.example.org/fr/c/teste\">"));
    // The switcher and the alternates offer only real translations.
    CHECK(has(html, "hreflang=\"fr\""));
    CHECK(!has(html, "hreflang=\"es\""));
    // Without a chain for es, Spanish readers get the default language.
    auto const es = pages.campaign("es", lib.campaigns[0], lib);
    CHECK(has(es, "<article lang=\"pt-BR\""));
    CHECK(has(es, "class=\"notice\""));
    // A page in its own language has no notice and indexes normally.
    auto const fr = pages.campaign("fr", lib.campaigns[0], lib);
    CHECK(!has(fr, "class=\"notice\""));
    CHECK(!has(fr, "noindex"));
}

TEST_CASE("Arabic pages are right to left and name the quick exit target", "[view]") {
    auto const pages = make_renderer();
    auto const lib = two_language_library();
    std::deque<content::campaign> narrowed;
    auto const html = pages.home("ar", view::published_at(lib, test::test_epoch(), narrowed), lib);
    CHECK(has(html, "<html lang=\"ar\" dir=\"rtl\">"));
    CHECK(has(html, "href=\"https://neutral.example\""));
    CHECK(has(html, "href=\"tel:100\""));
}

TEST_CASE("publish windows decide what the site contains, and when it changes next", "[view]") {
    auto const pages = make_renderer();
    auto lib = two_language_library();
    auto const now = test::test_epoch();
    lib.campaigns[0].window.from = now + std::chrono::hours(1);
    lib.campaigns[0].window.until = now + std::chrono::hours(5);
    auto const locate = [](std::string_view) { return std::filesystem::path("/nonexistent"); };
    auto const before = view::build_site(pages, lib, locate, now);
    CHECK(before->page("/pt-BR/c/teste") == nullptr);
    CHECK(before->page("/pt-BR/") != nullptr);
    REQUIRE(before->next_change);
    CHECK(*before->next_change == now + std::chrono::hours(1));
    auto const during = view::build_site(pages, lib, locate, now + std::chrono::hours(2));
    CHECK(during->page("/ht/c/teste") != nullptr);
    CHECK(*during->next_change == now + std::chrono::hours(5));
    auto const after = view::build_site(pages, lib, locate, now + std::chrono::hours(5));
    CHECK(after->page("/pt-BR/c/teste") == nullptr);
    CHECK(!after->next_change);
    CHECK(after->error("ar", 404) != nullptr);
}

TEST_CASE("download names follow RFC 6266 with an ASCII fallback", "[view]") {
    CHECK(view::attachment_disposition("folheto-pt-BR.pdf") ==
          "attachment; filename=\"folheto-pt-BR.pdf\"; filename*=UTF-8''folheto-pt-BR.pdf");
    CHECK(view::attachment_disposition("guia \"São Paulo\".pdf") ==
          "attachment; filename=\"guia _S__o Paulo_.pdf\"; filename*=UTF-8''guia%20%22S%C3%A3o%20Paulo%22.pdf");
}

TEST_CASE("a large build compresses fast first, then refines, and rebuilds reuse unchanged pages", "[view]") {
    auto const pages = make_renderer();
    auto const lib = two_language_library();
    auto const now = test::test_epoch();
    auto const locate = [](std::string_view) { return std::filesystem::path("/nonexistent"); };
    view::build_options fast;
    fast.fast_over = 0;
    fast.threads = 2;
    auto const first = view::build_site(pages, lib, locate, now, fast);
    CHECK(first->refine_pending);
    auto const* page = first->page("/ar/c/teste");
    REQUIRE(page);
    CHECK_FALSE(page->br); // gzip only in the fast pass
    REQUIRE(page->gzip);
    CHECK(page->gzip->etag.ends_with("-gz1\""));

    view::build_options refine;
    refine.previous = first.get();
    refine.allow_fast = false;
    refine.fast_over = 0;
    auto const refined = view::build_site(pages, lib, locate, now, refine);
    CHECK(!refined->refine_pending);
    auto const* best = refined->page("/ar/c/teste");
    REQUIRE(best->br);
    CHECK(best->br->etag.ends_with("-br\""));
    REQUIRE(best->gzip);
    CHECK(best->gzip->etag.ends_with("-gz\""));
    CHECK(best->gzip->bytes.data.size() <= page->gzip->bytes.data.size());
    CHECK(best->br->bytes.data.size() < page->gzip->bytes.data.size());
    CHECK(best->identity.etag == page->identity.etag);

    view::build_options again;
    again.previous = refined.get();
    again.fast_over = 0;
    auto const rebuilt = view::build_site(pages, lib, locate, now, again);
    // Unchanged pages keep their best compression instead of falling back to the fast one.
    CHECK(!rebuilt->refine_pending);
    CHECK(rebuilt->page("/ar/c/teste")->br->etag == best->br->etag);
    CHECK(rebuilt->page("/ar/c/teste")->br->bytes.data == best->br->bytes.data);
    // All of a site's bytes live in one allocation.
    CHECK(rebuilt->page("/ar/")->identity.bytes.owner == rebuilt->error("ar", 404)->br->bytes.owner);
    // Identical error pages share one compression but keep their own caching.
    CHECK(rebuilt->error("fr", 405)->identity.bytes.data.data() == rebuilt->error("fr", 413)->identity.bytes.data.data());
    CHECK(rebuilt->error("fr", 405)->cache_control == "no-store");
}

TEST_CASE("the share card is an absolute URL, a language without one shows the default's", "[view]") {
    auto const lib = two_language_library();
    std::deque<content::campaign> narrowed;
    auto const published = view::published_at(lib, test::test_epoch(), narrowed);
    auto const ar = make_renderer().home("ar", published, lib);
    CHECK(has(ar, "<meta property=\"og:image\" content=\"https://farol.example.org/s/"));
    CHECK(has(ar, "/img/share-ar.png\">"));
    CHECK(has(ar, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));

    test::temp_dir copy;
    std::filesystem::copy(source / "static", copy.path(), std::filesystem::copy_options::recursive);
    std::filesystem::remove(copy / "img/share-ht.png");
    auto const pages = make_renderer("ht:fr", copy.path());
    auto const ht = pages.home("ht", published, lib);
    CHECK(has(ht, "/img/share-pt-BR.png\">"));
    // The alt text is in the page's language and describes what the card shows: the default's tagline.
    auto const alt = pages.catalogs().text("ht", "share.image_alt",
                                           {{"name", "Farol"}, {"tagline", pages.catalogs().text("pt-BR", "site.tagline")}});
    CHECK(has(ht, "<meta property=\"og:image:alt\" content=\"" + alt + "\">"));

    for (auto const& e : std::filesystem::directory_iterator(copy / "img"))
        if (e.path().filename().string().starts_with("share-")) std::filesystem::remove(e.path());
    auto const none = make_renderer("ht:fr", copy.path()).home("es", published, lib);
    CHECK(!has(none, "og:image"));
    CHECK(has(none, "<meta name=\"twitter:card\" content=\"summary\">"));
}

TEST_CASE("an editor's preview carries no beacon and its share link is inert", "[view][reach]") {
    auto cat = std::make_shared<i18n::catalogs const>(i18n::catalogs::load(source / "templates/i18n", {"pt-BR", "es"}));
    view::site_options options{"https://farol.example.org", "https://neutral.example", {}};
    options.beacon = true; // metrics.count_at = beacon: the pages count themselves through /b
    view::page_renderer const pages(view::load_site_templates(source / "templates"), cat,
                                    published::static_assets::load(source / "static"), options);
    auto lib = two_language_library();
    auto& c = lib.campaigns[0];
    c.materials.push_back({"folheto", "leaflet", {{"pt-BR", "folheto-pt-BR.pdf", std::string(64, 'a'), 1234, "application/pdf"}}});
    std::vector<content::campaign const*> const published{&c};

    // What readers get: the beacon, the counted share link and the counted download.
    auto const read = pages.campaign("pt-BR", c, lib);
    CHECK(has(read, "<img class=\"beacon\" src=\"/b?e=view&amp;c=teste&amp;l=pt-BR\""));
    CHECK(has(read, "href=\"/pt-BR/c/teste/share/whatsapp\""));
    CHECK(has(read, "href=\"/m/aaaaaaaaaaaaaaaa/folheto-pt-BR.pdf\""));
    CHECK(has(pages.home("pt-BR", published, lib), "class=\"beacon\""));

    // What an editor previewing sees: the same page without the beacon and with an inert share button.
    auto const preview = pages.campaign("pt-BR", c, lib, view::audience::preview);
    CHECK(!has(preview, "class=\"beacon\""));
    CHECK(!has(preview, "/b?"));
    CHECK(!has(preview, "/share/"));
    CHECK(has(preview, "<a class=\"button whatsapp\" aria-disabled=\"true\">"));
    CHECK(has(preview, "href=\"/m/aaaaaaaaaaaaaaaa/folheto-pt-BR.pdf\"")); // the attached file, as readers get it
    CHECK(has(preview, "Título PT"));
    auto const home = pages.home("pt-BR", published, lib, nullptr, view::audience::preview);
    CHECK(!has(home, "class=\"beacon\""));
    CHECK(!has(home, "/b?"));
    CHECK(has(home, "href=\"/pt-BR/c/teste\""));
}
