#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace farol::schedule {

// A stateless weighted rotation: which of n weighted items owns period k, for any k, in
// O(log n)-ish (the depth of a Huffman tree) with no history and no simulation from an origin.
//
// Method: a Huffman tree over the weights (lightest merged first, ties by position); every inner
// node splits its own periods between its two children by a mechanical (Sturmian) word: the
// heavier child a of a node with weight W = a + b owns the node's m-th period when
// floor(((m+1)a + b) / W) > floor((m·a + b) / W) — i.e. its j-th turn is period ceil(j·W/a).
// Properties (tested in tests/schedule/weighted_cycle_test.cpp):
//  - exactly one item per period; the sequence repeats every W = Σ weights periods, and any W
//    consecutive periods hold exactly w_i turns of item i;
//  - with two items, any window of L periods holds floor or ceil of L·w_i/W turns (< 1 off);
//  - with more, the error compounds down the tree: a node's turns in any window are consecutive
//    turns of its parent, so |count − L·w_i/W| < e(leaf), where e(root) = 0 and
//    e(child) = 1 + q·e(parent), q = the child's share of its parent (error_bound()). Three items
//    stay under 2 periods; deep light items approach 2, rarely a little more. Within one period
//    over every window is impossible in general for three or more items (no balanced words with
//    distinct rates, Fraenkel's problem), and smooth weighted round-robin exceeds it too.
// Sources: Huffman 1952 (tree), Lothaire, "Algebraic Combinatorics on Words" ch. 2 (mechanical words).
class weighted_cycle {
public:
    // weights: each 1..1'000'000 (callers drop zeros first), at least one; their order breaks ties.
    explicit weighted_cycle(std::span<int const> weights);

    // Σ weights: the period of the sequence.
    std::int64_t length() const { return total_; }
    // The item (index into the weights) owning period k; any k, negative included.
    std::size_t at(std::int64_t k) const;
    // The first period k' >= k that item i owns.
    std::int64_t next_turn(std::size_t item, std::int64_t k) const;
    // The proven bound e(item) above, in periods: over any window of L consecutive periods the
    // item's turns differ from L·w/W by less than this.
    double error_bound(std::size_t item) const;

private:
    struct node {
        int left, right;          // a child: an inner node's index, or ~item for a leaf
        std::int64_t wl, wr;      // the children's weights; wl >= wr
    };
    struct step {
        int node;
        bool left;
    };
    int root_ = ~0;
    std::int64_t total_ = 0;
    std::vector<node> nodes_;
    std::vector<int> weights_;
    std::vector<std::vector<step>> paths_; // per item, root to leaf

    void build(std::span<int const> weights);
    void record_paths(int code, std::vector<step>& path);
};

} // namespace farol::schedule
