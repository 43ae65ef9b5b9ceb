#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace farol::test {

namespace {

using namespace std::chrono_literals;

// The inherited environment without FAROL_* (a developer's settings must not leak into tests), plus
// `extra` and the crawler list of this checkout.
std::vector<std::string> child_environment(std::vector<std::pair<std::string, std::string>> const& extra) {
    std::vector<std::string> out;
    for (char** e = environ; e && *e; ++e) {
        std::string const entry(*e);
        if (entry.rfind("FAROL_", 0) == 0) continue;
        bool const replaced = std::any_of(extra.begin(), extra.end(),
                                          [&](auto const& kv) { return entry.rfind(kv.first + "=", 0) == 0; });
        if (!replaced) out.push_back(entry);
    }
    for (auto const& [name, value] : extra) out.push_back(name + "=" + value);
    // The server's default crawler list path is relative to a checkout's root, not the test's directory.
    if (std::none_of(extra.begin(), extra.end(), [](auto const& kv) { return kv.first == "FAROL_METRICS_CRAWLERS"; }))
        out.push_back("FAROL_METRICS_CRAWLERS=" FAROL_SOURCE_DIR
                      "/scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json");
    return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Between fork and exec: async-signal-safe calls only.
[[noreturn]] void exec_child(char const* program, char* const* argv, char* const* envp, int in_fd, int out_fd,
                             int err_fd, std::optional<unsigned long> max_open_files,
                             std::optional<unsigned long> max_core_bytes) {
    if (max_open_files) {
        rlimit lim{};
        ::getrlimit(RLIMIT_NOFILE, &lim);
        lim.rlim_cur = *max_open_files;
        if (::setrlimit(RLIMIT_NOFILE, &lim) != 0) ::_exit(126);
    }
    if (max_core_bytes) {
        rlimit lim{};
        ::getrlimit(RLIMIT_CORE, &lim);
        rlimit const wanted{*max_core_bytes, std::max<rlim_t>(lim.rlim_max, *max_core_bytes)};
        if (::setrlimit(RLIMIT_CORE, &wanted) != 0) { // an unprivileged test: as far as the hard limit
            lim.rlim_cur = std::min<rlim_t>(*max_core_bytes, lim.rlim_max);
            ::setrlimit(RLIMIT_CORE, &lim);
        }
    }
    if (::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) ::_exit(126);
    // The test's own sockets must not leak into the server: they would count against its limit.
    if (::close_range(3, ~0U, 0) != 0) {
        for (int fd = 3; fd < 4096; ++fd) ::close(fd);
    }
    ::execve(program, argv, envp);
    ::_exit(127);
}

void read_into(int fd, std::string& into, std::mutex& mutex, bool& open) {
    char buf[4096];
    auto const n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) return;
    if (n <= 0) {
        open = false;
        return;
    }
    std::lock_guard lock(mutex);
    into.append(buf, static_cast<std::size_t>(n));
}

} // namespace

process::process(process_options options, std::string program) {
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        throw std::runtime_error("pipe failed");
    }
    int const null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);

    std::vector<std::string> argv_strings{program};
    argv_strings.insert(argv_strings.end(), options.args.begin(), options.args.end());
    auto env_strings = child_environment(options.env);
    auto argv = pointers(argv_strings);
    auto envp = pointers(env_strings);

    pid_ = ::fork();
    if (pid_ == 0) exec_child(program.c_str(), argv.data(), envp.data(), null_fd, out_pipe[1], err_pipe[1],
                              options.max_open_files, options.max_core_bytes);
    ::close(null_fd);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (pid_ < 0) {
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
    }
    reader_ = std::thread([this, o = out_pipe[0], e = err_pipe[0]] { pump(o, e); });
}

process::~process() {
    if (!exit_code_) {
        ::kill(pid_, SIGKILL); // cannot be caught: the blocking wait below is bounded
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
    }
    if (reader_.joinable()) reader_.join();
}

void process::pump(int out_fd, int err_fd) {
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        pollfd fds[2] = {{out_open ? out_fd : -1, POLLIN, 0}, {err_open ? err_fd : -1, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[0].revents) read_into(out_fd, out_, mutex_, out_open);
        if (fds[1].revents) read_into(err_fd, err_, mutex_, err_open);
        changed_.notify_all();
    }
    ::close(out_fd);
    ::close(err_fd);
    std::lock_guard lock(mutex_);
    eof_ = true;
    changed_.notify_all();
}

bool process::reaped(int status) {
    if (WIFEXITED(status)) exit_code_ = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) exit_code_ = 128 + WTERMSIG(status);
    return exit_code_.has_value();
}

std::optional<int> process::wait_for(std::chrono::milliseconds timeout) {
    auto const deadline = std::chrono::steady_clock::now() + timeout;
    while (!exit_code_) {
        int status = 0;
        auto const r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_ && reaped(status)) break;
        if (r < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(10ms);
    }
    // The child has gone, so its pipes are at EOF: join the reader and the output is complete.
    if (reader_.joinable()) reader_.join();
    return exit_code_;
}

void process::signal(int sig) {
    if (!exit_code_) ::kill(pid_, sig);
}

std::optional<std::string> process::wait_for_line(std::regex const& pattern, std::chrono::milliseconds timeout,
                                                  unsigned nth) {
    auto const deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(mutex_);
    std::size_t scanned = 0; // offset of the first line not yet matched
    for (;;) {
        for (auto end = err_.find('\n', scanned); end != std::string::npos; end = err_.find('\n', scanned)) {
            std::string line = err_.substr(scanned, end - scanned);
            scanned = end + 1;
            if (std::regex_search(line, pattern) && --nth == 0) return line;
        }
        if (eof_) return std::nullopt;
        if (changed_.wait_until(lock, deadline) == std::cv_status::timeout) return std::nullopt;
    }
}

std::uint16_t process::listening_port(std::chrono::milliseconds timeout) {
    static std::regex const pattern(R"(listening on http://127\.0\.0\.1:(\d+)$)");
    auto const line = wait_for_line(pattern, timeout);
    if (!line) throw std::runtime_error("the server did not start; stderr: " + err());
    std::smatch m;
    std::regex_search(*line, m, pattern);
    return static_cast<std::uint16_t>(std::stoul(m[1].str()));
}

std::string process::out() const {
    std::lock_guard lock(mutex_);
    return out_;
}

std::string process::err() const {
    std::lock_guard lock(mutex_);
    return err_;
}

std::chrono::milliseconds process::cpu_time() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string const stat{std::istreambuf_iterator<char>(in), {}};
    auto const after_name = stat.rfind(')'); // the command name may contain spaces
    if (after_name == std::string::npos) throw std::runtime_error("cannot read /proc/<pid>/stat");
    std::istringstream fields(stat.substr(after_name + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i) fields >> skip; // fields 3..13: state .. cmajflt
    unsigned long long user = 0, system = 0;
    fields >> user >> system;
    auto const ticks = static_cast<unsigned long long>(::sysconf(_SC_CLK_TCK));
    return std::chrono::milliseconds((user + system) * 1000 / ticks);
}

} // namespace farol::test
