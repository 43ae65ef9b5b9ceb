#pragma once
#include "app/app.hpp"
#include "app/config.hpp"
#include "http/access.hpp"
#include "support/temp_dir.hpp"
#include "util/clock.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace farol::test {

// Fixed 2026-11-23T12:00:00Z, the clock every test starts from.
util::clock::time_point test_epoch();

// `farol import DIR` into data_dir, throwing with the problems if the bundles are refused.
void import_bundles(std::filesystem::path const& bundles, std::filesystem::path const& data_dir);

// The sample campaigns of the repository.
inline std::filesystem::path sample_campaigns() { return std::filesystem::path(FAROL_SOURCE_DIR) / "campaigns"; }

// A server's settings for the tests: 127.0.0.1 port 0, two io threads, the repository's templates,
// no access log, the given data and static directories.
app::config test_config(std::filesystem::path const& data_dir, std::filesystem::path const& static_dir);

// The real server on 127.0.0.1 port 0 with a temporary data dir, a copy of static/, the real
// templates, and the given bundles imported before it starts (none by default).
class test_server {
public:
    // real_time: the server runs on the system clock (its timers fire as in production) instead of clock().
    explicit test_server(std::function<void(app::config&)> tweak = {},
                         std::optional<std::filesystem::path> bundles = std::nullopt, bool real_time = false);
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
    util::system_clock system_clock_;
    std::unique_ptr<app::app> app_;
};

// A new editor account (its password its own, no change asked) signed in over HTTP on a server started
// with editor.development_cookie: the session cookie as "name=value". Throws if sign-in fails.
std::string signed_in_cookie(test_server& s, std::string const& name, http::role role);

// One server with the sample campaigns, shared by the read-only tests of a test process.
test_server& sample_server();

} // namespace farol::test
