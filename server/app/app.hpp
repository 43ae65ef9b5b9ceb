#pragma once
#include "app/config.hpp"
#include "util/clock.hpp"

#include <cstdint>
#include <memory>

namespace farol::editor {
struct editor_services;
}

namespace farol::app {

struct reach_services;

// The composition root: config + store + assets + routes + server + threads; owns start/stop/reload.
class app {
public:
    app(config cfg, util::clock const& clock);
    ~app();
    app(app const&) = delete;
    app& operator=(app const&) = delete;

    // Opens the store, indexes static/, mounts routes and starts listening. Throws on any start-up error.
    void start();
    std::uint16_t port() const;
    // The editor's accounts, sessions and audit log, once started (tests and `farol user`).
    editor::editor_services& editor();
    // The reach recorder, buffers and flusher, once started (tests).
    reach_services& reach();
    bool ready() const;

    // SIGTERM/SIGINT stop gracefully, SIGHUP reloads. Call it before start(): a signal sent as soon as
    // "listening" is logged must not meet the default action (which kills the process).
    void handle_signals();
    // Asks for a new Site from the store (SIGHUP); returns at once.
    void reload();
    // Rebuilds and publishes the Site on the calling thread (tests, after an import).
    void publish_now();
    void stop();
    // Blocks until the io threads and then the workers have ended, so no handler can record any
    // more, and only then writes the last reach counts: a clean stop loses no event.
    void wait();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace farol::app
