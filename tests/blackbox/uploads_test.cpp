// Uploads through the real server: streamed to disk, refused from the head when they can never be
// taken, checked by content, stored without the metadata that could name a person or a place.
#include "editor/editor_services.hpp"
#include "editor/upload_corpus.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace farol;
using namespace farol::test;

namespace {
constexpr char const* boundary = "----farolTestBoundary7MA4YWxk";

// A signed-in editor on a running server: the cookie and the CSRF token of the session.
struct editor_session {
    std::string cookie;
    std::string csrf;

    explicit editor_session(test_server& s) {
        cookie = signed_in_cookie(s, "ana", http::role::editor);
        auto const page = get(s.port(), "/editor/materials", "Cookie: " + cookie + "\r\n");
        REQUIRE(page.status == 200);
        auto const at = page.body.find("name=\"csrf\" value=\"");
        REQUIRE(at != std::string::npos);
        auto const start = at + 19;
        csrf = page.body.substr(start, page.body.find('"', start) - start);
    }
};

std::string multipart(std::string const& csrf, std::string const& file_name, std::string const& bytes) {
    std::string b = std::string("--") + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n";
    b += std::string("--") + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return b;
}

std::string upload_head(std::string const& cookie, std::uint64_t length, std::string const& origin = "http://127.0.0.1") {
    return "POST /editor/materials HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin + "\r\nCookie: " + cookie +
           "\r\nAccept-Language: en\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + std::to_string(length) +
           "\r\nConnection: close\r\n\r\n";
}

reply upload(test_server& s, editor_session const& e, std::string const& file_name, std::string const& bytes) {
    auto const body = multipart(e.csrf, file_name, bytes);
    return request(s.port(), upload_head(e.cookie, body.size()) + body);
}

std::size_t files_under(std::filesystem::path const& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        n += it->is_regular_file() ? 1 : 0;
    return n;
}

// The one stored material's bytes.
std::string stored_bytes(test_server& s) {
    for (auto const& e : std::filesystem::recursive_directory_iterator(s.data_dir().path() / "materials"))
        if (e.is_regular_file()) return uploads::read_bytes(e.path());
    return {};
}
} // namespace

TEST_CASE("uploads: a JPEG with GPS EXIF and a PDF with an author are stored without them",
          "[blackbox][editor][upload]") {
    test_server s([](app::config& c) { c.development_cookie = 1; });
    editor_session e(s);
    auto const jpeg = uploads::image_with_metadata(".jpg");
    REQUIRE(jpeg.find("Ana Silva") != std::string::npos);
    auto const r = upload(s, e, "foto abrigo.JPG", jpeg);
    REQUIRE(r.status == 303);
    CHECK(r.header("location") == "/editor/materials?done=upload");
    auto const stored = stored_bytes(s);
    REQUIRE(stored.size() > 100);
    CHECK(stored.compare(0, 3, "\xff\xd8\xff") == 0);
    CHECK(stored.find("Exif") == std::string::npos);
    CHECK(stored.find("GPS") == std::string::npos);
    CHECK(stored.find("Ana Silva") == std::string::npos);

    auto const list = get(s.port(), "/editor/materials", "Cookie: " + e.cookie + "\r\n");
    CHECK(list.body.find("foto abrigo.JPG") != std::string::npos);
    CHECK(files_under(s.data_dir().path() / "incoming") == 0); // the received and stripped copies are gone

    std::filesystem::remove_all(s.data_dir().path() / "materials");
    auto const pdf = uploads::pdf(true);
    REQUIRE(pdf.find("Ana Silva") != std::string::npos);
    REQUIRE(upload(s, e, "folheto.pdf", pdf).status == 303);
    auto const stored_pdf = stored_bytes(s);
    CHECK(stored_pdf.compare(0, 5, "%PDF-") == 0);
    CHECK(stored_pdf.find("Ana Silva") == std::string::npos);
    CHECK(stored_pdf.find("/Author") == std::string::npos);
}

