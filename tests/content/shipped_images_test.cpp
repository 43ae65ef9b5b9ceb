// Checks the images in static/img that scripts/make-images generated and the repository ships: the
// build never runs the image tools, so these tests are what keeps the images in step with their
// sources (the catalogs' site name and tagline, static/img/icon.svg).
#include "app/config.hpp"
#include "published/share_card.hpp"
#include "util/hash.hpp"
#include "util/strings.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace farol;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

fs::path const source = FAROL_SOURCE_DIR;
fs::path const img = source / "static/img";
constexpr std::size_t card_budget = 100 * 1024; // previews need < 300 KB; the cards stay far below

std::string read(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every language with a catalog, and every language the site serves by default.
std::set<std::string> languages() {
    std::set<std::string> out;
    for (auto const& e : fs::directory_iterator(source / "templates/i18n"))
        if (e.path().extension() == ".json") out.insert(e.path().stem().string());
    auto const configured = app::config{}.languages;
    for (auto const tag : util::split(configured, ' '))
        if (!tag.empty()) out.insert(std::string(tag));
    return out;
}

json::object catalog_strings(std::string const& lang) {
    return json::parse(read(source / "templates/i18n" / (lang + ".json"))).at("strings").as_object();
}

json::object manifest() { return json::parse(read(img / ".generated.json")).as_object(); }

unsigned le16(std::string const& b, std::size_t at) {
    return static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8;
}
std::uint32_t le32(std::string const& b, std::size_t at) { return le16(b, at) | std::uint32_t(le16(b, at + 2)) << 16; }

} // namespace

TEST_CASE("every language has a 1200x630 PNG share card, small, showing its catalog's name and tagline", "[static][images]") {
    auto const m = manifest();
    auto const& cards = m.at("cards").as_object();
    for (auto const& lang : languages()) {
        CAPTURE(lang);
        auto const bytes = read(img / ("share-" + lang + ".png"));
        REQUIRE(!bytes.empty());
        auto const size = published::png_size(bytes);
        REQUIRE(size);
        CHECK(size->width == 1200);
        CHECK(size->height == 630);
        CHECK(bytes.size() < card_budget);

        REQUIRE(cards.contains(lang));
        auto const& card = cards.at(lang).as_object();
        CHECK(card.at("file").as_string() == "share-" + lang + ".png");
        CHECK(card.at("type").as_string() == "image/png");
        CHECK(card.at("width").to_number<unsigned>() == size->width);
        CHECK(card.at("height").to_number<unsigned>() == size->height);
        // Out of step with the catalog: run scripts/make-images and commit the cards.
        auto const strings = catalog_strings(lang);
        CHECK(card.at("name").as_string() == strings.at("site.name").as_string());
        CHECK(card.at("tagline").as_string() == strings.at("site.tagline").as_string());
    }
    CHECK(cards.size() == languages().size()); // no card for a language that is gone
}

TEST_CASE("the icons and cards were made from the current icon.svg", "[static][images]") {
    auto const svg = read(img / "icon.svg");
    REQUIRE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"));
    // Out of step with the drawing: run scripts/make-images and commit the icons and cards.
    CHECK(manifest().at("icon_sha256").as_string() == util::sha256_hex(svg));
}

TEST_CASE("favicon.ico is a real ICO of 16, 32 and 48 px images, apple-touch-icon a 180 px PNG", "[static][images]") {
    auto const ico = read(img / "favicon.ico");
    REQUIRE(ico.size() > 6);
    CHECK(le16(ico, 0) == 0); // reserved
    CHECK(le16(ico, 2) == 1); // 1 = icon, 2 = cursor
    REQUIRE(le16(ico, 4) == 3);
    REQUIRE(ico.size() >= 6 + 3 * 16u);
    std::set<unsigned> sizes;
    for (std::size_t i = 0; i < 3; ++i) {
        auto const entry = 6 + 16 * i;
        unsigned const w = static_cast<unsigned char>(ico[entry]), h = static_cast<unsigned char>(ico[entry + 1]);
        auto const length = le32(ico, entry + 8), offset = le32(ico, entry + 12);
        REQUIRE(std::size_t(offset) + length <= ico.size());
        auto const image = published::png_size(ico.substr(offset, length));
        REQUIRE(image); // PNG-compressed entries, as every current browser reads them
        CHECK(image->width == w);
        CHECK(image->height == h);
        sizes.insert(w);
    }
    CHECK(sizes == std::set<unsigned>{16, 32, 48});

    auto const touch = published::png_size(read(img / "apple-touch-icon.png"));
    REQUIRE(touch);
    CHECK(touch->width == 180);
    CHECK(touch->height == 180);
}
