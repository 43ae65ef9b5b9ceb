#include "content/markdown.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using farol::content::check_markdown;
using farol::content::max_markdown_bytes;
using farol::content::render_markdown;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// True if html opens a tag called name (case-insensitive): a live element, not escaped text.
bool has_tag(std::string const& html, std::string const& name) {
    return lower(html).find("<" + name) != std::string::npos;
}

// Every href/src value in html, in order.
std::vector<std::string> urls(std::string const& html) {
    std::vector<std::string> out;
    for (std::string attr : {"href=\"", "src=\""}) {
        for (auto at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
            auto const start = at + attr.size();
            out.push_back(html.substr(start, html.find('"', start) - start));
        }
    }
    return out;
}

} // namespace

TEST_CASE("markdown renders CommonMark and the GFM extensions", "[content][markdown]") {
    auto const html = render_markdown("## Sinais\n\nTexto **forte** e ~~riscado~~.\n\n"
                                      "| Número | Serviço |\n|---|---|\n| 100 | Disque 100 |\n\n"
                                      "Veja https://www.gov.br/mdh e www.example.org.\n");
    CHECK(html.find("<h2>Sinais</h2>") != std::string::npos);
    CHECK(html.find("<strong>forte</strong>") != std::string::npos);
    CHECK(html.find("<del>riscado</del>") != std::string::npos);
    CHECK(html.find("<table>") != std::string::npos);
    CHECK(html.find("<td>Disque 100</td>") != std::string::npos);
    CHECK(html.find("<a href=\"https://www.gov.br/mdh\">") != std::string::npos);
    CHECK(html.find("<a href=\"http://www.example.org\">") != std::string::npos);
}

TEST_CASE("markdown never lets raw HTML through", "[content][markdown]") {
    char const* hostile[] = {
        "<script>alert(1)</script>",
        "text <script>alert(1)</script> more",
        "<img src=x onerror=alert(1)>",
        "Hi <img src=x onerror=alert(1)> there",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<style>body{display:none}</style>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<textarea><script>alert(1)</script></textarea>",
        "<!-- --><script>alert(1)</script>",
    };
    for (char const* md : hostile) {
        INFO(md);
        auto const html = render_markdown(md);
        for (char const* tag : {"script", "img", "iframe", "svg", "style", "div", "textarea", "a "})
            CHECK_FALSE(has_tag(html, tag));
        CHECK(lower(html).find("onerror") == std::string::npos);
        CHECK(lower(html).find("onload") == std::string::npos);
    }
}

TEST_CASE("entities stay text: escaped markup is shown, never run", "[content][markdown]") {
    auto const html = render_markdown("&lt;script&gt;alert(1)&lt;/script&gt; and `<b>code</b>` and \\<i>");
    CHECK_FALSE(has_tag(html, "script"));
    CHECK_FALSE(has_tag(html, "b>"));
    CHECK_FALSE(has_tag(html, "i>"));
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<code>&lt;b&gt;code&lt;/b&gt;</code>") != std::string::npos);
}

TEST_CASE("dangerous link and image targets are emptied", "[content][markdown]") {
    char const* hostile[] = {
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](data:image/png;base64,iVBORw0KGgo=)",
        "[x](DATA:image/svg+xml,<svg/onload=alert(1)>)",
        "[x](file:///etc/passwd)",
        "![i](javascript:alert(1))",
        "![i](data:image/svg+xml;base64,PHN2Zy8+)",
        "[x][r]\n\n[r]: javascript:alert(1)",
    };
    for (char const* md : hostile) {
        INFO(md);
        auto const html = render_markdown(md);
        auto const found = urls(html);
        CHECK_FALSE(found.empty());
        for (auto const& u : found) CHECK(u.empty());
    }
}

TEST_CASE("safe link targets are kept", "[content][markdown]") {
    auto const html = render_markdown("[a](/pt-BR/c/outra) [b](https://example.org/x?y=1) [c](mailto:a@b.org) "
                                      "[d](tel:100) [e](#sinais)");
    auto const found = urls(html);
    CHECK(found == std::vector<std::string>{"/pt-BR/c/outra", "https://example.org/x?y=1", "mailto:a@b.org", "tel:100",
                                            "#sinais"});
}

TEST_CASE("markdown over the cap is refused", "[content][markdown]") {
    std::string md(max_markdown_bytes, 'a');
    CHECK_NOTHROW(render_markdown(md));
    md.push_back('a');
    CHECK_THROWS_AS(render_markdown(md), std::length_error);
    CHECK_THROWS_AS(check_markdown(md), std::length_error);
}

TEST_CASE("invalid UTF-8 is replaced, not passed on", "[content][markdown]") {
    auto const html = render_markdown("caf\xC3 \xFF fim");
    CHECK(html.find("\xEF\xBF\xBD") != std::string::npos); // U+FFFD
    CHECK(html.find('\xFF') == std::string::npos);
}

TEST_CASE("markdown renders from several threads at once", "[content][markdown]") {
    // Long enough that parses overlap: cmark-gfm toggles process-wide state around each one.
    std::string md;
    for (int i = 0; i < 200; ++i) md += "| a | ~~b~~ |\n|---|---|\n| www.example.org | ~~2~~ |\n\n";
    std::string const expected = render_markdown(md);
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (std::size_t i = 0; i < ok.size(); ++i)
        threads.emplace_back([&, i] {
            for (int k = 0; k < 20; ++k) ok[i] += render_markdown(md) == expected;
        });
    for (auto& t : threads) t.join();
    CHECK(std::all_of(ok.begin(), ok.end(), [](int n) { return n == 20; }));
    CHECK(expected.find("<del>2</del>") != std::string::npos);
}

TEST_CASE("check_markdown finds what bundles may not contain, with lines", "[content][markdown]") {
    auto const issues =
        check_markdown("## Title\n\nText <b>bold</b>.\n\n![x](a.png)\n\n[site](https://evil.example)\n\n"
                       "[inner](/pt-BR/c/outra) and www.example.org\n\n<div>\nblock\n</div>\n");
    REQUIRE(issues.size() == 5);
    CHECK(issues[0].line == 3); // <b> and </b>: reported once
    CHECK_THAT(issues[0].reason.english, Catch::Contains("raw HTML"));
    CHECK(issues[1].line == 5);
    CHECK_THAT(issues[1].reason.english, Catch::Contains("images"));
    CHECK(issues[2].line == 7);
    CHECK_THAT(issues[2].reason.english, Catch::Contains("https://evil.example"));
    CHECK(issues[3].line == 9);
    CHECK_THAT(issues[3].reason.english, Catch::Contains("www.example.org"));
    CHECK(issues[4].line == 11);
    CHECK_THAT(issues[4].reason.english, Catch::Contains("raw HTML"));
    CHECK(check_markdown("## Fine\n\n- **a**\n- [b](/es/c/x)\n\n| a |\n|---|\n| 1 |\n").empty());
}
