#include "net/connection_registry.hpp"

namespace farol::net {

connection_registry::ticket connection_registry::add(std::weak_ptr<http_session> session) {
    std::lock_guard lock(mutex_);
    auto const id = next_id_++;
    auto& e = sessions_[id];
    e.session = std::move(session);
    count_.store(sessions_.size(), std::memory_order_relaxed);
    return {id, &e.due};
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
    for (auto const& [id, e] : sessions_)
        if (auto s = e.session.lock()) out.push_back(std::move(s));
    return out;
}

std::vector<std::shared_ptr<http_session>> connection_registry::late(std::int64_t now_ns) const {
    std::vector<std::shared_ptr<http_session>> out;
    std::lock_guard lock(mutex_);
    for (auto const& [id, e] : sessions_) {
        auto const due = e.due.load(std::memory_order_relaxed);
        if (due != 0 && due <= now_ns)
            if (auto s = e.session.lock()) out.push_back(std::move(s));
    }
    return out;
}

} // namespace farol::net