TEST_CASE("uploads: bad files are refused with what was detected, and nothing is stored", "[blackbox][editor][upload]") {
    test_server s([](app::config& c) { c.development_cookie = 1; });
    editor_session e(s);
    struct bad {
        char const* name;
        std::string bytes;
        char const* says; // in the English page
    };
    uploads::start_vips();
    bad const corpus[] = {
        {"leaflet.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n", "HTML document"},
        {"poster.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n", "SVG image"},
        {"polyglot.pdf", "%PDF-1.4\n<html><script>alert(1)</script></html>\n" + uploads::pdf(false).substr(9), "HTML or SVG markup"},
        {"song.mp3", uploads::zip_archive("hello"), "archive"},
        {"photo.pdf", uploads::encode(uploads::two_tone(), ".jpg"), "ends in .pdf"},
        {"empty.pdf", "", "The file is empty"},
    };
    for (auto const& b : corpus) {
        INFO(b.name);
        auto const r = upload(s, e, b.name, b.bytes);
        CHECK(r.status == 422);
        INFO(r.body.substr(std::min(r.body.find("<main"), r.body.size()), 900));
        CHECK(r.body.find(b.says) != std::string::npos);
    }
    // Text fields are bounded too: 64 KiB each, 256 KiB together.
    std::string many;
    for (int i = 0; i < 5; ++i)
        many += std::string("--") + boundary + "\r\nContent-Disposition: form-data; name=\"note" + std::to_string(i) +
                "\"\r\n\r\n" + std::string(60 * 1024, 'n') + "\r\n";
    many += std::string("--") + boundary + "--\r\n";
    CHECK(request(s.port(), upload_head(e.cookie, many.size()) + many).status == 413);
    CHECK(files_under(s.data_dir().path() / "materials") == 0);
    CHECK(files_under(s.data_dir().path() / "incoming") == 0);
}

TEST_CASE("uploads: too large, not signed in or from another site is refused before the body is read",
          "[blackbox][editor][upload]") {
    test_server s([](app::config& c) {
        c.development_cookie = 1;
        c.upload_max = 64 * 1024;
    });
    editor_session e(s);
    auto refused_from_head = [&](std::string const& head) {
        raw_client c(s.port());
        c.send(head); // no body byte follows: only the head can have decided
        return c.read_reply(false, std::chrono::seconds(3));
    };
    auto const big = refused_from_head(upload_head(e.cookie, 10ull * 1024 * 1024));
    REQUIRE(big);
    CHECK(big->status == 413);
    auto const anonymous = refused_from_head(upload_head("farol_session=none", 1000));
    REQUIRE(anonymous);
    CHECK(anonymous->status == 403);
    // A cookie of the right shape names no session: looked up before the body, not after.
    auto const forged = refused_from_head(upload_head("farol_session=" + std::string(43, 'A'), 1000));
    REQUIRE(forged);
    CHECK(forged->status == 403);
    auto const role = refused_from_head(upload_head(signed_in_cookie(s, "otto", http::role::analyst), 1000));
    REQUIRE(role);
    CHECK(role->status == 403);
    auto const cross = refused_from_head(upload_head(e.cookie, 1000, "https://evil.example"));
    REQUIRE(cross);
    CHECK(cross->status == 403);
    auto const not_multipart = refused_from_head(
        "POST /editor/materials HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\nCookie: " + e.cookie +
        "\r\nContent-Type: application/pdf\r\nContent-Length: 1000\r\n\r\n");
    REQUIRE(not_multipart);
    CHECK(not_multipart->status == 415);
    CHECK(files_under(s.data_dir().path() / "incoming") == 0);
}

