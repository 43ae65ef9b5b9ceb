#pragma once
#include "http/dispatcher.hpp"
#include "net/limits.hpp"
#include "net/parser_slot.hpp"
#include "net/read_buffer.hpp"
#include "net/worker_pool.hpp"

#include <boost/asio/io_context.hpp>
#include <filesystem>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace farol::net {

class connection_registry;

// A concrete executor type: Asio's type-erased any_io_executor costs a copy and a virtual call per step.
using io_executor = boost::asio::io_context::executor_type;
using socket_type = boost::asio::basic_stream_socket<boost::asio::ip::tcp, io_executor>;

// What every session shares with the server.
struct session_env {
    http::dispatcher const& dispatcher;
    limits const& lim;
    worker_pool& workers;
    connection_registry& registry;
    std::atomic<bool> const& stopping;
    buffer_gauge& read_buffers;
    std::filesystem::path const& upload_dir;
    std::atomic<std::size_t>& uploads; // streamed bodies in progress, at most lim.max_uploads
};

// One HTTP/1.1 connection: read a request, answer it, repeat (keep-alive), one at a time.
class http_session : public std::enable_shared_from_this<http_session> {
public:
    http_session(socket_type&& socket, session_env const& env);
    ~http_session();

    void run();
    // On shutdown: an idle connection closes now, a busy one after its response.
    void graceful_close();
    // The server's sweep found this connection past its deadline: it closes, unless it moved on; a
    // hot idle connection (see http_session.cpp) gives back its memory first and waits on.
    void expire();

private:
    void do_wait_request();
    void do_wait_readable();
    void on_readable(boost::beast::error_code ec);
    boost::beast::error_code read_available();
    void release_idle_memory();
    void cool_down();
    std::int64_t keepalive_ns() const;
    void do_read_header();
    void on_read_header(boost::beast::error_code ec, std::size_t n);
    void do_continue();
    void on_continue(boost::beast::error_code ec, std::size_t n);
    void do_read_body();
    void on_read_body(boost::beast::error_code ec, std::size_t n);
    void do_handle();
    void do_respond(http::response res, bool must_close);
    void do_write();
    void on_write(boost::beast::error_code ec, std::size_t n);
    void do_linger();
    void on_linger(boost::beast::error_code ec, std::size_t n);
    void do_close();

    // Timeouts are a deadline the server sweeps (see server.cpp), not a timer per operation: setting
    // one is a clock read, where a timer meant cancelling, rescheduling and a completion per step.
    void arm(std::chrono::milliseconds timeout);
    void disarm();

    void reject_head(http::status s, std::string_view detail);
    bool request_has_body() const;
    bool client_keeps_alive() const;
    bool body_done() const;
    void start_form();
    void do_admit_upload();
    void on_admit_upload(std::optional<http::response> refusal);
    void release_upload_slot();
    void record_exchange();

    socket_type socket_;
    boost::asio::ip::address peer_; // handed to each request's context; never logged
    read_buffer buffer_; // allocated while a request is read, none while idle
    session_env const& env_;
    std::uint64_t id_ = 0;
    std::atomic<std::int64_t>* deadline_ = nullptr; // in the registry, valid while registered

    parser_slot parser_; // on the heap, none while idle
    http::request_context ctx_;
    http::dispatcher::plan plan_;
    std::optional<http::response> res_; // keeps the body's bytes alive until written
    std::string head_;                  // the serialized head; its capacity is kept while busy
    std::string_view head_left_, body_left_;

    std::chrono::steady_clock::time_point started_;
    std::int64_t idle_since_ = 0; // steady-clock ns when the last wait for a request began
    std::uint64_t bytes_written_ = 0;
    std::size_t served_ = 0;
    std::uint32_t pipelined_ = 0; // bounded by limits::max_pipelined
    std::uint32_t lingered_ = 0;  // bounded by linger_limit
    bool idle_ = true;
    bool hot_ = false; // requests come back to back: keep the memory while waiting
    bool close_after_write_ = false;
    bool closed_ = false;
    bool upload_slot_ = false; // counted in env_.uploads
};

} // namespace farol::net
