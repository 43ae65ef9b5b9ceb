#include "metrics/suppression_attacker.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>

namespace farol::metrics::testing {

namespace {

enum measure { events, readers };

// sum over `vars` (hidden cells) of one measure == value.
struct equation {
    std::vector<std::size_t> vars;
    measure m;
    std::int64_t value;
};

std::int64_t of(counts const& c, measure m) { return static_cast<std::int64_t>(m == events ? c.events : c.readers); }

// Is there an assignment of the hidden cells, within the model, that meets every equation? Nested
// equations are first subtracted from one another (which keeps the same solutions), so that
// independent groups of cells can be searched apart; each group by a depth-first search trying
// each cell's true value first, pruned by each equation's reachable range.
class solver {
public:
    solver(attacker_model m, std::vector<counts> truth) : m_(m), truth_(std::move(truth)) {}

    bool feasible(std::vector<equation> eqs) {
        if (!reduce(eqs)) return false;
        for (auto const& part : components(eqs))
            if (!search_part(part)) return false;
        return true;
    }

private:
    static bool reduce(std::vector<equation>& eqs) {
        for (auto& e : eqs) std::sort(e.vars.begin(), e.vars.end());
        for (bool changed = true; changed;) {
            changed = false;
            for (auto& a : eqs)
                for (auto& b : eqs) {
                    if (&a == &b || a.m != b.m || a.vars.empty() || a.vars.size() > b.vars.size() ||
                        !std::includes(b.vars.begin(), b.vars.end(), a.vars.begin(), a.vars.end()))
                        continue;
                    std::vector<std::size_t> rest;
                    std::set_difference(b.vars.begin(), b.vars.end(), a.vars.begin(), a.vars.end(),
                                        std::back_inserter(rest));
                    b.vars = std::move(rest);
                    b.value -= a.value;
                    changed = true;
                }
        }
        return std::all_of(eqs.begin(), eqs.end(), [](equation const& e) { return !e.vars.empty() || e.value == 0; });
    }

    // Equations grouped by shared cells (a union-find over the equations).
    std::vector<std::vector<equation>> components(std::vector<equation> const& eqs) const {
        std::vector<std::size_t> parent(eqs.size()), owner(truth_.size(), SIZE_MAX);
        for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
        auto root = [&](std::size_t i) {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        };
        for (std::size_t i = 0; i < eqs.size(); ++i)
            for (auto v : eqs[i].vars) {
                if (owner[v] == SIZE_MAX) owner[v] = i;
                else parent[root(i)] = root(owner[v]);
            }
        std::map<std::size_t, std::vector<equation>> by_root;
        for (std::size_t i = 0; i < eqs.size(); ++i)
            if (!eqs[i].vars.empty()) by_root[root(i)].push_back(eqs[i]);
        std::vector<std::vector<equation>> out;
        for (auto& [r, part] : by_root) out.push_back(std::move(part));
        return out;
    }

    bool search_part(std::vector<equation> const& eqs) {
        eqs_ = &eqs;
        of_var_.assign(truth_.size(), {});
        order_.clear();
        for (std::size_t i = 0; i < eqs.size(); ++i)
            for (auto v : eqs[i].vars) {
                if (of_var_[v].empty()) order_.push_back(v);
                if (of_var_[v].empty() || of_var_[v].back() != i) of_var_[v].push_back(i);
            }
        partial_.assign(eqs.size(), 0);
        left_.resize(eqs.size());
        for (std::size_t i = 0; i < eqs.size(); ++i) left_[i] = static_cast<std::int64_t>(eqs[i].vars.size());
        return search(0);
    }

    std::int64_t most(measure m) const { return m == events ? m_.events_most : m_.readers_most; }

    std::vector<std::int64_t> candidates(std::int64_t truth, std::int64_t lo, std::int64_t hi) const {
        std::vector<std::int64_t> out{truth};
        for (std::int64_t d = 1; truth - d >= lo || truth + d <= hi; ++d) {
            if (truth - d >= lo) out.push_back(truth - d);
            if (truth + d <= hi) out.push_back(truth + d);
        }
        return out;
    }

    bool place(std::size_t v, std::int64_t e, std::int64_t r, int sign) {
        bool ok = true;
        for (auto i : of_var_[v]) {
            auto const& eq = (*eqs_)[i];
            partial_[i] += sign * (eq.m == events ? e : r);
            left_[i] -= sign;
            auto const rest = eq.value - partial_[i];
            ok = ok && rest >= left_[i] * m_.lo && rest <= left_[i] * most(eq.m);
        }
        return ok;
    }

