// What WhatsApp, Facebook, Telegram and browsers read from a page's head: the share card and the icons.
#include "content/share_card.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace farol::test;

namespace {

std::string link_href(std::string const& html, std::string const& rel) {
    std::smatch m;
    return std::regex_search(html, m, std::regex("<link rel=\"" + rel + "\" href=\"([^\"]*)\"")) ? m[1].str()
                                                                                                  : std::string();
}

} // namespace

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
    REQUIRE(farol::content::png_size(touch.body));
    CHECK(farol::content::png_size(touch.body)->width == 180);
}
