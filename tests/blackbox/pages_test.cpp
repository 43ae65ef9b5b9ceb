#include "support/raw_client.hpp"
#include "support/test_server.hpp"
#include "util/compress.hpp"

#include <catch2/catch.hpp>

#include <regex>

using namespace farol::test;

namespace {

constexpr char const* slug = "reconhecer-o-trafico";
char const* const languages[] = {"pt-BR", "es", "en", "fr", "ht", "ar"};

std::string first_match(std::string const& text, std::string const& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string();
}

bool contains(std::string const& haystack, std::string const& needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("/ redirects to the reader's language from Accept-Language", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const cases = std::vector<std::pair<std::string, std::string>>{
        {"ar", "/ar/"},          {"pt-PT,pt;q=0.9", "/pt-BR/"}, {"es-VE,es;q=0.9,en;q=0.5", "/es/"},
        {"en;q=0.5, fr;q=0.9", "/fr/"}, {"ht-HT", "/ht/"},     {"de, ja;q=0.8", "/pt-BR/"},
        {"", "/pt-BR/"},         {";;;,,q=x", "/pt-BR/"}};
    for (auto const& [accept, where] : cases) {
        INFO(accept);
        auto const r = get(s.port(), "/", accept.empty() ? "" : "Accept-Language: " + accept + "\r\n");
        CHECK(r.status == 302);
        CHECK(r.header("location") == where);
        CHECK(contains(r.header("vary"), "Accept-Language"));
        CHECK(!r.has("set-cookie"));
    }
}

TEST_CASE("every campaign page exists in every language with the right lang and dir", "[blackbox][pages]") {
    auto& s = sample_server();
    for (auto const* lang : languages) {
        INFO(lang);
        auto const r = get(s.port(), std::string("/") + lang + "/c/" + slug);
        REQUIRE(r.status == 200);
        CHECK(r.header("content-type") == "text/html; charset=utf-8");
        bool const rtl = std::string(lang) == "ar";
        CHECK(contains(r.body, std::string("<html lang=\"") + lang + "\" dir=\"" + (rtl ? "rtl" : "ltr") + "\">"));
        CHECK(!r.has("set-cookie"));
        CHECK(get(s.port(), std::string("/") + lang + "/").status == 200);
    }
}

TEST_CASE("a campaign page carries exit, hotlines, share, materials and link metadata", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const r = get(s.port(), std::string("/es/c/") + slug);
    REQUIRE(r.status == 200);
    auto const& b = r.body;
    // The quick exit is the first focusable element of the body.
    auto const body = b.substr(b.find("<body>"));
    CHECK(first_match(body, R"((<(?:a|button|input|select|textarea)\b[^>]*>))").find("class=\"exit\"") != std::string::npos);
    CHECK(contains(b, "href=\"tel:100\""));
    CHECK(contains(b, "href=\"tel:180\""));
    CHECK(contains(b, "href=\"tel:190\""));
    // The share button counts its click, then leads to WhatsApp with the page's link tagged ?src=whatsapp.
    auto const share_path = std::string("/es/c/") + slug + "/share/whatsapp";
    CHECK(contains(b, "href=\"" + share_path + "\""));
    auto const shared = get(s.port(), share_path);
    CHECK(shared.status == 303);
    CHECK(shared.header("cache-control") == "no-store");
    CHECK(shared.header("location").starts_with("https://wa.me/?text="));
    CHECK(contains(shared.header("location"), "%2Fes%2Fc%2F" + std::string(slug) + "%3Fsrc%3Dwhatsapp"));
    CHECK(get(s.port(), std::string("/es/c/") + slug + "/share/telegram").status == 404);
    CHECK(get(s.port(), "/es/c/no-such-campaign/share/whatsapp").status == 404);
    CHECK(contains(b, "<meta property=\"og:title\""));
    CHECK(contains(b, "<meta property=\"og:locale\" content=\"es_LA\">"));
    for (auto const* lang : languages)
        CHECK(contains(b, std::string("<link rel=\"alternate\" hreflang=\"") + lang + "\""));
    CHECK(contains(b, "hreflang=\"x-default\""));
    CHECK(contains(b, "<link rel=\"canonical\" href=\"http://127.0.0.1:" + std::to_string(s.port()) + "/es/c/" + slug + "\">"));
    CHECK(contains(b, "/m/"));
    CHECK(contains(b, "folheto-es.pdf"));
    CHECK(!contains(b, "<script>"));
    // The language switcher links the other translations and marks this one.
    CHECK(contains(b, "<a href=\"/pt-BR/c/" + std::string(slug) + "\" hreflang=\"pt-BR\""));
    CHECK(contains(b, "aria-current=\"page\" lang=\"es\""));
}

TEST_CASE("pages are served compressed with strong ETags and answer 304", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const path = std::string("/fr/c/") + slug;
    auto const br = get(s.port(), path, "Accept-Encoding: gzip, br\r\n");
    REQUIRE(br.status == 200);
    CHECK(br.header("content-encoding") == "br");
    auto const plain = get(s.port(), path);
    CHECK(farol::util::brotli_decompress(br.body) == plain.body);
    auto const again = get(s.port(), path, "Accept-Encoding: br\r\nIf-None-Match: " + br.header("etag") + "\r\n");
    CHECK(again.status == 304);
    CHECK(again.body.empty());
}

TEST_CASE("materials download with ranges, ETag and an RFC 6266 file name", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const page = get(s.port(), std::string("/ar/c/") + slug).body;
    auto const href = first_match(page, R"re(href="(/m/[0-9a-f]{16}/folheto-ar\.pdf)")re");
    REQUIRE(!href.empty());
    auto const full = get(s.port(), href);
    REQUIRE(full.status == 200);
    CHECK(full.header("content-type") == "application/pdf");
    CHECK(full.body.starts_with("%PDF-"));
    CHECK(full.header("content-disposition") == "attachment; filename=\"folheto-ar.pdf\"; filename*=UTF-8''folheto-ar.pdf");
    CHECK(contains(full.header("cache-control"), "immutable"));
    // A phone that lost the connection resumes from where it stopped.
    auto const tail = get(s.port(), href, "Range: bytes=100-\r\nIf-Range: " + full.header("etag") + "\r\n");
    CHECK(tail.status == 206);
    CHECK(tail.body == full.body.substr(100));
    CHECK(get(s.port(), href, "Range: bytes=99999999-\r\n").status == 416);
    CHECK(get(s.port(), href, "If-None-Match: " + full.header("etag") + "\r\n").status == 304);
    auto stale = href;
    stale[4] = stale[4] == 'a' ? 'b' : 'a';
    CHECK(get(s.port(), stale).status == 404);
}

TEST_CASE("unknown languages and slugs are 404 pages in the best language", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const missing = get(s.port(), "/ar/c/no-such-campaign");
    CHECK(missing.status == 404);
    CHECK(contains(missing.body, "<html lang=\"ar\" dir=\"rtl\">"));
    auto const unknown = get(s.port(), "/xx/", "Accept-Language: fr-CA\r\n");
    CHECK(unknown.status == 404);
    CHECK(contains(unknown.body, "<html lang=\"fr\""));
    CHECK(get(s.port(), "/pt-BR").status == 301);
    CHECK(get(s.port(), "/pt-BR/c/").status == 404);
    auto const bad = get(s.port(), "/es/c/%zz");
    CHECK(bad.status == 400);
    CHECK((contains(bad.body, "<html lang=\"es\"") || contains(bad.body, "<html lang=\"pt-BR\"")));
    CHECK(get(s.port(), "/es/search?q=" + std::string(9000, 'a')).status == 414);
}

TEST_CASE("search finds campaigns in the reader's language, accents or not", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const r = get(s.port(), "/pt-BR/search?q=trafico");
    REQUIRE(r.status == 200);
    CHECK(contains(r.body, "/pt-BR/c/reconhecer-o-trafico"));
    CHECK(r.header("cache-control") == "no-store");
    auto const empty = get(s.port(), "/en/search?q=");
    CHECK(empty.status == 200);
    CHECK(contains(empty.body, "class=\"message\""));
    CHECK(get(s.port(), "/xx/search?q=a").status == 404);
}

TEST_CASE("odd search queries give a page, never an error", "[blackbox][pages]") {
    auto& s = sample_server();
    char const* queries[] = {"%22", "%22%22%22", "NEAR(a%20b)", "*", "-", "a%20OR%20", "(((", "%FF%FE",
                             "%C3%28", "%00", "tr%C3%A1fico*", "%3Cscript%3Ealert(1)%3C/script%3E",
                             "a+b+c+d+e+f+g+h+i+j+k+l+m", "'", "%5C", "%E2%80%AE", "%20%20", "AND", "title:x"};
    for (auto const* q : queries) {
        INFO(q);
        auto const r = get(s.port(), std::string("/fr/search?q=") + q);
        CHECK(r.status == 200);
        CHECK(!contains(r.body, "<script>alert"));
    }
    // A raw backslash is not a valid URL character: 400 in the reader's language, not a crash.
    CHECK(get(s.port(), "/fr/search?q=\\").status == 400);
    auto const long_query = get(s.port(), "/fr/search?q=" + std::string(500, 'x'));
    CHECK(long_query.status == 200);
    CHECK(contains(long_query.body, "class=\"message\""));
}

TEST_CASE("sitemap.xml lists every translation with alternates, robots.txt points to it", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const map = get(s.port(), "/sitemap.xml");
    REQUIRE(map.status == 200);
    CHECK(contains(map.header("content-type"), "application/xml"));
    auto const base = "http://127.0.0.1:" + std::to_string(s.port());
    for (auto const* lang : languages) {
        CHECK(contains(map.body, "<loc>" + base + "/" + lang + "/c/" + slug + "</loc>"));
        CHECK(contains(map.body, std::string("hreflang=\"") + lang + "\" href=\"" + base + "/" + lang + "/c/" + slug + "\""));
    }
    auto const robots = get(s.port(), "/robots.txt");
    CHECK(robots.status == 200);
    CHECK(contains(robots.body, "Sitemap: " + base + "/sitemap.xml"));
}

TEST_CASE("a campaign shows its own hotlines, the home page shows them all", "[blackbox][pages]") {
    auto& s = sample_server();
    auto const page = get(s.port(), "/es/c/comites-regionais-sp").body;
    CHECK(contains(page, "href=\"tel:100\""));
    CHECK(contains(page, "href=\"tel:190\""));
    CHECK(!contains(page, "href=\"tel:180\""));
    auto const home = get(s.port(), "/es/").body;
    for (auto const* n : {"100", "180", "190", "192"}) CHECK(contains(home, std::string("href=\"tel:") + n + "\""));
}
