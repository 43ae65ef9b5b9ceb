#include "util/huge_buffer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

TEST_CASE("a huge buffer holds exactly what is written into it, at any size", "[util]") {
    for (std::size_t size : {std::size_t{1}, std::size_t{4096}, std::size_t{(3u << 20) + 17}}) {
        auto b = farol::util::huge_buffer::allocate(size);
        REQUIRE(b->size() == size);
        std::fill(b->data(), b->data() + size, 'x');
        b->data()[size - 1] = 'y';
        CHECK(std::count(b->data(), b->data() + size, 'x') == static_cast<std::ptrdiff_t>(size - 1));
        CHECK(b->data()[size - 1] == 'y');
    }
}

TEST_CASE("a small huge buffer costs its size, a large one whole huge pages", "[util]") {
    CHECK(farol::util::huge_buffer::allocate(0)->footprint() == 0);
    CHECK(farol::util::huge_buffer::allocate(5000)->footprint() == 5000);
    auto const large = farol::util::huge_buffer::allocate((2u << 20) + 1);
    CHECK(large->footprint() == (4u << 20));
}
