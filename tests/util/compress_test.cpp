#include "util/compress.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <thread>
#include <vector>

using namespace farol::util;

namespace {
// Text-like bytes that compress, with some randomness so every size is a different input.
std::string sample(std::size_t size, unsigned seed) {
    static constexpr char const* words[] = {"Disque 100 ", "tráfico ", "<p>", "</p>\n", "ajuda ", "مرحبا ", "trabalho "};
    std::mt19937 rng(seed);
    std::string out;
    while (out.size() < size) out += words[rng() % 7];
    out.resize(size);
    return out;
}
} // namespace

TEST_CASE("gzip and brotli round-trip inputs of every size, at every quality used", "[util]") {
    // Alternating sizes and qualities exercises the per-thread scratch memory growing and being reused.
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{200}, std::size_t{8000}, std::size_t{300000},
                             std::size_t{100}, std::size_t{5u << 20}, std::size_t{9000}}) {
        INFO(size);
        auto const in = sample(size, static_cast<unsigned>(size));
        for (int q : {1, 2, 11}) {
            if (q == 11 && size > 400000) continue; // minutes at the best quality; the fast ones cover large input
            auto const br = brotli_compress(in, q);
            CHECK(brotli_decompress(br) == in);
        }
        for (int level : {1, 9}) CHECK(gzip_decompress(gzip_compress(in, level)) == in);
    }
}

TEST_CASE("compression gives the same bytes on any thread, any number of times", "[util]") {
    auto const in = sample(20000, 7);
    auto const br = brotli_compress(in, 2);
    auto const gz = gzip_compress(in, 1);
    std::vector<std::thread> pool;
    std::vector<int> same(4, 0);
    for (int t = 0; t < 4; ++t)
        pool.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i)
                same[static_cast<std::size_t>(t)] += brotli_compress(in, 2) == br && gzip_compress(in, 1) == gz;
        });
    for (auto& th : pool) th.join();
    CHECK(same == std::vector<int>(4, 20));
}

TEST_CASE("corrupt input does not decompress", "[util]") {
    CHECK_FALSE(brotli_decompress("not brotli at all"));
    CHECK_FALSE(gzip_decompress("not gzip"));
}
