#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace farol::util {

// A log destination. Each line goes out in one write(2) so threads never interleave and never lock.
class log_sink {
public:
    // "-" is standard output, "stderr" standard error, "off" discards, anything else a file (appended).
    static std::shared_ptr<log_sink> open(std::string const& where);
    explicit log_sink(int fd, bool owned = false) : fd_(fd), owned_(owned) {}
    ~log_sink();
    log_sink(log_sink const&) = delete;
    log_sink& operator=(log_sink const&) = delete;

    void write_line(std::string_view line) const;
    bool enabled() const { return fd_ >= 0; }

private:
    int fd_;
    bool owned_;
};

// RFC 3339 UTC with milliseconds, e.g. 2026-11-23T09:28:50.123Z.
std::string format_rfc3339_ms(std::chrono::system_clock::time_point t);

// Operational messages (start-up, errors). Never pass a client address or user-agent here.
void set_error_log(std::shared_ptr<log_sink> sink);
void log_info(std::string_view message);
void log_error(std::string_view message);

} // namespace farol::util
