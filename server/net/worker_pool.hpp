#pragma once
#include <functional>
#include <memory>

namespace farol::net {

// A small pool for blocking work (SQLite, site builds, hashing) so io threads never block.
class worker_pool {
public:
    explicit worker_pool(unsigned threads);
    ~worker_pool();
    worker_pool(worker_pool const&) = delete;
    worker_pool& operator=(worker_pool const&) = delete;

    void post(std::function<void()> job);
    void join();

    struct impl;
    impl& get_impl() { return *impl_; }

private:
    std::unique_ptr<impl> impl_;
};

} // namespace farol::net
