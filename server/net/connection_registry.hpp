#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace farol::net {

class http_session;

// Live connections, for the connection cap, graceful shutdown and timeouts. Touched on connect and
// close; each connection's deadline lives here so a sweep can find the late ones without touching
// the others.
class connection_registry {
public:
    // A connection's deadline: steady-clock nanoseconds since epoch, 0 for none. Written by the
    // connection's own thread, read by the sweep.
    using deadline = std::atomic<std::int64_t>;
    struct ticket {
        std::uint64_t id;
        deadline* due;
    };

    ticket add(std::weak_ptr<http_session> session);
    void remove(std::uint64_t id);
    std::size_t size() const { return count_.load(std::memory_order_relaxed); }
    std::vector<std::shared_ptr<http_session>> live() const;
    // The connections whose deadline is at or before `now_ns`.
    std::vector<std::shared_ptr<http_session>> late(std::int64_t now_ns) const;
    // Called (outside the lock) after a connection closes; the listener resumes accepting.
    void on_remove(std::function<void()> callback) { on_remove_ = std::move(callback); }

private:
    struct entry {
        std::weak_ptr<http_session> session;
        deadline due{0};
    };
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, entry> sessions_; // nodes: a ticket's pointer stays valid
    std::uint64_t next_id_ = 1;
    std::atomic<std::size_t> count_{0};
    std::function<void()> on_remove_;
};

} // namespace farol::net
