// Incremental builds: a rebuild renders only pages whose inputs changed, and whatever changed,
// its pages equal those of a build from scratch.
#include "view/site_builder.hpp"

#include "i18n/catalogs.hpp"
#include "published/static_assets.hpp"
#include "support/test_server.hpp"
#include "view/page_renderer.hpp"
#include "view/templates.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <memory>

using namespace farol;

namespace {

std::filesystem::path const source = FAROL_SOURCE_DIR;
// Any existing file stands for every material: the pages only link to them.
auto const locate = [](std::string_view) { return source / "README.md"; };

std::shared_ptr<view::page_renderer const> make_renderer(std::string fallbacks = "ht:fr") {
    auto cat = std::make_shared<i18n::catalogs const>(
        i18n::catalogs::load(source / "templates/i18n", {"pt-BR", "es", "en", "fr", "ht", "ar"}));
    return std::make_shared<view::page_renderer const>(
        view::load_site_templates(source / "templates"), cat, published::static_assets::load(source / "static"),
        view::site_options{"https://farol.example.org", "https://neutral.example", i18n::parse_fallbacks(fallbacks)});
}

content::campaign campaign(std::string slug, std::vector<std::string> hotlines) {
    content::campaign c;
    c.slug = slug;
    c.default_language = "pt-BR";
    c.hotlines = std::move(hotlines);
    c.tags = {"trabalho"};
    c.translations.push_back({"pt-BR", "Título " + slug, "Resumo " + slug, "corpo", "<p>corpo " + slug + "</p>"});
    c.translations.push_back({"fr", "Titre " + slug, "Résumé " + slug, "corps", "<p>corps " + slug + "</p>"});
    c.materials.push_back({"folheto", "leaflet",
                           {{"pt-BR", "folheto-" + slug + ".pdf", std::string(64, 'a'), 1234, "application/pdf"},
                            {"fr", "tract-" + slug + ".pdf", std::string(64, 'b'), 2345, "application/pdf"}}});
    return c;
}

// "alpha" has a hotline of its own, "beta" another, "gamma" none (its pages show them all).
content::library library() {
    content::library lib;
    lib.hotlines.push_back({"disque-100", "100", {{"pt-BR", "Disque 100"}}, {{"pt-BR", "Direitos humanos."}}});
    lib.hotlines.push_back({"ligue-180", "180", {{"pt-BR", "Ligue 180"}, {"fr", "Ligue 180 (fr)"}}, {}});
    lib.campaigns = {campaign("alpha", {"disque-100"}), campaign("beta", {"ligue-180"}), campaign("gamma", {})};
    return lib;
}

struct built {
    std::shared_ptr<published::site const> site;
    view::build_report report;
};

// `quick`: gzip level 1 only, for sites whose bytes are compared but never reused.
built build(view::page_renderer const& pages, content::library const& lib, published::site const* previous = nullptr,
            bool quick = false) {
    built b;
    view::build_options options;
    options.previous = previous;
    options.report = &b.report;
    options.threads = 2;
    if (quick) options.fast_over = 0;
    b.site = view::build_site(pages, lib, locate, test::test_epoch(), options);
    return b;
}

using page_map = std::map<std::string, http::representation, std::less<>>;

// Same documents with the same bytes (and so the same ETags and compressed variants).
void require_same_pages(page_map const& a, page_map const& b) {
    REQUIRE(a.size() == b.size());
    for (auto const& [key, rep] : a) {
        INFO(key);
        auto const it = b.find(key);
        REQUIRE(it != b.end());
        CHECK(it->second.identity.bytes.data == rep.identity.bytes.data);
        CHECK(it->second.identity.etag == rep.identity.etag);
        CHECK(it->second.cache_control == rep.cache_control);
    }
}

bool same_object(published::site const& a, published::site const& b, std::string const& path) {
    auto const *x = a.page(path), *y = b.page(path);
    if (!x || !y || x->identity.bytes.data.data() != y->identity.bytes.data.data()) return false;
    return x->br ? y->br && x->br->bytes.data.data() == y->br->bytes.data.data() : !y->br;
}

std::vector<std::string> campaign_paths(published::site const& s, std::string const& slug) {
    std::vector<std::string> out;
    for (auto const& l : s.languages) out.push_back(view::campaign_path(l, slug));
    return out;
}

} // namespace

