#include "schedule/weighted_cycle.hpp"

#include <queue>
#include <stdexcept>
#include <tuple>

namespace farol::schedule {
namespace {

std::int64_t floor_mod(std::int64_t k, std::int64_t n) {
    auto const r = k % n;
    return r < 0 ? r + n : r;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; } // a >= 0, b > 0

// Turns of the heavier (left) child among a node's first m periods.
std::int64_t left_before(std::int64_t m, std::int64_t wl, std::int64_t w) { return (m * wl + w - wl) / w; }
// The node period holding the left child's j-th turn, and the right child's (inverses of the above).
std::int64_t left_position(std::int64_t j, std::int64_t wl, std::int64_t w) { return ceil_div(j * w, wl); }
std::int64_t right_position(std::int64_t j, std::int64_t wr, std::int64_t w) { return ceil_div(j * w + 1, wr); }

} // namespace

weighted_cycle::weighted_cycle(std::span<int const> weights) : weights_(weights.begin(), weights.end()) {
    if (weights.empty()) throw std::invalid_argument("weighted_cycle: no items");
    for (int w : weights)
        if (w < 1 || w > 1'000'000) throw std::invalid_argument("weighted_cycle: weight out of range");
    build(weights);
    paths_.resize(weights.size());
    std::vector<step> path;
    record_paths(root_, path);
}

void weighted_cycle::build(std::span<int const> weights) {
    // (weight, creation order, code): the lightest first, earlier items first among equals.
    using item = std::tuple<std::int64_t, std::size_t, int>;
    std::priority_queue<item, std::vector<item>, std::greater<>> queue;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        queue.emplace(weights[i], i, ~static_cast<int>(i));
        total_ += weights[i];
    }
    std::size_t order = weights.size();
    while (queue.size() > 1) {
        auto const [w_light, o_light, light] = queue.top();
        queue.pop();
        auto const [w_heavy, o_heavy, heavy] = queue.top();
        queue.pop();
        nodes_.push_back({heavy, light, w_heavy, w_light});
        queue.emplace(w_heavy + w_light, order++, static_cast<int>(nodes_.size() - 1));
    }
    root_ = std::get<2>(queue.top());
}

void weighted_cycle::record_paths(int code, std::vector<step>& path) {
    if (code < 0) {
        paths_[static_cast<std::size_t>(~code)] = path;
        return;
    }
    for (bool left : {true, false}) {
        path.push_back({code, left});
        auto const& n = nodes_[static_cast<std::size_t>(code)];
        record_paths(left ? n.left : n.right, path);
        path.pop_back();
    }
}

std::size_t weighted_cycle::at(std::int64_t k) const {
    auto m = floor_mod(k, total_);
    int code = root_;
    while (code >= 0) {
        auto const& n = nodes_[static_cast<std::size_t>(code)];
        auto const w = n.wl + n.wr;
        auto const before = left_before(m, n.wl, w);
        bool const left = left_before(m + 1, n.wl, w) > before;
        code = left ? n.left : n.right;
        m = left ? before : m - before;
    }
    return static_cast<std::size_t>(~code);
}

std::int64_t weighted_cycle::next_turn(std::size_t item, std::int64_t k) const {
    auto const m0 = floor_mod(k, total_);
    auto base = k - m0;
    auto const& path = paths_.at(item);
    // Down: how many turns the item has had in this cycle before m0.
    auto j = m0;
    for (auto const& s : path) {
        auto const& n = nodes_[static_cast<std::size_t>(s.node)];
        auto const before = left_before(j, n.wl, n.wl + n.wr);
        j = s.left ? before : j - before;
    }
    if (j == weights_[item]) { // no turn left in this cycle: the first of the next
        j = 0;
        base += total_;
    }
    // Up: where that turn sits in each ancestor's periods.
    for (auto s = path.rbegin(); s != path.rend(); ++s) {
        auto const& n = nodes_[static_cast<std::size_t>(s->node)];
        j = s->left ? left_position(j, n.wl, n.wl + n.wr) : right_position(j, n.wr, n.wl + n.wr);
    }
    return base + j;
}

double weighted_cycle::error_bound(std::size_t item) const {
    double bound = 0;
    for (auto const& s : paths_.at(item)) {
        auto const& n = nodes_[static_cast<std::size_t>(s.node)];
        bound = 1 + static_cast<double>(s.left ? n.wl : n.wr) / static_cast<double>(n.wl + n.wr) * bound;
    }
    return bound;
}

} // namespace farol::schedule
