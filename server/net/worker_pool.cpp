#include "net/worker_pool.hpp"

#include "net/worker_pool_impl.hpp"

#include <boost/asio/post.hpp>

namespace farol::net {

worker_pool::worker_pool(unsigned threads) : impl_(std::make_unique<impl>(threads ? threads : 1)) {}
worker_pool::~worker_pool() { join(); }

void worker_pool::post(std::function<void()> job) { boost::asio::post(impl_->pool, std::move(job)); }

void worker_pool::join() { impl_->pool.join(); }

} // namespace farol::net
