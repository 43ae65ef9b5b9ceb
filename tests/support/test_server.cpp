#include "support/test_server.hpp"

#include <atomic>
#include <fstream>
#include <random>

#include <unistd.h>

namespace farol::test {

namespace fs = std::filesystem;

temp_dir::temp_dir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("farol-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

temp_dir::~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void temp_dir::write(std::string const& relative, std::string const& bytes) const {
    auto const p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

util::clock::time_point test_epoch() {
    return util::clock::time_point(std::chrono::seconds(1795435200)); // 2026-11-23T12:00:00Z
}

test_server::test_server(std::function<void(app::config&)> tweak) : clock_(test_epoch()) {
    std::string css = "body{font-family:sans-serif;margin:0;padding:1rem}\n";
    for (int i = 0; i < 50; ++i) css += ".rule-" + std::to_string(i) + "{color:#123456;padding:" + std::to_string(i) + "px}\n";
    static_.write("css/site.css", css);
    static_.write("robots.txt", "User-agent: *\n");
    app::config cfg;
    cfg.listen_address = "127.0.0.1";
    cfg.port = 0;
    cfg.threads = 2;
    cfg.data_dir = data_.path();
    cfg.static_dir = static_.path();
    cfg.access_log = "off";
    if (tweak) tweak(cfg);
    app_ = std::make_unique<app::app>(cfg, clock_);
    app_->start();
}

test_server::~test_server() {
    app_->stop();
    app_->wait();
}

} // namespace farol::test
