// What WhatsApp, Facebook, Telegram and browsers read from a page's head: the share card and the icons.
#include "published/share_card.hpp"
#include "http/response.hpp"
#include "i18n/catalogs.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

using namespace farol::test;

namespace {

std::vector<std::string> const languages{"pt-BR", "es", "en", "fr", "ht", "ar"};

std::string meta(std::string const& html, std::string const& attr, std::string const& name) {
    std::smatch m;
    std::regex const re("<meta " + attr + "=\"" + name + "\" content=\"([^\"]*)\">");
    return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

std::string link_href(std::string const& html, std::string const& rel) {
    std::smatch m;
    return std::regex_search(html, m, std::regex("<link rel=\"" + rel + "\" href=\"([^\"]*)\"")) ? m[1].str()
                                                                                                  : std::string();
}

std::string file_bytes(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("every page offers its language's share card as an absolute og:image", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const origin = "http://127.0.0.1:" + std::to_string(s.port());
    auto const cat = farol::i18n::catalogs::load(std::filesystem::path(FAROL_SOURCE_DIR) / "templates/i18n", languages);
    for (auto const& lang : languages) {
        CAPTURE(lang);
        auto const page = get(s.port(), "/" + lang + "/c/reconhecer-o-trafico");
        REQUIRE(page.status == 200);
        auto const& html = page.body;
        auto const image = meta(html, "property", "og:image");
        std::smatch m;
        REQUIRE(std::regex_match(image, m, std::regex(origin + "(/s/[0-9a-f]{16}/img/share-" + lang + "\\.png)")));
        CHECK(meta(html, "property", "og:image:type") == "image/png");
        CHECK(meta(html, "property", "og:image:width") == "1200");
        CHECK(meta(html, "property", "og:image:height") == "630");
        auto const alt = cat.text(lang, "share.image_alt", {{"name", cat.text(lang, "site.name")},
                                                            {"tagline", cat.text(lang, "site.tagline")}});
        CHECK(meta(html, "property", "og:image:alt") == farol::http::html_escape(alt));
        CHECK(alt.find(cat.text(lang, "site.tagline")) != std::string::npos);
        CHECK(meta(html, "name", "twitter:card") == "summary_large_image");

        // The URL serves the very card, as an immutable PNG of the size the tags declare.
        auto const card = get(s.port(), m[1].str());
        REQUIRE(card.status == 200);
        CHECK(card.header("content-type") == "image/png");
        CHECK(card.header("cache-control") == "public, max-age=31536000, immutable");
        CHECK(card.body == file_bytes(s.static_dir().path() / ("img/share-" + lang + ".png")));
        auto const size = farol::published::png_size(card.body);
        REQUIRE(size);
        CHECK(size->width == 1200);
        CHECK(size->height == 630);
    }
    // The layout carries it on every kind of page.
    for (std::string path : {"/ar/", "/es/search?q=tr%C3%A1fico", "/fr/c/no-such-campaign"}) {
        CAPTURE(path);
        auto const lang = path.substr(1, path.find('/', 1) - 1);
        CHECK(std::regex_match(meta(get(s.port(), path).body, "property", "og:image"),
                               std::regex(origin + "/s/[0-9a-f]{16}/img/share-" + lang + "\\.png")));
    }
}

TEST_CASE("pages link an SVG icon and an apple-touch-icon at hashed URLs", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const html = get(s.port(), "/pt-BR/").body;
    CHECK(std::regex_search(html, std::regex(R"(<link rel="icon" href="/s/[0-9a-f]{16}/img/icon\.svg" type="image/svg\+xml">)")));
    auto const icon = get(s.port(), link_href(html, "icon"), "Accept-Encoding: br\r\n");
    REQUIRE(icon.status == 200);
    CHECK(icon.header("content-type") == "image/svg+xml");
    CHECK(icon.header("content-encoding") == "br");

    auto const touch_href = link_href(html, "apple-touch-icon");
    CHECK(std::regex_match(touch_href, std::regex(R"(/s/[0-9a-f]{16}/img/apple-touch-icon\.png)")));
    auto const touch = get(s.port(), touch_href);
    REQUIRE(touch.status == 200);
    CHECK(touch.header("content-type") == "image/png");
    REQUIRE(farol::published::png_size(touch.body));
    CHECK(farol::published::png_size(touch.body)->width == 180);
}