    bool search(std::size_t at) {
        if (at == order_.size()) return true; // every equation's range closed on its value
        auto const v = order_[at];
        auto const readers_options = m_.has_readers ? candidates(of(truth_[v], readers), m_.lo, m_.readers_most)
                                                    : std::vector<std::int64_t>{0};
        for (auto r : readers_options)
            for (auto e : candidates(of(truth_[v], events), m_.lo, m_.events_most)) {
                if (m_.has_readers && r > e) continue;
                bool const ok = place(v, e, r, 1);
                if (ok && search(at + 1)) return true;
                place(v, e, r, -1);
            }
        return false;
    }

    attacker_model m_;
    std::vector<counts> truth_;
    std::vector<equation> const* eqs_ = nullptr;
    std::vector<std::vector<std::size_t>> of_var_;
    std::vector<std::size_t> order_;
    std::vector<std::int64_t> partial_, left_;
};

// A hidden number the attacker wants: the sum of one measure over some hidden cells.
struct target {
    std::string name;
    std::vector<std::size_t> vars;
    measure m;
    std::int64_t truth;
};

// What the report tells the attacker: an equation per shown total and measure over the hidden cells
// under it, and the hidden numbers to find. Readers are additive here (totals are the sums of their
// rows), the attacker's best case.
struct attack {
    std::vector<counts> truth; // of each hidden cell, for the solver's search order only
    std::vector<equation> eqs;
    std::vector<target> targets;
};

attack what_is_shown(report_table const& t, suppressed_report const& r, attacker_model m) {
    attack a;
    std::vector<std::size_t> var_of(t.rows.size(), SIZE_MAX), all;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        all.push_back(i);
        if (r.cells[i]) continue;
        var_of[i] = a.truth.size();
        a.truth.push_back(t.rows[i].values);
    }
    auto cover = [&](std::string const& name, std::vector<std::size_t> const& rows, std::optional<counts> shown) {
        std::vector<std::size_t> vars;
        counts known, hidden;
        for (auto i : rows) {
            auto& sum = r.cells[i] ? known : hidden;
            sum.events += t.rows[i].values.events;
            sum.readers += t.rows[i].values.readers;
            if (!r.cells[i]) vars.push_back(var_of[i]);
        }
        for (auto ms : {events, readers}) {
            if (ms == readers && !m.has_readers) continue;
            if (shown) a.eqs.push_back({vars, ms, of(*shown, ms) - of(known, ms)});
            else if (!vars.empty()) a.targets.push_back({name, vars, ms, of(hidden, ms)});
        }
    };
    for (auto i : all)
        if (!r.cells[i]) cover("cell " + std::to_string(i), {i}, std::nullopt);
    for (auto const& s : r.subtotals) {
        std::vector<std::size_t> rows;
        for (auto i : all)
            if (t.rows[i].dims[*t.subtotal_by] == s.group) rows.push_back(i);
        cover("subtotal " + s.group, rows, s.value);
    }
    if (r.grand_total) cover("grand total", all, r.grand_total->value);
    return a;
}

// Does every assignment that fits the shown numbers give the target its true value?
bool pinned(solver& solve, std::vector<equation> const& eqs, target const& tg, attacker_model m) {
    auto const n = static_cast<std::int64_t>(tg.vars.size());
    auto const lo = n * m.lo;
    auto const hi = n * (tg.m == events ? m.events_most : m.readers_most);
    for (std::int64_t d = 1; tg.truth - d >= lo || tg.truth + d <= hi; ++d)
        for (auto v : {tg.truth - d, tg.truth + d}) {
            if (v < lo || v > hi) continue;
            auto with = eqs;
            with.push_back({tg.vars, tg.m, v});
            if (solve.feasible(std::move(with))) return false;
        }
    return true;
}

} // namespace

std::vector<std::string> recoverable(report_table const& t, suppressed_report const& r, attacker_model m) {
    auto const a = what_is_shown(t, r, m);
    solver solve(m, a.truth);
    REQUIRE(solve.feasible(a.eqs)); // the real table is always one answer
    std::vector<std::string> out;
    for (auto const& tg : a.targets)
        if (pinned(solve, a.eqs, tg, m)) out.push_back(tg.name + (tg.m == events ? " events" : " readers"));
    return out;
}

attacker_model model_for(report_table const& t, unsigned k) {
    attacker_model m;
    m.lo = 1;
    m.readers_most = k - 1;
    // With readers, a suppressed cell's events are unbounded; 4k is above any the generator makes.
    m.events_most = t.has_readers ? 4 * k : k - 1;
    m.has_readers = t.has_readers;
    return m;
}

} // namespace farol::metrics::testing
