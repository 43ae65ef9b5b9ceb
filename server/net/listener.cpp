#include "net/listener.hpp"

#include "net/connection_registry.hpp"
#include "net/fail.hpp"
#include "util/log.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/error.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include <stdexcept>

namespace farol::net {

using boost::asio::ip::tcp;
namespace beast = boost::beast;

namespace {
constexpr auto backoff_delay = std::chrono::milliseconds(150);

bool out_of_resources(beast::error_code ec) {
    return ec == boost::asio::error::no_descriptors || ec == boost::asio::error::no_buffer_space ||
           ec == boost::asio::error::no_memory || ec.value() == ENFILE;
}
} // namespace

listener::listener(std::vector<boost::asio::io_context*> contexts, tcp::endpoint endpoint, session_env const& env)
    : contexts_(std::move(contexts)), strand_(boost::asio::make_strand(*contexts_.front())), acceptor_(strand_),
      backoff_(strand_), env_(env) {
    beast::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(boost::asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(boost::asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("cannot listen on " + endpoint.address().to_string() + ":" +
                                 std::to_string(endpoint.port()) + ": " + ec.message());
    port_ = acceptor_.local_endpoint().port();
}

void listener::run() {
    boost::asio::dispatch(strand_, [self = shared_from_this()] { self->do_accept(); });
}

void listener::stop() {
    boost::asio::dispatch(strand_, [self = shared_from_this()] {
        self->stopped_ = true;
        beast::error_code ec;
        self->acceptor_.close(ec);
        self->backoff_.cancel();
    });
}

void listener::resume() {
    boost::asio::dispatch(strand_, [self = shared_from_this()] {
        if (self->paused_ && !self->stopped_ && self->env_.registry.size() < self->env_.lim.max_connections) {
            self->paused_ = false;
            self->do_accept();
        }
    });
}

void listener::do_accept() {
    if (stopped_) return;
    if (env_.registry.size() >= env_.lim.max_connections) {
        paused_ = true; // new clients wait in the kernel's backlog until a connection closes
        return;
    }
    auto& context = *contexts_[next_context_++ % contexts_.size()];
    acceptor_.async_accept(context.get_executor(), beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(beast::error_code ec, socket_type socket) {
    if (stopped_ || ec == boost::asio::error::operation_aborted) return;
    if (out_of_resources(ec)) {
        util::log_error("accept: " + ec.message() + "; backing off");
        return do_backoff();
    }
    if (ec) {
        fail(ec, "accept"); // a client gone while queued is ordinary and skipped; anything else is logged
    } else {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<http_session>(std::move(socket), env_)->run();
    }
    do_accept();
}

void listener::do_backoff() {
    // Retrying at once would spin at 100 % CPU; giving up would stop serving for good.
    backoff_.expires_after(backoff_delay);
    backoff_.async_wait([self = shared_from_this()](beast::error_code ec) {
        if (!ec) self->do_accept();
    });
}

} // namespace farol::net
