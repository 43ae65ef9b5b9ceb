#include "editor/qr_svg.hpp"

#include "editor/totp.hpp"

#include <qrencode.h>

#include <catch2/catch.hpp>

#include <memory>
#include <regex>
#include <set>
#include <utility>

using farol::editor::qr_svg;

namespace {

std::string const uri = farol::editor::otpauth_uri("Farol", "ana.silva@example.org", "12345678901234567890");

std::size_t count(std::string_view s, std::string_view what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

// The reference symbol for `text`, from libqrencode directly.
std::unique_ptr<QRcode, decltype(&QRcode_free)> reference(std::string const& text) {
    return {QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<unsigned char const*>(text.data()), 0,
                              QR_ECLEVEL_M),
            &QRcode_free};
}

// The cells (x, y) the SVG path paints, read back from its "Mx yhNv1h-Nz" runs.
std::set<std::pair<int, int>> painted(std::string const& svg) {
    std::smatch d;
    REQUIRE(std::regex_search(svg, d, std::regex(" d=\"([^\"]*)\"")));
    std::set<std::pair<int, int>> cells;
    std::regex const run("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
    std::string const path = d[1];
    std::size_t covered = 0;
    for (std::sregex_iterator it(path.begin(), path.end(), run), end; it != end; ++it) {
        auto const& m = *it;
        CHECK(m[3] == m[4]);
        int const x = std::stoi(m[1]), y = std::stoi(m[2]), n = std::stoi(m[3]);
        for (int i = 0; i < n; ++i) cells.emplace(x + i, y);
        covered += static_cast<std::size_t>(m.length());
    }
    CHECK(covered == path.size()); // nothing in the path but such runs
    return cells;
}

} // namespace

TEST_CASE("a QR SVG is one path of dark modules on a light square, no styles or scripts", "[editor][qr]") {
    auto const svg = qr_svg(uri, "Scan with your authenticator app");
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" ", 0) == 0);
    CHECK(svg.size() - svg.rfind("</svg>") == 6);
    CHECK(count(svg, "<path") == 1);
    CHECK(count(svg, "<rect") == 1);
    CHECK(count(svg, "<") == 4); // svg, rect, path, /svg: nothing else inside
    CHECK(count(svg, "style") == 0);
    CHECK(count(svg, "script") == 0);
    CHECK(svg.find(" role=\"img\"") != std::string::npos);
    CHECK(svg.find(" aria-label=\"Scan with your authenticator app\"") != std::string::npos);
    CHECK(svg.find(" shape-rendering=\"crispEdges\"") != std::string::npos);
    CHECK(svg.find("<rect width=\"") < svg.find("<path fill=\"#000\""));
}

TEST_CASE("a QR SVG paints exactly the symbol's dark modules inside a 4-module quiet zone", "[editor][qr]") {
    auto const svg = qr_svg(uri, "QR");
    auto const code = reference(uri);
    REQUIRE(code);
    int const size = code->width + 8;
    auto const n = std::to_string(size);
    CHECK(svg.find("viewBox=\"0 0 " + n + " " + n + "\"") != std::string::npos);
    CHECK(svg.find("<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>") != std::string::npos);
    std::set<std::pair<int, int>> expected;
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1) expected.emplace(x + 4, y + 4);
    CHECK(painted(svg) == expected);
}

TEST_CASE("a QR SVG's label is HTML-escaped", "[editor][qr]") {
    auto const svg = qr_svg("x", "<b>\"Ana\" & 'co'</b>");
    CHECK(svg.find("aria-label=\"&lt;b&gt;&quot;Ana&quot; &amp; &#39;co&#39;&lt;/b&gt;\"") != std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
}

TEST_CASE("a QR SVG refuses text no QR symbol holds", "[editor][qr]") {
    CHECK_NOTHROW(qr_svg(std::string(2331, 'a'), "largest"));      // version 40 at level M holds 2,331 bytes
    CHECK_THROWS_AS(qr_svg(std::string(2332, 'a'), "too long"), std::invalid_argument);
    CHECK_THROWS_AS(qr_svg(std::string(10 * 1024, 'a'), "10 kB"), std::invalid_argument);
    CHECK_THROWS_AS(qr_svg("", "empty"), std::invalid_argument);
    CHECK_NOTHROW(qr_svg(std::string("a\0b", 3), "a NUL byte is data like any other"));
}
