// The editor's ZIP download is `farol export` zipped: the same bytes, so files stay a way in and out.
#include "app/bundle_commands.hpp"
#include "content/bundle_zip.hpp"
#include "editor/editor_services.hpp"
#include "support/raw_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace farol;
using namespace farol::test;

TEST_CASE("editor: the bundle ZIP download equals farol export zipped, byte for byte", "[blackbox][editor][zip]") {
    test_server s([](app::config& c) { c.development_cookie = 1; }, sample_campaigns());
    auto const cookie = signed_in_cookie(s, "ana", http::role::editor);

    auto const zip = get(s.port(), "/editor/bundles.zip", "Cookie: " + cookie + "\r\n");
    REQUIRE(zip.status == 200);
    CHECK(zip.header("content-type") == "application/zip");
    CHECK(zip.header("content-disposition") == "attachment; filename=\"farol-campaigns.zip\"");
    CHECK(zip.header("cache-control") == "no-store");
    CHECK(get(s.port(), "/editor/bundles.zip").status == 303); // no session, no download

    temp_dir out;
    app::config cfg;
    cfg.data_dir = s.data_dir().path();
    std::ostringstream o, e;
    REQUIRE(app::export_bundles(cfg, out.path() / "bundles", o, e) == 0);
    content::zip_bundles(out.path() / "bundles", out.path() / "cli.zip");
    std::ifstream in(out.path() / "cli.zip", std::ios::binary);
    std::string const cli((std::istreambuf_iterator<char>(in)), {});
    CHECK(zip.body.size() == cli.size());
    CHECK(zip.body == cli);
    CHECK_FALSE(std::filesystem::exists(s.data_dir().path() / "tmp" / "export")); // nothing left behind
    CHECK(std::filesystem::is_empty(s.data_dir().path() / "tmp"));
}
