#include "metrics/unique_counter.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <iterator>
#include <limits>

namespace farol::metrics {

namespace {

// MurmurHash3's 64-bit finaliser: a bijection, so it never merges two distinct inputs.
std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

// How many values the union of two sorted, duplicate-free vectors holds, without building it.
std::size_t union_size(std::vector<std::uint64_t> const& a, std::vector<std::uint64_t> const& b) {
    std::size_t common = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) ++i;
        else if (*j < *i) ++j;
        else ++common, ++i, ++j;
    }
    return a.size() + b.size() - common;
}

// Ertl (2017), eq. for sigma(x) = x + sum_k x^(2^k) 2^(k-1): the empty registers' term. Summed
// until adding changes nothing; x = 1 (every register empty) cannot occur once a sketch exists.
double sigma(double x) {
    if (x >= 1.0) return std::numeric_limits<double>::infinity();
    double y = 1.0, z = x;
    for (;;) {
        x *= x;
        double const before = z;
        z += x * y;
        y += y;
        if (z == before) return z;
    }
}

// Ertl (2017), tau(x) = (1 - x - sum_k (1 - x^(2^-k))^2 2^-k) / 3: the saturated registers' term.
double tau(double x) {
    if (x <= 0.0 || x >= 1.0) return 0.0;
    double y = 1.0, z = 1.0 - x;
    for (;;) {
        x = std::sqrt(x);
        double const before = z;
        y *= 0.5;
        z -= (1.0 - x) * (1.0 - x) * y;
        if (z == before) return z / 3.0;
    }
}

} // namespace

void unique_counter::add(std::uint64_t hash) {
    auto const mixed = mix(hash);
    if (exact()) insert_exact(mixed);
    else observe(mixed);
}

void unique_counter::insert_exact(std::uint64_t mixed) {
    auto const at = std::lower_bound(exact_.begin(), exact_.end(), mixed);
    if (at != exact_.end() && *at == mixed) return;
    if (exact_.size() == exact_limit) {
        to_sketch();
        observe(mixed);
        return;
    }
    auto const index = at - exact_.begin();
    // Grown by hand: the library's doubling could overshoot the limit (1024 -> 2048 slots).
    if (exact_.size() == exact_.capacity())
        exact_.reserve(std::min(exact_limit, std::max<std::size_t>(16, exact_.capacity() * 2)));
    exact_.insert(exact_.begin() + index, mixed);
}

void unique_counter::to_sketch() {
    registers_.assign(register_count, 0);
    for (auto h : exact_) observe(h);
    std::vector<std::uint64_t>().swap(exact_); // gives the 8 KiB back, not just clears it
}

void unique_counter::observe(std::uint64_t mixed) {
    // The top p bits pick the register; the rank is the position of the first 1 in the rest.
    auto const index = mixed >> (64 - precision);
    auto const rest = mixed << precision;
    auto const rank = rest == 0 ? 64 - precision + 1 : static_cast<unsigned>(std::countl_zero(rest)) + 1;
    auto& reg = registers_[index];
    reg = std::max(reg, static_cast<std::uint8_t>(rank));
}

std::uint64_t unique_counter::estimate() const {
    if (exact()) return exact_.size();
    constexpr unsigned q = 64 - precision; // a register holds 0 .. q + 1
    std::array<std::size_t, q + 2> histogram{};
    for (auto r : registers_) ++histogram[r];
    constexpr double m = register_count;
    // Ertl's improved estimator: the raw estimate's harmonic sum, with the empty and the saturated
    // registers' share replaced by the sigma and tau series.
    double z = m * tau(1.0 - static_cast<double>(histogram[q + 1]) / m);
    for (unsigned k = q; k >= 1; --k) z = 0.5 * (z + static_cast<double>(histogram[k]));
    z += m * sigma(static_cast<double>(histogram[0]) / m);
    return static_cast<std::uint64_t>(std::llround(m * m / (2.0 * std::log(2.0)) / z));
}

void unique_counter::merge(unique_counter const& other) {
    if (&other == this) return;
    if (!other.exact()) {
        if (exact()) to_sketch();
        for (std::size_t i = 0; i < register_count; ++i) registers_[i] = std::max(registers_[i], other.registers_[i]);
        return;
    }
    if (!exact()) {
        for (auto h : other.exact_) observe(h);
        return;
    }
    auto const n = union_size(exact_, other.exact_);
    if (n > exact_limit) {
        to_sketch();
        for (auto h : other.exact_) observe(h);
        return;
    }
    std::vector<std::uint64_t> merged;
    merged.reserve(n);
    std::set_union(exact_.begin(), exact_.end(), other.exact_.begin(), other.exact_.end(), std::back_inserter(merged));
    exact_.swap(merged);
}

std::size_t unique_counter::memory_bytes() const {
    return sizeof(*this) + exact_.capacity() * sizeof(std::uint64_t) + registers_.capacity();
}

} // namespace farol::metrics
