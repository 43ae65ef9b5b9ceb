#include "http/request_context.hpp"

#include <catch2/catch.hpp>

using namespace farol::http;

namespace {
std::optional<request_context> parsed(std::string_view target) {
    request_context ctx;
    if (parse_target(target, ctx)) return std::nullopt;
    return ctx;
}
} // namespace

TEST_CASE("a plain path splits into the same segments Boost.URL gives") {
    // The trailing "?" sends the same path through Boost.URL instead of the plain-path split.
    for (std::string target : {"/", "/pt-BR", "/pt-BR/", "/pt-BR/c/reconhecer-o-trafico", "/a//b", "/a/b/",
                               "//x", "/s/abc.css", "/m/0123abcd/leaflet_v2~final.pdf", "/a.b/c..d", "/~"}) {
        INFO(target);
        auto const fast = parsed(target);
        auto const slow = parsed(target + "?");
        REQUIRE(fast);
        REQUIRE(slow);
        CHECK(fast->segments == slow->segments);
        CHECK(fast->encoded_path == slow->encoded_path);
        CHECK(fast->query.empty());
    }
}

TEST_CASE("dot segments are refused on both paths") {
    for (std::string target : {"/..", "/a/../b", "/.", "/a/./b", "/a/.."}) {
        INFO(target);
        CHECK_FALSE(parsed(target));
        CHECK_FALSE(parsed(target + "?"));
    }
}

TEST_CASE("encoded paths and queries are decoded") {
    auto const ctx = parsed("/pt-BR/c/tr%C3%A1fico?q=disque+100&x=%2F");
    REQUIRE(ctx);
    CHECK(ctx->segments == std::vector<std::string>{"pt-BR", "c", "tráfico"});
    CHECK(ctx->encoded_path == "/pt-BR/c/tr%C3%A1fico");
    CHECK(ctx->query_param("q") == "disque 100");
    CHECK(ctx->query_param("x") == "/");
    CHECK_FALSE(parsed("/a%zz"));
    CHECK_FALSE(parsed("/a b"));
}

TEST_CASE("header lookup finds the first field of that name, in any case") {
    request_context ctx;
    ctx.req.insert("accept-encoding", "br");
    ctx.req.insert(field::accept_encoding, "gzip");
    ctx.req.insert("X-Other", "1");
    CHECK(ctx.header(field::accept_encoding) == "br");
    CHECK(ctx.header(field::if_none_match).empty());
}
