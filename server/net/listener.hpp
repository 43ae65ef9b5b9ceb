#pragma once
#include "net/http_session.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <memory>
#include <vector>

namespace farol::net {

// Accepts connections and hands them out round-robin to the io contexts, one per io thread, so a
// session's handlers always run on one thread and need no strand (as nginx's workers).
class listener : public std::enable_shared_from_this<listener> {
public:
    listener(std::vector<boost::asio::io_context*> contexts, boost::asio::ip::tcp::endpoint endpoint,
             session_env const& env);

    void run();
    void stop();
    // A connection closed: accept again if we had paused at the connection cap.
    void resume();
    std::uint16_t port() const { return port_; }

private:
    void do_accept();
    void on_accept(boost::beast::error_code ec, socket_type socket);
    void do_backoff();

    std::vector<boost::asio::io_context*> contexts_; // the first also runs the listener itself
    std::size_t next_context_ = 0;
    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer backoff_;
    session_env const& env_;
    std::uint16_t port_ = 0;
    bool paused_ = false;
    bool stopped_ = false;
};

} // namespace farol::net
