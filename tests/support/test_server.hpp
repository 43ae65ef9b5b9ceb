#pragma once
#include "app/app.hpp"
#include "app/config.hpp"
#include "util/clock.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace farol::test {

// A unique temporary directory, removed with the object.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    std::filesystem::path const& path() const { return path_; }
    void write(std::string const& relative, std::string const& bytes) const;

private:
    std::filesystem::path path_;
};

// Fixed 2026-11-23T12:00:00Z, the clock every test starts from.
util::clock::time_point test_epoch();

// The real server on 127.0.0.1 port 0 with a temporary data dir and a small static/ of its own.
class test_server {
public:
    explicit test_server(std::function<void(app::config&)> tweak = {});
    ~test_server();
    std::uint16_t port() const { return app_->port(); }
    app::app& get() { return *app_; }
    temp_dir const& static_dir() const { return static_; }
    temp_dir const& data_dir() const { return data_; }
    util::fixed_clock& clock() { return clock_; }

private:
    temp_dir data_;
    temp_dir static_;
    util::fixed_clock clock_;
    std::unique_ptr<app::app> app_;
};

} // namespace farol::test
