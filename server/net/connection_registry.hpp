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

// Live connections, for the connection cap and graceful shutdown. Touched on connect and close only.
class connection_registry {
public:
    std::uint64_t add(std::weak_ptr<http_session> session);
    void remove(std::uint64_t id);
    std::size_t size() const { return count_.load(std::memory_order_relaxed); }
    std::vector<std::shared_ptr<http_session>> live() const;
    // Called (outside the lock) after a connection closes; the listener resumes accepting.
    void on_remove(std::function<void()> callback) { on_remove_ = std::move(callback); }

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::weak_ptr<http_session>> sessions_;
    std::uint64_t next_id_ = 1;
    std::atomic<std::size_t> count_{0};
    std::function<void()> on_remove_;
};

} // namespace farol::net
