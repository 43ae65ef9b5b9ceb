#include "net/server.hpp"

#include "net/connection_registry.hpp"
#include "net/listener.hpp"
#include "util/log.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <thread>
#include <vector>

namespace farol::net {

namespace asio = boost::asio;

struct server::impl {
    impl(server_options o, http::dispatcher const& d, worker_pool& w)
        : options(std::move(o)), env{d, options.lim, w, registry, stopping, read_buffers, options.upload_dir, uploads},
          contexts(make_contexts(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()))),
          signals(ioc()), drain_timer(ioc()), sweep_timer(ioc()) {
        for (auto& c : contexts) work.emplace_back(c->get_executor());
    }
    ~impl() { registry.on_remove(nullptr); }

    // Declared before the contexts: sessions destroyed with their pending handlers still reach these.
    server_options options;
    connection_registry registry;
    std::atomic<bool> stopping{false};
    buffer_gauge read_buffers;
    std::atomic<std::size_t> uploads{0}; // bodies being streamed to disk now
    session_env env;
    // One context per io thread; the first also runs the listener, signals and shutdown.
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work;
    asio::signal_set signals;
    asio::steady_timer drain_timer;
    asio::steady_timer sweep_timer;
    std::shared_ptr<listener> acceptor;
    std::vector<std::thread> threads;
    std::function<void()> on_reload;
    std::chrono::steady_clock::time_point deadline;

    asio::io_context& ioc() { return *contexts.front(); }
    static std::vector<std::unique_ptr<asio::io_context>> make_contexts(unsigned n) {
        std::vector<std::unique_ptr<asio::io_context>> out;
        for (unsigned i = 0; i < n; ++i) out.push_back(std::make_unique<asio::io_context>(1)); // 1: one thread each
        return out;
    }
    void wait_signal();
    void stop_now();
    void drain();
    void sweep();
};

namespace {
// How often connections are checked against their deadlines: a timeout fires up to this late.
std::chrono::milliseconds sweep_interval(limits const& lim) {
    auto const shortest = std::min({lim.head_timeout, lim.keepalive_timeout, lim.idle_timeout});
    return std::clamp(shortest / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(250));
}
} // namespace

server::server(server_options options, http::dispatcher const& dispatcher, worker_pool& workers)
    : impl_(std::make_unique<impl>(std::move(options), dispatcher, workers)) {}

server::~server() {
    if (!impl_->threads.empty()) {
        stop();
        wait();
    }
}

void server::start() {
    auto& m = *impl_;
    boost::system::error_code ec;
    auto const address = asio::ip::make_address(m.options.address, ec);
    if (ec) throw std::runtime_error("listen.address: '" + m.options.address + "' is not an IP address");
    std::vector<asio::io_context*> contexts;
    for (auto& c : m.contexts) contexts.push_back(c.get());
    m.acceptor = std::make_shared<listener>(std::move(contexts), asio::ip::tcp::endpoint{address, m.options.port}, m.env);
    m.registry.on_remove([l = std::weak_ptr<listener>(m.acceptor)] {
        if (auto p = l.lock()) p->resume();
    });
    m.acceptor->run();
    m.sweep();
    for (auto& c : m.contexts) m.threads.emplace_back([&ioc = *c] { ioc.run(); });
}

std::uint16_t server::port() const { return impl_->acceptor ? impl_->acceptor->port() : 0; }

std::size_t server::open_connections() const { return impl_->registry.size(); }

std::size_t server::read_buffer_bytes() const { return impl_->read_buffers.bytes(); }

void server::handle_signals(std::function<void()> on_reload) {
    impl_->on_reload = std::move(on_reload);
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.add(SIGHUP);
    impl_->wait_signal();
}

void server::impl::wait_signal() {
    signals.async_wait([this](boost::system::error_code ec, int sig) {
        if (ec) return;
        if (sig == SIGHUP) {
            util::log_info("SIGHUP: reloading");
            if (on_reload) on_reload();
            return wait_signal();
        }
        util::log_info(sig == SIGTERM ? "SIGTERM: shutting down" : "SIGINT: shutting down");
        stop_now();
    });
}

void server::stop() {
    asio::post(impl_->ioc(), [m = impl_.get()] { m->stop_now(); });
}

void server::impl::stop_now() {
    if (stopping.exchange(true)) return;
    if (acceptor) acceptor->stop();
    boost::system::error_code ec;
    signals.cancel(ec);
    for (auto& s : registry.live()) s->graceful_close();
    deadline = std::chrono::steady_clock::now() + options.lim.shutdown_timeout;
    drain();
}

void server::impl::drain() {
    if (registry.size() == 0 || std::chrono::steady_clock::now() >= deadline) {
        if (registry.size()) util::log_error("shutdown: closing " + std::to_string(registry.size()) + " connections");
        work.clear();
        for (auto& c : contexts) c->stop();
        return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([this](boost::system::error_code) { drain(); });
}

// One timer for all connections instead of one per connection and operation.
void server::impl::sweep() {
    auto const now = std::chrono::steady_clock::now();
    auto const now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
    for (auto& s : registry.late(now_ns)) s->expire();
    sweep_timer.expires_at(now + sweep_interval(options.lim));
    sweep_timer.async_wait([this](boost::system::error_code ec) {
        if (!ec) sweep();
    });
}

void server::wait() {
    for (auto& t : impl_->threads)
        if (t.joinable()) t.join();
    impl_->threads.clear();
}

} // namespace farol::net
