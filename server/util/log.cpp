#include "util/log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <ctime>
#include <stdexcept>
#include <system_error>

namespace farol::util {

std::shared_ptr<log_sink> log_sink::open(std::string const& where) {
    if (where == "-" || where == "stdout") return std::make_shared<log_sink>(STDOUT_FILENO);
    if (where == "stderr") return std::make_shared<log_sink>(STDERR_FILENO);
    if (where == "off" || where.empty()) return std::make_shared<log_sink>(-1);
    int fd = ::open(where.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open log " + where);
    return std::make_shared<log_sink>(fd, true);
}

log_sink::~log_sink() {
    if (owned_ && fd_ >= 0) ::close(fd_);
}

void log_sink::write_line(std::string_view line) const {
    if (fd_ < 0) return;
    thread_local std::string buf;
    buf.assign(line);
    buf.push_back('\n');
    std::size_t off = 0;
    while (off < buf.size()) {
        ssize_t n = ::write(fd_, buf.data() + off, buf.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return; // a log that cannot be written must not take the server down
        off += static_cast<std::size_t>(n);
    }
}

std::string format_rfc3339_ms(std::chrono::system_clock::time_point t) {
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char out[32];
    std::size_t n = std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(out + n, sizeof out - n, ".%03dZ", static_cast<int>(ms % 1000));
    return out;
}

namespace {
std::shared_ptr<log_sink>& error_sink() {
    static std::shared_ptr<log_sink> sink = std::make_shared<log_sink>(STDERR_FILENO);
    return sink;
}

void emit(std::string_view level, std::string_view message) {
    auto sink = std::atomic_load(&error_sink());
    std::string line = format_rfc3339_ms(std::chrono::system_clock::now());
    line.append(" ").append(level).append(" ").append(message);
    sink->write_line(line);
}
} // namespace

void set_error_log(std::shared_ptr<log_sink> sink) { std::atomic_store(&error_sink(), std::move(sink)); }
void log_info(std::string_view message) { emit("info", message); }
void log_error(std::string_view message) { emit("error", message); }

} // namespace farol::util
