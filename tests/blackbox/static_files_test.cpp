#include "support/raw_client.hpp"
#include "support/test_server.hpp"
#include "util/compress.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace farol::test;

namespace {
std::string file_bytes(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
std::string css_url(test_server& s) {
    auto const bytes = file_bytes(s.static_dir().path() / "css/site.css");
    return "/s/" + farol::util::content_hash(bytes) + "/css/site.css";
}
} // namespace

TEST_CASE("static assets are served at content-hashed, immutable URLs", "[blackbox][static]") {
    test_server s;
    auto const original = file_bytes(s.static_dir().path() / "css/site.css");
    auto r = get(s.port(), css_url(s));
    REQUIRE(r.status == 200);
    CHECK(r.body == original);
    CHECK(r.header("content-type") == "text/css; charset=utf-8");
    CHECK(r.header("cache-control") == "public, max-age=31536000, immutable");
    CHECK(r.header("accept-ranges") == "bytes");
    CHECK(r.header("vary") == "Accept-Encoding");
    CHECK_FALSE(r.has("content-encoding"));
    CHECK(r.header("etag").front() == '"');

    // A stale or wrong hash is not the current file.
    CHECK(get(s.port(), "/s/0000000000000000/css/site.css").status == 404);
    CHECK(get(s.port(), "/s/" + farol::util::content_hash(original) + "/css/nope.css").status == 404);
}

TEST_CASE("gzip and brotli variants follow Accept-Encoding", "[blackbox][static]") {
    test_server s;
    auto const original = file_bytes(s.static_dir().path() / "css/site.css");
    auto br = get(s.port(), css_url(s), "Accept-Encoding: gzip, deflate, br\r\n");
    REQUIRE(br.status == 200);
    CHECK(br.header("content-encoding") == "br");
    CHECK(farol::util::brotli_decompress(br.body) == original);
    CHECK(br.body.size() < original.size());

    auto gz = get(s.port(), css_url(s), "Accept-Encoding: gzip\r\n");
    CHECK(gz.header("content-encoding") == "gzip");
    CHECK(farol::util::gzip_decompress(gz.body) == original);

    auto none = get(s.port(), css_url(s), "Accept-Encoding: br;q=0, gzip;q=0\r\n");
    CHECK_FALSE(none.has("content-encoding"));
    CHECK(none.body == original);

    // Each encoding has its own strong ETag.
    CHECK(br.header("etag") != gz.header("etag"));
    CHECK(gz.header("etag") != none.header("etag"));
}

TEST_CASE("If-None-Match answers 304 with no body", "[blackbox][static]") {
    test_server s;
    auto first = get(s.port(), css_url(s), "Accept-Encoding: br\r\n");
    auto const etag = first.header("etag");
    auto r = get(s.port(), css_url(s), "Accept-Encoding: br\r\nIf-None-Match: " + etag + "\r\n");
    CHECK(r.status == 304);
    CHECK(r.body.empty());
    CHECK(r.header("etag") == etag);
    CHECK(r.header("cache-control") == "public, max-age=31536000, immutable");
    // Weak comparison, lists and * match too; another tag does not.
    CHECK(get(s.port(), css_url(s), "Accept-Encoding: br\r\nIf-None-Match: \"x\", W/" + etag + "\r\n").status == 304);
    CHECK(get(s.port(), css_url(s), "If-None-Match: *\r\n").status == 304);
    CHECK(get(s.port(), css_url(s), "If-None-Match: \"other\"\r\n").status == 200);
}

TEST_CASE("single byte ranges are 206, unsatisfiable ones 416", "[blackbox][static]") {
    test_server s;
    auto const original = file_bytes(s.static_dir().path() / "css/site.css");
    auto const size = original.size();

    auto r = get(s.port(), css_url(s), "Range: bytes=10-19\r\n");
    CHECK(r.status == 206);
    CHECK(r.body == original.substr(10, 10));
    CHECK(r.header("content-range") == "bytes 10-19/" + std::to_string(size));
    CHECK(r.header("content-length") == "10");

    auto tail = get(s.port(), css_url(s), "Range: bytes=-5\r\n");
    CHECK(tail.status == 206);
    CHECK(tail.body == original.substr(size - 5));

    auto open = get(s.port(), css_url(s), "Range: bytes=" + std::to_string(size - 3) + "-\r\n");
    CHECK(open.body == original.substr(size - 3));

    auto bad = get(s.port(), css_url(s), "Range: bytes=" + std::to_string(size) + "-\r\n");
    CHECK(bad.status == 416);
    CHECK(bad.header("content-range") == "bytes */" + std::to_string(size));

    // Unparseable or multiple ranges: the whole file, which is always a valid answer.
    CHECK(get(s.port(), css_url(s), "Range: bytes=5-1\r\n").status == 200);
    CHECK(get(s.port(), css_url(s), "Range: bytes=0-1,5-6\r\n").status == 200);
    CHECK(get(s.port(), css_url(s), "Range: lines=1-2\r\n").status == 200);
}

TEST_CASE("If-Range resumes only the same representation", "[blackbox][static]") {
    test_server s;
    auto const original = file_bytes(s.static_dir().path() / "css/site.css");
    auto const etag = get(s.port(), css_url(s)).header("etag");
    auto same = get(s.port(), css_url(s), "Range: bytes=100-\r\nIf-Range: " + etag + "\r\n");
    CHECK(same.status == 206);
    CHECK(same.body == original.substr(100));
    auto changed = get(s.port(), css_url(s), "Range: bytes=100-\r\nIf-Range: \"old\"\r\n");
    CHECK(changed.status == 200);
    CHECK(changed.body == original);
}

TEST_CASE("/favicon.ico and /apple-touch-icon.png answer at the root, cached for a day", "[blackbox][static]") {
    test_server s;
    struct root_icon {
        char const* path;
        char const* file;
        char const* type;
    };
    for (auto const& icon : {root_icon{"/favicon.ico", "img/favicon.ico", "image/x-icon"},
                             root_icon{"/apple-touch-icon.png", "img/apple-touch-icon.png", "image/png"}}) {
        CAPTURE(icon.path);
        auto const r = get(s.port(), icon.path, "Accept-Encoding: gzip, br\r\n");
        REQUIRE(r.status == 200);
        CHECK(r.body == file_bytes(s.static_dir().path() / icon.file));
        CHECK(r.header("content-type") == icon.type);
        // A fixed URL whose bytes may change with a new release: never immutable.
        CHECK(r.header("cache-control") == "public, max-age=86400");
        CHECK_FALSE(r.has("content-encoding")); // already compressed images are sent as they are
        CHECK_FALSE(r.has("set-cookie"));
        auto const etag = r.header("etag");
        REQUIRE(etag.size() > 2);
        CHECK(etag == "\"" + farol::util::content_hash(r.body) + "\"");
        auto const again = get(s.port(), icon.path, "If-None-Match: " + etag + "\r\n");
        CHECK(again.status == 304);
        CHECK(again.body.empty());
        CHECK(again.header("cache-control") == "public, max-age=86400");
        auto const head = request(s.port(), std::string("HEAD ") + icon.path + " HTTP/1.1\r\nHost: x\r\n\r\n", true);
        CHECK(head.status == 200);
        CHECK(head.header("content-length") == std::to_string(r.body.size()));
    }
    // favicon.ico is an icon file, not a page: ICO header, three images.
    auto const ico = get(s.port(), "/favicon.ico").body;
    CHECK(ico.substr(0, 6) == std::string("\0\0\1\0\3\0", 6));
    // Each icon keeps its own route, so metrics tell them apart.
    auto const metrics = get(s.port(), "/metrics").body;
    CHECK(metrics.find("farol_http_requests_total{route=\"favicon\",code=\"2xx\"}") != std::string::npos);
    CHECK(metrics.find("farol_http_requests_total{route=\"apple_touch_icon\",code=\"2xx\"}") != std::string::npos);
}

TEST_CASE("without the icons in static/, the root icon URLs are 404, not a failed start", "[blackbox][static]") {
    farol::test::temp_dir bare;
    bare.write("css/site.css", "body{}");
    bare.write("js/exit.js", "");
    bare.write("img/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    bare.write("img/apple-touch-icon.png", "png");
    test_server s([&](farol::app::config& c) { c.static_dir = bare.path(); });
    CHECK(get(s.port(), "/favicon.ico").status == 404);
    CHECK(get(s.port(), "/apple-touch-icon.png").status == 200);
}
