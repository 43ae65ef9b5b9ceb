#pragma once
#include <atomic>
#include <chrono>

namespace farol::util {

// Injected everywhere time matters so tests can fix it.
class clock {
public:
    using time_point = std::chrono::system_clock::time_point;
    virtual ~clock() = default;
    virtual time_point now() const = 0;
};

class system_clock final : public clock {
public:
    time_point now() const override { return std::chrono::system_clock::now(); }
};

class fixed_clock final : public clock {
public:
    explicit fixed_clock(time_point t) : now_(t.time_since_epoch().count()) {}
    time_point now() const override { return time_point(time_point::duration(now_.load())); }
    void set(time_point t) { now_ = t.time_since_epoch().count(); }
    void advance(std::chrono::nanoseconds d) {
        now_ += std::chrono::duration_cast<time_point::duration>(d).count();
    }

private:
    std::atomic<time_point::rep> now_;
};

} // namespace farol::util