TEST_CASE("uploads: a connection cut mid-upload leaves nothing behind", "[blackbox][editor][upload]") {
    test_server s([](app::config& c) { c.development_cookie = 1; });
    editor_session e(s);
    auto const body = multipart(e.csrf, "folheto.pdf", uploads::pdf(false) + std::string(512 * 1024, '\n'));
    {
        raw_client c(s.port());
        c.send(upload_head(e.cookie, body.size()) + body.substr(0, body.size() / 2));
        // The half that arrived is on disk while the rest is awaited.
        for (int i = 0; i < 100 && files_under(s.data_dir().path() / "incoming") == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK(files_under(s.data_dir().path() / "incoming") == 1);
    } // closed
    for (int i = 0; i < 100 && files_under(s.data_dir().path() / "incoming") > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(files_under(s.data_dir().path() / "incoming") == 0);
    CHECK(files_under(s.data_dir().path() / "materials") == 0);
    auto const list = get(s.port(), "/editor/materials", "Cookie: " + e.cookie + "\r\n");
    CHECK(list.body.find("folheto.pdf") == std::string::npos);
}

TEST_CASE("uploads: the editor's bundle ZIP goes back in through the import form, streamed like any upload",
          "[blackbox][editor][upload][bundle]") {
    test_server s([](app::config& c) { c.development_cookie = 1; }, sample_campaigns());
    editor_session e(s);
    auto const zip = get(s.port(), "/editor/bundles.zip", "Cookie: " + e.cookie + "\r\n");
    REQUIRE(zip.status == 200);
    std::string b = std::string("--") + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + e.csrf + "\r\n";
    b += std::string("--") + boundary +
         "\r\nContent-Disposition: form-data; name=\"bundles\"; filename=\"site.zip\"\r\nContent-Type: application/zip\r\n\r\n" +
         zip.body + "\r\n--" + boundary + "--\r\n";
    auto head = upload_head(e.cookie, b.size());
    head.replace(head.find("/editor/materials"), 17, "/editor/bundles/import");
    auto const r = request(s.port(), head + b);
    CHECK(r.status == 200);
    CHECK(r.body.find("Imported") != std::string::npos);
    auto const broken = request(s.port(), head + std::string(b).replace(b.rfind("PK\x05\x06"), 2, "XX")); // no end record: not a ZIP
    CHECK(broken.status == 422);
    CHECK(files_under(s.data_dir().path() / "incoming") == 0);
}

TEST_CASE("uploads: the progress script the editor loads stays within 2 KB compressed", "[blackbox][editor][upload]") {
    test_server s([](app::config& c) { c.development_cookie = 1; });
    editor_session e(s);
    auto const page = get(s.port(), "/editor/materials", "Cookie: " + e.cookie + "\r\n");
    auto const at = page.body.find("<script src=\"/s/");
    REQUIRE(at != std::string::npos);
    auto const start = at + 13;
    auto const src = page.body.substr(start, page.body.find('"', start) - start);
    CHECK(src.ends_with("/js/editor.js"));
    for (auto const* coding : {"br", "gzip"}) {
        auto const js = get(s.port(), src, std::string("Accept-Encoding: ") + coding + "\r\n");
        REQUIRE(js.status == 200);
        CHECK(js.header("content-encoding") == coding);
        CHECK(js.body.size() <= 2048);
    }
    CHECK(page.body.find("enctype=\"multipart/form-data\"") != std::string::npos); // the form works without it
}

TEST_CASE("uploads: beyond limits.max_uploads at once the next one gets 503 with Retry-After, then room again",
          "[blackbox][editor][upload]") {
    test_server s([](app::config& c) {
        c.development_cookie = 1;
        c.limits.max_uploads = 1;
    });
    editor_session e(s);
    auto const body = multipart(e.csrf, "folheto.pdf", uploads::pdf(false));
    {
        raw_client first(s.port());
        first.send(upload_head(e.cookie, body.size()) + body.substr(0, body.size() - 50)); // holds the one slot
        for (int i = 0; i < 100 && files_under(s.data_dir().path() / "incoming") == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        auto const second = upload(s, e, "folheto.pdf", uploads::pdf(false));
        CHECK(second.status == 503);
        CHECK(second.header("retry-after") == "60");
    } // the first one gives up: its slot is free again
    bool stored = false;
    for (int i = 0; i < 100 && !stored; ++i) {
        stored = upload(s, e, "folheto.pdf", uploads::pdf(false)).status == 303;
        if (!stored) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(stored);
}
