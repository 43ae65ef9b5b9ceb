// The publish path: an import into a running server's store appears after a reload, and publish
// windows follow the injected clock.
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

using namespace farol::test;
namespace fs = std::filesystem;

namespace {

std::string read_text(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void replace_in(fs::path const& p, std::string const& from, std::string const& to) {
    auto text = read_text(p);
    auto const at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(p, std::ios::binary) << text;
}

// Polls until the page body contains `needle` (the rebuild runs on its own thread).
bool eventually_contains(std::uint16_t port, std::string const& path, std::string const& needle) {
    for (int i = 0; i < 100; ++i) {
        if (get(port, path).body.find(needle) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

} // namespace

TEST_CASE("an import shows up after a reload, the old site serves until then", "[blackbox][publish]") {
    test_server s({}, sample_campaigns());
    temp_dir copy;
    fs::copy(sample_campaigns(), copy.path(), fs::copy_options::recursive);
    auto const md = copy.path() / "reconhecer-o-trafico/pt-BR.md";
    auto const old_title = get(s.port(), "/pt-BR/c/reconhecer-o-trafico").body;
    replace_in(md, "title: ", "title: Novo título — ");
    import_bundles(copy.path(), s.data_dir().path());
    CHECK(get(s.port(), "/pt-BR/c/reconhecer-o-trafico").body == old_title);
    s.get().reload();
    CHECK(eventually_contains(s.port(), "/pt-BR/c/reconhecer-o-trafico", "<h1>Novo título — "));
    CHECK(eventually_contains(s.port(), "/pt-BR/search?q=novo", "/pt-BR/c/reconhecer-o-trafico"));
}

TEST_CASE("a campaign appears when its publish window opens and goes when it closes", "[blackbox][publish]") {
    temp_dir copy;
    fs::copy(sample_campaigns(), copy.path(), fs::copy_options::recursive);
    replace_in(copy.path() / "comites-regionais-sp/campaign.json",
               "\"from\": \"2026-03-01T00:00:00Z\",\n    \"until\": \"2030-12-31T23:59:59Z\"",
               "\"from\": \"2026-12-01T00:00:00Z\",\n    \"until\": \"2027-01-01T00:00:00Z\"");
    test_server s({}, copy.path());
    auto const path = "/es/c/comites-regionais-sp";
    CHECK(get(s.port(), path).status == 404);
    CHECK(get(s.port(), "/es/").body.find("comites-regionais-sp") == std::string::npos);
    // Search shows what the site shows: the one publish-window rule is the Site's.
    auto const search = "/es/search?q=comit%C3%A9s";
    CHECK(get(s.port(), search).body.find("/es/c/comites-regionais-sp") == std::string::npos);
    s.clock().set(farol::util::clock::time_point(std::chrono::seconds(1796083200))); // 2026-12-01T00:00:00Z
    s.get().publish_now();
    CHECK(get(s.port(), path).status == 200);
    CHECK(get(s.port(), "/es/").body.find("comites-regionais-sp") != std::string::npos);
    CHECK(get(s.port(), search).body.find("/es/c/comites-regionais-sp") != std::string::npos);
    s.clock().set(farol::util::clock::time_point(std::chrono::seconds(1798761600))); // 2027-01-01T00:00:00Z
    s.get().publish_now();
    CHECK(get(s.port(), path).status == 404);
    CHECK(get(s.port(), search).body.find("/es/c/comites-regionais-sp") == std::string::npos);
}
