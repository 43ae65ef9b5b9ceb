#include "published/static_assets.hpp"

#include "support/test_server.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

using namespace farol;

TEST_CASE("static assets are indexed by name with a content hash", "[static]") {
    test::temp_dir d;
    d.write("css/a.css", "body{}");
    d.write("sw.js", "self.addEventListener('fetch',()=>{})");
    d.write(".hidden/secret.txt", "no");
    d.write(".env", "no");
    auto assets = published::static_assets::load(d.path());
    CHECK(assets->all().size() == 2);
    REQUIRE(assets->find("css/a.css"));
    CHECK(assets->find("css/a.css")->hash == util::content_hash("body{}"));
    CHECK(assets->url("css/a.css") == "/s/" + util::content_hash("body{}") + "/css/a.css");
    CHECK(assets->find("sw.js")->rep.content_type == "text/javascript; charset=utf-8");
    CHECK_FALSE(assets->find(".env"));
    CHECK_THROWS_AS(assets->url("missing.css"), std::out_of_range);
}

TEST_CASE("a static file whose name is unsafe in a URL refuses the start", "[static]") {
    test::temp_dir d;
    d.write("bad name.css", "x");
    CHECK_THROWS_WITH(published::static_assets::load(d.path()), Catch::Contains("bad name.css"));
    CHECK_THROWS(published::static_assets::load(d.path() / "missing"));
}
