#pragma once
#include "net/worker_pool.hpp"

#include <boost/asio/thread_pool.hpp>

namespace farol::net {

struct worker_pool::impl {
    explicit impl(unsigned threads) : pool(threads) {}
    boost::asio::thread_pool pool;
};

} // namespace farol::net
