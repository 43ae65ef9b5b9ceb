#pragma once
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace farol::test {

struct process_options {
    std::vector<std::string> args;                           // after the program name
    std::vector<std::pair<std::string, std::string>> env;    // added to (or replacing in) the inherited environment
    std::optional<unsigned long> max_open_files;             // RLIMIT_NOFILE of the child
    std::optional<unsigned long> max_core_bytes;             // RLIMIT_CORE of the child (raised as far as allowed)
};

// A child process (by default the farol binary) with its stdout and stderr captured by a reader thread,
// so a chatty child never blocks on a full pipe. FAROL_* variables of the test's own environment are not
// passed on. The child is killed (SIGKILL) and reaped on destruction if it is still running.
class process {
public:
    explicit process(process_options options, std::string program = FAROL_BINARY);
    ~process();
    process(process const&) = delete;
    process& operator=(process const&) = delete;

    pid_t pid() const { return pid_; }
    // Exit code, 128 + signal number if killed by a signal, or nullopt if still running after `timeout`.
    std::optional<int> wait_for(std::chrono::milliseconds timeout);
    void signal(int sig);

    // The n-th stderr line (whole lines only, counted from the start) matching `pattern`, waiting up to
    // `timeout` for it; nullopt at once if stderr ends first.
    std::optional<std::string> wait_for_line(std::regex const& pattern, std::chrono::milliseconds timeout,
                                             unsigned nth = 1);
    // The port of the "listening on http://127.0.0.1:PORT" log line; throws if it does not come in time.
    std::uint16_t listening_port(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // Everything read so far; complete once wait_for() has returned an exit code.
    std::string out() const;
    std::string err() const;

    // User + system CPU time the child has used so far, from /proc/<pid>/stat.
    std::chrono::milliseconds cpu_time() const;

private:
    void pump(int out_fd, int err_fd);
    bool reaped(int status);

    pid_t pid_ = -1;
    std::optional<int> exit_code_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::string out_;
    std::string err_;
    bool eof_ = false;
    std::thread reader_;
};

} // namespace farol::test
