// The OpenAPI document and the route table agree: every path it describes is mounted, and every
// route of the api area is described (app::mount_areas, the table the server runs).
#include "handlers/editor_fixture.hpp"

#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace farol;
using namespace farol::test;

namespace {

boost::json::value openapi() {
    std::ifstream in(std::string(FAROL_SOURCE_DIR) + "/static/api/openapi.json");
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str());
}

} // namespace

TEST_CASE("api: every OpenAPI path is a route and every api route is in the document", "[api][openapi]") {
    editor_fixture f;
    std::set<std::string> mounted, described;
    for (auto const& r : f.dispatcher.routes().routes())
        if (r.area == http::area::api) mounted.insert(std::string(boost::beast::http::to_string(r.method)) + " " + r.pattern);
    auto const doc = openapi();
    for (auto const& [path, item] : doc.at("paths").as_object())
        for (auto const& [method, op] : item.as_object()) {
            std::string m(method);
            for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            described.insert(m + " " + std::string(path));
        }
    CHECK(mounted == described);
    CHECK(mounted.contains("GET /api/v1/campaigns/{slug}"));
    CHECK(mounted.size() >= 6);
}

TEST_CASE("api: the OpenAPI document is 3.1 and names a schema for every success", "[api][openapi]") {
    auto const doc = openapi();
    CHECK(doc.at("openapi").as_string().starts_with("3.1."));
    for (auto const& [path, item] : doc.at("paths").as_object()) {
        INFO(path);
        auto const& ok = item.at("get").at("responses").at("200");
        CHECK(ok.at("content").at("application/json").as_object().contains("schema"));
    }
}
