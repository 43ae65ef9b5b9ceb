#pragma once
#include "published/site.hpp"
#include "util/clock.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace farol::app {

// Builds Site snapshots off the io threads and swaps them in: on request (SIGHUP, import), when a
// publish window opens or closes, and once more at the best compression after a fast build.
// A failed build is logged and the current site stays.
class publisher {
public:
    struct build_result {
        std::shared_ptr<published::site const> site;
        // What the build used and no longer needs (the library it read): freed only once the site is
        // live, since freeing a large build takes a while.
        std::shared_ptr<void const> leftovers;
        std::string details; // what the build did, for the log line ("" for nothing)
    };
    // Builds from the store; `previous` lends unchanged pages, `allow_fast` permits a fast first pass,
    // and the build gives up (throwing) once `cancel` is set.
    using build_fn = std::function<build_result(published::site const* previous, bool allow_fast,
                                                std::atomic<bool> const& cancel)>;

    publisher(build_fn build, published::site_holder& holder, util::clock const& clock);
    ~publisher();
    publisher(publisher const&) = delete;
    publisher& operator=(publisher const&) = delete;

    // Builds and publishes on the calling thread; throws what the build throws.
    void publish_now();
    // Starts the background thread that serves request() and publish windows.
    void start();
    // Asks for a rebuild soon; never blocks on the build.
    void request();
    void stop();
    std::uint64_t builds() const;
    // Why the last background build failed, with its time ("2026-07-30 12:00 UTC: ..."); nullopt
    // once a build succeeds again. Editors see it.
    std::optional<std::string> problem() const;
    // Called on the publisher's thread with the reason each time a background build fails.
    void on_failure(std::function<void(std::string const&)> fn) { on_failure_ = std::move(fn); }

private:
    void run();
    std::pair<bool, bool> due(bool failed) const;
    void build_and_publish(bool allow_fast, bool defer_release);
    void release_memory();
    void note_failure(std::string const& why);
    void log_lateness(std::chrono::system_clock::time_point due) const;

    build_fn build_;
    published::site_holder& holder_;
    util::clock const& clock_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool requested_ = false;
    bool stopping_ = false;
    std::atomic<bool> cancel_{false};
    std::uint64_t builds_ = 0;
    std::shared_ptr<void const> leftovers_; // of publish_now's build, freed by the thread
    std::optional<std::string> problem_;
    std::function<void(std::string const&)> on_failure_;
    std::thread thread_;
};

} // namespace farol::app
