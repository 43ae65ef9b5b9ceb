#pragma once
#include "support/process.hpp"
#include "support/test_server.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace farol::test {

// `serve` and the settings flags that keep a farol child on 127.0.0.1 and inside temporary dirs (no port:
// CLI11 refuses a flag given twice, so callers add it).
std::vector<std::string> serve_args(temp_dir const& data, temp_dir const& static_files);

// `farol serve` as a real child process, started and listening (or the constructor throws).
class farol_server {
public:
    struct options {
        std::vector<std::string> extra_args;                  // flags not in serve_args()
        bool any_port = true;                                 // adds --listen-port 0
        std::vector<std::pair<std::string, std::string>> env;
        std::optional<unsigned long> max_open_files;
        std::optional<unsigned long> max_core_bytes;          // the child's RLIMIT_CORE before it starts
        std::function<void(temp_dir const&)> fill_static;     // writes files into static/ before start
        std::optional<std::filesystem::path> bundles;         // imported into the data dir before start
        std::string access_log = "off";                       // --log-access: "off", "-" or a file
    };
    farol_server() : farol_server(options{}) {}
    explicit farol_server(options o);

    process& proc() { return *proc_; }
    std::uint16_t port() const { return port_; }
    temp_dir const& data_dir() const { return data_; }
    temp_dir const& static_dir() const { return static_; }

private:
    temp_dir data_;
    temp_dir static_;
    std::unique_ptr<process> proc_;
    std::uint16_t port_ = 0;
};

// Milliseconds since `start`, for bounding waits in messages.
inline auto elapsed_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

} // namespace farol::test
