#include "published/share_card.hpp"

#include "published/static_assets.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace farol;

namespace {

// The first 24 bytes of a PNG of the given size (signature, IHDR length, "IHDR", width, height).
std::string png_head(unsigned width, unsigned height) {
    std::string b("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (unsigned v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) b += static_cast<char>((v >> shift) & 0xff);
    return b + std::string("\x08\x02\0\0\0", 5);
}

} // namespace

TEST_CASE("png_size reads the IHDR of a PNG and nothing else", "[static]") {
    auto const size = published::png_size(png_head(1200, 630));
    REQUIRE(size);
    CHECK(size->width == 1200);
    CHECK(size->height == 630);
    CHECK(published::png_size(png_head(70000, 1))->width == 70000);
    CHECK_FALSE(published::png_size(png_head(1200, 630).substr(0, 23)));
    CHECK_FALSE(published::png_size(png_head(0, 630)));
    CHECK_FALSE(published::png_size("\xff\xd8\xff\xe0 a JPEG is not a PNG......"));
    auto other_chunk = png_head(1200, 630);
    other_chunk.replace(12, 4, "tEXt");
    CHECK_FALSE(published::png_size(other_chunk));
}

TEST_CASE("a language without its own share card uses the default language's", "[static]") {
    test::temp_dir d;
    d.write("img/share-pt-BR.png", png_head(1200, 630));
    d.write("img/share-ar.png", png_head(1200, 630));
    d.write("img/share-es.png", "not a png");
    auto const assets = published::static_assets::load(d.path());

    auto const ar = published::find_share_card(*assets, "ar", "pt-BR");
    REQUIRE(ar);
    CHECK(ar->asset == "img/share-ar.png");
    CHECK(ar->language == "ar");
    CHECK(ar->type == "image/png");
    CHECK(ar->size.width == 1200);
    CHECK(ar->size.height == 630);

    for (auto const* lang : {"fr", "es"}) {
        auto const card = published::find_share_card(*assets, lang, "pt-BR");
        REQUIRE(card);
        CHECK(card->asset == "img/share-pt-BR.png");
        CHECK(card->language == "pt-BR");
    }

    test::temp_dir empty;
    empty.write("css/site.css", "body{}");
    CHECK_FALSE(published::find_share_card(*published::static_assets::load(empty.path()), "ar", "pt-BR"));
}
