#pragma once
#include "http/dispatcher.hpp"
#include "net/limits.hpp"
#include "net/worker_pool.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace farol::net {

struct server_options {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080; // 0: any free port
    unsigned threads = 0;      // 0: one per core
    limits lim;
    std::filesystem::path upload_dir; // where streamed request bodies (uploads) are written
};

// io_context, io threads, listener and signals. The only owner of sockets.
class server {
public:
    server(server_options options, http::dispatcher const& dispatcher, worker_pool& workers);
    ~server();
    server(server const&) = delete;
    server& operator=(server const&) = delete;

    // Binds and starts the io threads; throws std::runtime_error naming the address on failure.
    void start();
    std::uint16_t port() const;
    std::size_t open_connections() const;
    // Bytes of request read buffers held by connections now; idle connections hold none.
    std::size_t read_buffer_bytes() const;

    // SIGTERM/SIGINT stop gracefully; SIGHUP calls on_reload on an io thread.
    void handle_signals(std::function<void()> on_reload);

    // Stops accepting, lets in-flight requests finish, closes idle connections; returns at once.
    void stop();
    // Blocks until the io threads have ended (at most the shutdown timeout after stop()).
    void wait();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace farol::net
