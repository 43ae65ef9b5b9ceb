#include "support/test_server.hpp"

#include "app/bundle_commands.hpp"
#include "editor/editor_services.hpp"
#include "support/raw_client.hpp"

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace farol::test {

namespace fs = std::filesystem;

util::clock::time_point test_epoch() {
    return util::clock::time_point(std::chrono::seconds(1795435200)); // 2026-11-23T12:00:00Z
}

void import_bundles(fs::path const& bundles, fs::path const& data_dir) {
    app::config cfg;
    cfg.data_dir = data_dir;
    std::ostringstream out, err;
    if (app::import_bundles(cfg, bundles, out, err) != 0)
        throw std::runtime_error("test import of " + bundles.string() + " failed:\n" + err.str());
}

app::config test_config(fs::path const& data_dir, fs::path const& static_dir) {
    app::config cfg;
    cfg.listen_address = "127.0.0.1";
    cfg.port = 0;
    cfg.threads = 2;
    cfg.data_dir = data_dir;
    cfg.static_dir = static_dir;
    cfg.templates_dir = fs::path(FAROL_SOURCE_DIR) / "templates";
    cfg.access_log = "off";
    cfg.crawlers = fs::path(FAROL_SOURCE_DIR) / "scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json";
    return cfg;
}

test_server::test_server(std::function<void(app::config&)> tweak, std::optional<fs::path> bundles, bool real_time)
    : clock_(test_epoch()) {
    fs::copy(fs::path(FAROL_SOURCE_DIR) / "static", static_.path(), fs::copy_options::recursive);
    if (bundles) import_bundles(*bundles, data_.path());
    auto cfg = test_config(data_.path(), static_.path());
    if (tweak) tweak(cfg);
    app_ = real_time ? std::make_unique<app::app>(cfg, system_clock_) : std::make_unique<app::app>(cfg, clock_);
    app_->start();
}

test_server::~test_server() {
    app_->stop();
    app_->wait();
}

std::string signed_in_cookie(test_server& s, std::string const& name, http::role role) {
    std::string const password = "lighthouse orbit cashew pillow";
    s.get().editor().accounts.add("test", name, role, password, true);
    std::string const form = "name=" + name + "&password=lighthouse+orbit+cashew+pillow";
    auto const reply = request(s.port(), "POST /editor/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1\r\n"
                                         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                             std::to_string(form.size()) + "\r\nConnection: close\r\n\r\n" + form);
    auto const set_cookie = reply.header("set-cookie");
    if (reply.status != 303 || set_cookie.empty()) throw std::runtime_error("sign-in as " + name + " failed");
    return set_cookie.substr(0, set_cookie.find(';'));
}

test_server& sample_server() {
    static test_server server({}, sample_campaigns());
    return server;
}

} // namespace farol::test
