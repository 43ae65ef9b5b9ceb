#include "published/site_pack.hpp"

#include <catch2/catch.hpp>

using namespace farol;

namespace {

constexpr std::size_t big = 600 * 1024; // two of three such pages are more than half their block

http::representation page(char fill, std::size_t size) {
    return http::make_representation(http::shared_bytes::copy_of(std::string(size, fill)), "application/octet-stream",
                                     "public, max-age=60");
}

char const* bytes_of(published::site const& s, std::string const& path) { return s.page(path)->identity.bytes.data.data(); }

} // namespace

TEST_CASE("a packed site keeps the bytes of unchanged pages in a block still well used", "[published][site]") {
    published::site first;
    first.pages.emplace("/a", page('a', big));
    first.pages.emplace("/b", page('b', big));
    first.pages.emplace("/c", page('c', big));
    published::pack(first, nullptr, 2);
    REQUIRE(first.blocks.size() == 1);
    CHECK(first.page("/a")->identity.bytes.owner.get() == first.blocks[0].get());

    published::site second; // a and b unchanged, d new: two thirds of the old block still used
    second.pages.emplace("/a", *first.page("/a"));
    second.pages.emplace("/b", *first.page("/b"));
    second.pages.emplace("/d", page('d', 1000));
    published::pack(second, &first, 2);
    CHECK(bytes_of(second, "/a") == bytes_of(first, "/a"));
    CHECK(bytes_of(second, "/b") == bytes_of(first, "/b"));
    REQUIRE(second.blocks.size() == 2);
    CHECK(second.blocks[0] == first.blocks[0]);
    CHECK(second.page("/d")->identity.bytes.owner.get() == second.blocks[1].get());
    CHECK(second.page("/d")->identity.bytes.data == std::string(1000, 'd'));

    published::site third; // only a left: the old block is less than half used and goes
    third.pages.emplace("/a", *second.page("/a"));
    third.pages.emplace("/d", *second.page("/d"));
    published::pack(third, &second, 2);
    REQUIRE(third.blocks.size() == 2); // d's block, fully used, and a new one for a
    CHECK(third.blocks[0] == second.blocks[1]);
    CHECK(third.blocks[1] != first.blocks[0]);
    CHECK(third.page("/a")->identity.bytes.owner.get() == third.blocks[1].get());
    CHECK(bytes_of(third, "/d") == bytes_of(second, "/d"));
    CHECK(bytes_of(third, "/a") != bytes_of(first, "/a"));
    CHECK(third.page("/a")->identity.bytes.data == std::string(big, 'a'));
    CHECK(third.page("/d")->identity.bytes.data == std::string(1000, 'd'));
    CHECK(third.page("/a")->identity.etag == first.page("/a")->identity.etag);
}

TEST_CASE("a packed site stores identical pages once and needs no block when it has no pages", "[published][site]") {
    published::site s;
    auto const shared = page('x', 4000);
    s.errors.emplace("es 400", shared);
    s.errors.emplace("es 405", shared);
    published::pack(s, nullptr, 1);
    REQUIRE(s.blocks.size() == 1);
    CHECK(s.blocks[0]->size() == 4000);
    CHECK(s.error("es", 400)->identity.bytes.data.data() == s.error("es", 405)->identity.bytes.data.data());
    published::site empty;
    published::pack(empty, &s, 1);
    CHECK(empty.blocks.empty());
}
