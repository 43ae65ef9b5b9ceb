#pragma once
#include "published/site.hpp"

namespace farol::published {

// Moves the bytes of s's pages and error pages into one new block owned by the site, except bytes
// already in a block of `previous` that stays: one at least half in use (by footprint) by s.
// Unchanged pages thus keep their bytes, fresh ones get one allocation, and sparse old blocks are
// compacted, so the site never holds more than about twice its bytes. Sets s.blocks.
// `previous` may be null; copies run on `threads` threads. Throws std::bad_alloc.
void pack(site& s, site const* previous, unsigned threads);

} // namespace farol::published
