#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace farol::metrics {

// How many distinct 64-bit hashes were added, in bounded memory (issue 12: unique readers per
// day x campaign x language).
//
// Exact up to `exact_limit` = 1024 distinct hashes, kept in a sorted vector (at most 8 KiB). The
// 1025th distinct hash turns the counter into a HyperLogLog (Flajolet, Fusy, Gandouet, Meunier
// 2007) of precision p = 12: 4096 one-byte registers (4 KiB), relative standard error
// 1.04 / sqrt(4096) = 1.625 %. The estimate is Ertl's "improved" estimator (O. Ertl, "New
// cardinality estimation algorithms for HyperLogLog sketches", 2017), which handles the small
// range (empty registers, where linear counting would be used) and the large range in one formula.
// The classic raw-or-linear-counting switch measured +1.3 to +1.8 % biased just past its
// switch-over (10,000 to 12,000 hashes; RMSE 3.0 % at 10,000); this one measured within 0.2 % of
// unbiased, at 1.1 to 1.6 % RMSE, from 1,025 to 2,000,000 hashes (400 runs a size, 100 from 1M).
//
// Any 64-bit values will do: add() passes them through a bijective mixer (the MurmurHash3
// finaliser) before use, so distinct inputs stay distinct and sequential ones still spread.
//
// Memory never exceeds sizeof(unique_counter) + max_heap_bytes after an operation returns (an add
// or merge that switches to the sketch holds both for its duration). Not thread-safe: one owner
// (the flusher) adds and merges.
class unique_counter {
public:
    static constexpr std::size_t exact_limit = 1024;
    static constexpr unsigned precision = 12;
    static constexpr std::size_t register_count = std::size_t{1} << precision;
    static constexpr double standard_error = 1.04 / 64.0; // 1.04 / sqrt(register_count)
    static constexpr std::size_t max_heap_bytes = exact_limit * sizeof(std::uint64_t);

    void add(std::uint64_t hash);

    // The number of distinct hashes added: exact while exact(), else the HyperLogLog estimate.
    std::uint64_t estimate() const;

    // Counts the union of both counters' hashes (exact + exact stays exact while the union fits;
    // anything with a sketch becomes a sketch). Merging a counter into itself changes nothing.
    void merge(unique_counter const& other);

    // This object plus its heap storage, in bytes.
    std::size_t memory_bytes() const;

    bool exact() const { return registers_.empty(); }

private:
    void insert_exact(std::uint64_t mixed);
    void to_sketch();
    void observe(std::uint64_t mixed);

    std::vector<std::uint64_t> exact_;    // sorted mixed hashes, until the switch
    std::vector<std::uint8_t> registers_; // register_count entries once a sketch, else empty
};

} // namespace farol::metrics
