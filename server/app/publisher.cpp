#include "app/publisher.hpp"

#include "util/compress.hpp"
#include "util/log.hpp"
#include "view/site_builder.hpp"

#include <malloc.h>

#include <chrono>
#include <ctime>

namespace farol::app {

namespace {
constexpr auto max_sleep = std::chrono::minutes(10);
constexpr auto retry_after_failure = std::chrono::seconds(30);
}

publisher::publisher(build_fn build, published::site_holder& holder, util::clock const& clock)
    : build_(std::move(build)), holder_(holder), clock_(clock) {
    // Fixed thresholds: glibc otherwise raises them after freeing one large block (the sitemap's
    // brotli state) up to 32/64 MB, and then each thread's arena keeps that much after a publish.
    ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
}

publisher::~publisher() { stop(); }

// At start-up the server waits for this one: freeing what the build used is left to the thread.
void publisher::publish_now() { build_and_publish(true, true); }

void publisher::build_and_publish(bool allow_fast, bool defer_release) {
    auto const started = std::chrono::steady_clock::now();
    auto current = holder_.snapshot();
    auto built = build_(current.get(), allow_fast, cancel_);
    current.reset(); // the old site must be gone before memory is trimmed below
    auto const pages = built.site->pages.size();
    auto const quality = built.site->refine_pending ? " (fast compression, refining)" : "";
    holder_.publish(std::move(built.site));
    auto const live = std::chrono::steady_clock::now();
    if (defer_release) {
        std::lock_guard lock(mutex_);
        leftovers_ = std::move(built.leftovers);
        wake_.notify_one();
    } else {
        built.leftovers.reset();
        release_memory();
    }
    {
        std::lock_guard lock(mutex_);
        ++builds_;
    }
    auto const ms = std::chrono::duration_cast<std::chrono::milliseconds>(live - started);
    auto const details = built.details.empty() ? std::string() : " (" + built.details + ")";
    util::log_info("published site: " + std::to_string(pages) + " pages in " + std::to_string(ms.count()) + " ms" +
                   quality + details);
}

void publisher::release_memory() {
    // A build frees tens of megabytes of transient strings; hand them back instead of keeping them.
    util::release_compression_scratch(); // this thread compressed too
    ::malloc_trim(0);
}

void publisher::start() {
    thread_ = std::thread([this] { run(); });
}

void publisher::request() {
    std::lock_guard lock(mutex_);
    requested_ = true;
    wake_.notify_one();
}

void publisher::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancel_ = true;
        wake_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
}

// How long after its planned instant a scheduled change went live: the schedule's promise is 1 s.
void publisher::log_lateness(std::chrono::system_clock::time_point due) const {
    auto const late = std::chrono::duration_cast<std::chrono::milliseconds>(clock_.now() - due);
    util::log_info("scheduled change live " + std::to_string(late.count()) + " ms after its time");
}

std::optional<std::string> publisher::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void publisher::note_failure(std::string const& why) {
    auto const t = std::chrono::system_clock::to_time_t(clock_.now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char at[32];
    std::strftime(at, sizeof at, "%Y-%m-%d %H:%M UTC", &tm);
    {
        std::lock_guard lock(mutex_);
        problem_ = std::string(at) + ": " + why;
    }
    if (!on_failure_) return;
    try {
        on_failure_(why);
    } catch (std::exception const& e) { // the audit may be what failed
        util::log_error(std::string("recording the failed publish failed: ") + e.what());
    }
}

std::uint64_t publisher::builds() const {
    std::lock_guard lock(mutex_);
    return builds_;
}

// Whether a publish window has moved, and whether the current site awaits its best compression.
std::pair<bool, bool> publisher::due(bool failed) const {
    auto const current = holder_.snapshot();
    bool const window_moved = current->next_change && *current->next_change <= clock_.now();
    return {window_moved, current->refine_pending && !failed};
}

void publisher::run() {
    std::unique_lock lock(mutex_);
    bool failed = false;
    while (!stopping_) {
        if (leftovers_) {
            auto leftovers = std::move(leftovers_);
            lock.unlock();
            leftovers.reset();
            release_memory();
            lock.lock();
            continue;
        }
        auto wait = std::chrono::duration_cast<std::chrono::steady_clock::duration>(max_sleep);
        if (failed) {
            // A window that keeps failing to build must not spin: wait, unless asked explicitly.
            wait = retry_after_failure;
        } else if (holder_.snapshot()->refine_pending) {
            wait = {};
        } else if (auto const next = holder_.snapshot()->next_change) {
            auto const until = *next - clock_.now();
            wait = std::max<std::chrono::steady_clock::duration>(
                std::chrono::milliseconds(0),
                std::min(wait, std::chrono::duration_cast<std::chrono::steady_clock::duration>(until)));
        }
        bool const woken = wake_.wait_for(lock, wait, [this] { return requested_ || stopping_ || leftovers_; });
        if (stopping_) break;
        if (leftovers_) continue;
        auto const [window_moved, refine] = due(failed);
        if (!woken && !window_moved && !refine) continue;
        bool const asked = requested_ || window_moved;
        requested_ = false;
        auto const due_at = window_moved ? holder_.snapshot()->next_change : std::nullopt;
        lock.unlock();
        try {
            build_and_publish(asked, false);
            if (due_at) log_lateness(*due_at);
            failed = false;
            std::lock_guard done(mutex_);
            problem_.reset();
        } catch (view::build_cancelled const&) {
            break;
        } catch (std::exception const& e) {
            failed = true;
            util::log_error(std::string("publishing the site failed, the previous site stays: ") + e.what());
            note_failure(e.what());
        }
        lock.lock();
    }
}

} // namespace farol::app