TEST_CASE("rebuilding an unchanged site renders nothing and keeps every page's bytes", "[view][site]") {
    auto const pages = make_renderer();
    auto const lib = library();
    auto const first = build(*pages, lib);
    CHECK(first.report.reused == 0);
    auto const again = build(*pages, lib, first.site.get());
    CHECK(again.report.rendered == 0);
    CHECK(again.report.reused == first.site->pages.size() + first.site->errors.size());
    for (auto const& [path, _] : first.site->pages) CHECK(same_object(*first.site, *again.site, path));
    CHECK(again.site->error("ar", 404)->identity.bytes.data.data() == first.site->error("ar", 404)->identity.bytes.data.data());
    CHECK(again.site->inputs == first.site->inputs);
    CHECK(again.site->inputs.size() == first.site->pages.size() + first.site->errors.size());
}

TEST_CASE("a new body renders its campaign's pages only, a new title the home pages too", "[view][site]") {
    auto const pages = make_renderer();
    auto lib = library();
    auto const first = build(*pages, lib);
    lib.campaigns[1].translations[0].body_html = "<p>novo corpo</p>";
    auto const body = build(*pages, lib, first.site.get());
    CHECK(body.report.rendered == first.site->languages.size()); // /<lang>/c/beta
    lib.campaigns[1].translations[0].title = "Novo título";
    auto const title = build(*pages, lib, body.site.get());
    CHECK(title.report.rendered == 2 * first.site->languages.size()); // and /<lang>/
    CHECK(same_object(*body.site, *title.site, "/sitemap.xml"));
    CHECK(std::string(title.site->page("/es/")->identity.bytes.data).find("Novo título") != std::string::npos);
}

TEST_CASE("whatever input of a page changes, an incremental site equals one built from scratch", "[view][site]") {
    struct change {
        char const* what;
        std::function<void(content::library&)> apply;
        bool alpha_only; // beta's pages may be reused
    };
    auto const later = test::test_epoch() + std::chrono::hours(1);
    std::vector<change> const changes{
        {"a title", [](auto& l) { l.campaigns[0].translations[0].title = "Novo título"; }, true},
        {"a summary", [](auto& l) { l.campaigns[0].translations[1].summary = "Nouveau résumé"; }, true},
        {"a body shown through a fallback", [](auto& l) { l.campaigns[0].translations[1].body_html = "<p>neuf</p>"; }, true},
        {"a new translation", [](auto& l) { l.campaigns[0].translations.push_back({"es", "Título es", "Resumen", "c", "<p>c</p>"}); }, true},
        {"a translation taken off", [](auto& l) { l.campaigns[0].translations.pop_back(); }, true},
        {"the default language", [](auto& l) { l.campaigns[0].default_language = "fr"; }, true},
        {"the campaign's hotlines", [](auto& l) { l.campaigns[0].hotlines = {"ligue-180", "disque-100"}; }, true},
        {"a hotline's number", [](auto& l) { l.hotlines[0].number = "0800 100"; }, false},
        {"a hotline's label", [](auto& l) { l.hotlines[1].label["fr"] = "Appel 180"; }, false},
        {"a hotline's description", [](auto& l) { l.hotlines[0].description["pt-BR"] = "Outra."; }, false},
        {"a material's file name", [](auto& l) { l.campaigns[0].materials[0].files[0].file_name = "novo.pdf"; }, true},
        {"a material's bytes", [](auto& l) { l.campaigns[0].materials[0].files[1].sha256 = std::string(64, 'c'); }, true},
        {"a material's size", [](auto& l) { l.campaigns[0].materials[0].files[0].size = 99999; }, true},
        {"a material's type", [](auto& l) { l.campaigns[0].materials[0].files[0].content_type = "image/png"; }, true},
        {"a material's language", [](auto& l) { l.campaigns[0].materials[0].files[1].language = "ht"; }, true},
        {"a material's kind", [](auto& l) { l.campaigns[0].materials[0].kind = "poster"; }, true},
        {"a material taken off", [](auto& l) { l.campaigns[0].materials.clear(); }, true},
        {"a publish window closing", [=](auto& l) { l.campaigns[0].window.until = test::test_epoch(); }, true},
        {"a publish window not open yet", [=](auto& l) { l.campaigns[0].window.from = later; }, true},
        {"a slug", [](auto& l) { l.campaigns[0].slug = "alpha-2"; }, true},
        {"a tag", [](auto& l) { l.campaigns[0].tags = {"saude"}; }, true},
        {"a campaign taken off", [](auto& l) { l.campaigns.erase(l.campaigns.begin()); }, true},
        {"a campaign added", [](auto& l) { l.campaigns.insert(l.campaigns.begin(), campaign("aardvark", {})); }, true},
        {"a campaign's last translation taken off", [](auto& l) { l.campaigns[0].translations.clear(); }, true},
    };
    auto const pages = make_renderer();
    auto const before = build(*pages, library());
    for (auto const& c : changes) {
        INFO(c.what);
        auto lib = library();
        c.apply(lib);
        auto const incremental = build(*pages, lib, before.site.get());
        auto const scratch = build(*pages, lib, nullptr, true);
        require_same_pages(incremental.site->pages, scratch.site->pages);
        require_same_pages(incremental.site->errors, scratch.site->errors);
        CHECK(incremental.site->inputs == scratch.site->inputs);
        if (c.alpha_only)
            for (auto const& path : campaign_paths(*before.site, "beta"))
                CHECK(same_object(*before.site, *incremental.site, path));
    }
}

