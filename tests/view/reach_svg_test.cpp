#include "view/reach_svg.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace farol::view;

namespace {

std::size_t count_of(std::string const& text, std::string const& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The height attribute of the rect whose <title> is `title`.
std::string height_of(std::string const& svg, std::string const& title) {
    auto const at = svg.find("<title>" + title + "</title>");
    auto const rect = svg.rfind("<rect", at);
    auto const h = svg.find("height=\"", rect) + 8;
    return svg.substr(h, svg.find('"', h) - h);
}

} // namespace

TEST_CASE("reach charts: one mark per bar, a hidden one drawn as the band under k, never its height", "[view][reach]") {
    std::vector<reach_bar> bars{{"2026-07-01", 100, "07-01"}, {"2026-07-02", std::nullopt, "07-02"}, {"2026-07-03", 0, "07-03"}};
    auto const svg = column_chart_svg("c1", bars, 10, {"Views per day", "Hatched: fewer than 10, hidden"});
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"c1-title\""));
    CHECK(svg.find("<title id=\"c1-title\">Views per day</title>") != std::string::npos);
    CHECK(count_of(svg, "<rect class=\"bar\"") == 2);
    CHECK(count_of(svg, "<rect class=\"hidden-bar\"") == 1);
    CHECK(svg.find("fill=\"url(#c1-hatch)\"") != std::string::npos);
    CHECK(height_of(svg, "2026-07-01: 100") == "160"); // the tallest fills the plot
    CHECK(height_of(svg, "2026-07-02: &lt;10") == "16"); // 0 to k, whatever the true figure
    CHECK(height_of(svg, "2026-07-03: 0") == "0");
    CHECK(svg.find(">Hatched: fewer than 10, hidden</text>") != std::string::npos);
    CHECK(svg.find(">07-01</text>") != std::string::npos);
    CHECK(svg.find("style") == std::string::npos); // the editor's CSP forbids inline styles
    bars.erase(bars.begin() + 1);
    auto const none_hidden = column_chart_svg("c2", bars, 10, {"Views", "Hatched"});
    CHECK(none_hidden.find("Hatched") == std::string::npos); // no legend for what is not there
}

TEST_CASE("reach charts: horizontal bars are labelled and every text is escaped", "[view][reach]") {
    std::vector<reach_bar> bars{{"partner:<b>&co", 40, {}}, {"qr", std::nullopt, {}}};
    auto const svg = bar_chart_svg("s\"1", bars, 10, {"Views by <source>", "<10: hidden"});
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("partner:&lt;b&gt;&amp;co</text>") != std::string::npos);
    CHECK(svg.find("<title>qr: &lt;10</title>") != std::string::npos);
    CHECK(svg.find(">&lt;10</text>") != std::string::npos); // the hidden figure beside its bar
    CHECK(svg.find(">40</text>") != std::string::npos);
    CHECK(svg.find("Views by &lt;source&gt;") != std::string::npos);
    CHECK(svg.find("id=\"s&quot;1-title\"") != std::string::npos);
    CHECK(count_of(svg, "<rect class=\"hidden-bar\"") == 1);
}

TEST_CASE("reach charts: an unknown figure is a dash, neither a bar of 0 nor a hidden band", "[view][reach]") {
    reach_bar unknown{"2026-07-02", std::nullopt, "07-02"};
    unknown.unknown = true;
    std::vector<reach_bar> const bars{{"2026-07-01", 12, "07-01"}, unknown};
    for (auto const& svg : {column_chart_svg("u1", bars, 10, {"Readers per day", "Hatched"}),
                            bar_chart_svg("u2", bars, 10, {"Readers", "Hatched"})}) {
        CHECK(count_of(svg, "<rect class=\"bar\"") == 1);
        CHECK(count_of(svg, "<rect class=\"hidden-bar\"") == 0);
        CHECK(count_of(svg, "<text class=\"unknown\"") == 1);
        CHECK(svg.find("<title>2026-07-02: –</title>–</text>") != std::string::npos);
        CHECK(svg.find("2026-07-02: 0") == std::string::npos);
        CHECK(svg.find("Hatched</text>") == std::string::npos); // nothing hidden: no legend
    }
}
