#pragma once
#include "schedule/rotation.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace farol::schedule {

// The rotation's memory within one cycle: smooth weighted round-robin (nginx's, over periods)
// restarted at each cycle start, so the turns are a pure function of the slot, the entries, the
// language and the period, and every replica agrees.
//  - A cycle starts at local midnight in the slot's zone and spans whole days: one day when a day
//    holds at least 24 periods (hourly and shorter), else enough days for 24 periods (2 h: two
//    days, a daily slot: 24 days).
//  - Each priority class keeps its own current weights and moves only in the periods it wins: an
//    override's hours take nothing from the rotation under it.
//  - In each period the winning class's eligible entries add their weights; the largest current
//    weight (ties: campaign, weight, position) owns the period and gives back the class's total.
//    In every prefix of a cycle each entry's count stays within one period of its weight share
//    (1,1,1,6,6 reaches exactly 1; tests/schedule/pick_test.cpp checks every set up to 7), so a
//    day holds each entry's share within one period.
// Walking forward is one step per period; going back restarts from the cycle's start. Holds
// references to its arguments: they must outlive it.
class rotation_walk {
public:
    rotation_walk(slot const& s, std::span<entry const> entries, std::string_view language);

    // The entries eligible at `time`, best first: the winning class's by current weight after this
    // period's addition (the first owns the period), then each lower class's the same way.
    // Eligibility is read at `time` itself; earlier periods of the cycle at their starts.
    std::vector<std::size_t> order(instant time);

private:
    std::int64_t cycle_start(std::int64_t k) const;
    void restart(std::int64_t anchor);
    void commit(std::int64_t k);
    std::vector<std::vector<std::size_t>> classes_at(instant t) const;
    std::vector<std::size_t> ranked(std::vector<std::size_t> const& members) const;

    slot const& slot_;
    std::span<entry const> entries_;
    std::string language_;
    std::int64_t anchor_ = 0;     // the first period of the cycle being walked
    std::int64_t next_ = 0;       // the first period not yet committed
    bool started_ = false;
    std::vector<std::int64_t> current_; // per entry: its smooth round-robin current weight
};

// Periods of `s` since the Unix epoch holding instant t (floor, negative times included).
std::int64_t period_index(slot const& s, instant t);

} // namespace farol::schedule