TEST_CASE("a changed translation renders its campaign's pages again and shows the change", "[view][site]") {
    auto const pages = make_renderer();
    auto lib = library();
    auto const before = build(*pages, lib);
    lib.campaigns[0].translations[1].body_html = "<p>corps modifié</p>";
    lib.hotlines[1].number = "0800 180";
    auto const after = build(*pages, lib, before.site.get());
    auto text = [](published::site const& s, std::string const& path) { return std::string(s.page(path)->identity.bytes.data); };
    CHECK(text(*after.site, "/fr/c/alpha").find("corps modifié") != std::string::npos);
    CHECK(text(*after.site, "/ht/c/alpha").find("corps modifié") != std::string::npos); // ht falls back to fr
    CHECK(text(*after.site, "/pt-BR/c/alpha") == text(*before.site, "/pt-BR/c/alpha"));
    // Every page showing the changed hotline: beta's, gamma's (all hotlines) and the error pages.
    CHECK(text(*after.site, "/es/c/beta").find("0800 180") != std::string::npos);
    CHECK(text(*after.site, "/es/c/gamma").find("0800 180") != std::string::npos);
    CHECK(std::string(after.site->error("es", 404)->identity.bytes.data).find("0800 180") != std::string::npos);
    // Only the sitemap and robots.txt show no hotline.
    CHECK(after.report.reused == 2);
}

TEST_CASE("a renderer with other fallbacks renders every page again", "[view][site]") {
    auto const lib = library();
    auto const before = build(*make_renderer("ht:fr"), lib);
    auto const other = make_renderer("");
    auto const after = build(*other, lib, before.site.get());
    CHECK(after.report.reused == 0);
    require_same_pages(after.site->pages, build(*other, lib, nullptr, true).site->pages);
    auto const ht = std::string(after.site->page("/ht/c/alpha")->identity.bytes.data);
    CHECK(ht.find("<article lang=\"pt-BR\"") != std::string::npos);
}

TEST_CASE("a page with only a fast compression is rendered again to be refined", "[view][site]") {
    auto const pages = make_renderer();
    auto const lib = library();
    view::build_options fast;
    fast.fast_over = 0;
    auto const first = view::build_site(*pages, lib, locate, test::test_epoch(), fast);
    REQUIRE(first->refine_pending);
    view::build_report report;
    view::build_options refine;
    refine.previous = first.get();
    refine.allow_fast = false;
    refine.report = &report;
    auto const refined = view::build_site(*pages, lib, locate, test::test_epoch(), refine);
    CHECK(report.reused == 0);
    CHECK(!refined->refine_pending);
    for (auto const& [key, rep] : refined->pages) {
        INFO(key);
        CHECK(rep.br_quality == http::best_brotli_quality);
    }
}
