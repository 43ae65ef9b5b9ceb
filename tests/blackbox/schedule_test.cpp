// The schedule runs by itself: a timer, not requests, publishes at the planned second, and a
// restart applies what passed while the server was down.
#include "app/app.hpp"
#include "editor/editor_services.hpp"
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace farol;
using namespace farol::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// Polls until the page answers `status` (the rebuild after a change runs on its own thread).
bool eventually_status(std::uint16_t port, std::string const& path, int status) {
    for (int i = 0; i < 100; ++i) {
        if (get(port, path).status == status) return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

bool audited(editor::editor_services& e, std::string const& action, std::string const& object) {
    store::audit_filter f;
    f.actor = "schedule";
    f.action = action;
    for (auto const& entry : e.audit.list(f))
        if (entry.object == object) return true;
    return false;
}

} // namespace

TEST_CASE("a campaign scheduled 2 seconds ahead appears on /pt-BR/ with no request in between", "[blackbox][schedule]") {
    test_server s({}, sample_campaigns(), true);
    auto const slug = std::string("migrar-com-seguranca-sp");
    auto const path = "/pt-BR/c/" + slug;
    REQUIRE(get(s.port(), "/pt-BR/").body.find(path) != std::string::npos);
    auto const opens = std::chrono::ceil<std::chrono::seconds>(std::chrono::system_clock::now()) + 2s;
    REQUIRE(s.get().editor().schedule_store.set_campaign_window(slug, {opens, std::nullopt}));
    s.get().reload(); // what the editor's save does
    REQUIRE(eventually_status(s.port(), path, 404));
    REQUIRE(std::chrono::system_clock::now() < opens - 500ms); // the wait below is request-free
    std::this_thread::sleep_until(opens + 900ms);
    auto const page = get(s.port(), path);
    CHECK(page.status == 200);
    CHECK(get(s.port(), "/pt-BR/").body.find(path) != std::string::npos);
    CHECK(audited(s.get().editor(), "schedule.publish", "campaign:" + slug));
}

TEST_CASE("a restart applies and audits the windows that passed while the server was down", "[blackbox][schedule]") {
    temp_dir data, static_files;
    fs::copy(fs::path(FAROL_SOURCE_DIR) / "static", static_files.path(), fs::copy_options::recursive);
    import_bundles(sample_campaigns(), data.path());
    auto const cfg = test_config(data.path(), static_files.path());
    auto const slug = std::string("reconhecer-o-trafico");
    util::fixed_clock clock{test_epoch()};
    {
        app::app first(cfg, clock);
        first.start();
        REQUIRE(first.editor().schedule_store.set_campaign_window(slug, {test_epoch() + 1h, test_epoch() + 3h}));
        first.publish_now();
        CHECK(get(first.port(), "/pt-BR/c/" + slug).status == 404);
        first.stop();
        first.wait();
    }
    clock.set(test_epoch() + 2h); // the window opened while nothing ran
    app::app second(cfg, clock);
    second.start();
    CHECK(get(second.port(), "/pt-BR/c/" + slug).status == 200);
    CHECK(audited(second.editor(), "schedule.publish", "campaign:" + slug));
    CHECK_FALSE(audited(second.editor(), "schedule.unpublish", "campaign:" + slug));
    second.stop();
    second.wait();
}
