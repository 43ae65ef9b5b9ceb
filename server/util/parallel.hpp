#pragma once
#include <cstddef>
#include <functional>

namespace farol::util {

// Calls fn(i) for every i in [0, n), spread over `threads` threads (the caller's included).
// Rethrows the first exception once all threads have stopped; later items may then be skipped.
void parallel_for(std::size_t n, unsigned threads, std::function<void(std::size_t)> const& fn);

} // namespace farol::util
