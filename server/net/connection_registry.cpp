#include "net/connection_registry.hpp"

namespace farol::net {

std::uint64_t connection_registry::add(std::weak_ptr<http_session> session) {
    std::lock_guard lock(mutex_);
    auto const id = next_id_++;
    sessions_.emplace(id, std::move(session));
    count_.store(sessions_.size(), std::memory_order_relaxed);
    return id;
}

void connection_registry::remove(std::uint64_t id) {
    {
        std::lock_guard lock(mutex_);
        if (sessions_.erase(id) == 0) return;
        count_.store(sessions_.size(), std::memory_order_relaxed);
    }
    if (on_remove_) on_remove_();
}

std::vector<std::shared_ptr<http_session>> connection_registry::live() const {
    std::vector<std::shared_ptr<http_session>> out;
    std::lock_guard lock(mutex_);
    for (auto const& [id, weak] : sessions_)
        if (auto s = weak.lock()) out.push_back(std::move(s));
    return out;
}

} // namespace farol::net
