#include "util/media_types.hpp"

#include <catch2/catch.hpp>

using namespace farol::util;

TEST_CASE("one map gives media types by extension, in any case", "[util][media]") {
    CHECK(media_type_for("site.css") == "text/css; charset=utf-8");
    CHECK(media_type_for("A.PDF") == "application/pdf");
    CHECK(media_type_for("icon.svg") == "image/svg+xml");
    CHECK(media_type_for("favicon.ico") == "image/x-icon");
    CHECK(media_type_for("noext") == "application/octet-stream");
    CHECK(media_type_for("x.exe") == "application/octet-stream");
}

TEST_CASE("material types: documents, images, audio and text, never active content", "[util][media]") {
    CHECK(material_media_type("a.pdf") == "application/pdf");
    CHECK(material_media_type("A.PDF") == "application/pdf");
    CHECK(material_media_type("p.png") == "image/png");
    CHECK(material_media_type("p.jpg") == "image/jpeg");
    CHECK(material_media_type("p.jpeg") == "image/jpeg");
    CHECK(material_media_type("s.mp3") == "audio/mpeg");
    CHECK(material_media_type("s.ogg") == "audio/ogg");
    CHECK(material_media_type("t.txt") == "text/plain; charset=utf-8");
    // HTML, SVG or scripts would run on Farol's origin.
    for (char const* bad : {"x.html", "x.svg", "x.js", "x", "x.pdf.exe", "pdf", "x.css"}) {
        INFO(bad);
        CHECK(material_media_type(bad).empty());
    }
    CHECK(material_extension("image/jpeg") == "jpg");
    CHECK(material_extension("audio/ogg") == "ogg");
    CHECK(material_extension("audio/mp4") == "m4a");
    CHECK(material_extension("text/html; charset=utf-8").empty());
    CHECK(material_extensions() == "txt, png, jpg, jpeg, webp, pdf, mp3, ogg, opus, m4a");
}
