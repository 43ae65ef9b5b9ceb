#include "metrics/suppression.hpp"

#include <stdexcept>
#include <string_view>

namespace farol::metrics {

namespace {

struct group {
    std::string value;
    std::vector<std::size_t> rows;
};

// What a total covers, as a reader of the report sees it.
struct parts {
    counts shown;                  // the sum of the shown numbers inside the total
    std::size_t hidden_parts = 0;  // hidden subtotals, or suppressed cells when they are the parts
    std::size_t hidden_cells = 0;  // suppressed cells under the hidden parts (N)
};

void add(counts& sum, counts const& c) {
    sum.events += c.events;
    sum.readers += c.readers;
}

bool small(counts const& c, bool has_readers, unsigned k) { return c.events < k || (has_readers && c.readers < k); }

// Is s = total - shown strictly above n (least: 1 each) and, if checked, strictly below n (k - 1)?
bool interior(std::uint64_t total, std::uint64_t shown, std::size_t n, bool check_least, bool check_most,
              unsigned k) {
    bool const above_least = total > shown && total - shown > n;
    bool const below_most = total <= shown || total - shown < n * std::uint64_t{k - 1};
    return (!check_least || above_least) && (!check_most || below_most);
}

bool may_show(counts const& total, parts const& p, report_table const& t, bool distinct_readers, unsigned k) {
    if (small(total, t.has_readers, k)) return false;
    if (p.hidden_parts == 0) return true;
    if (p.hidden_parts == 1 || p.hidden_cells < 2) return false; // the total minus the shown parts is that part
    auto const n = p.hidden_cells;
    if (!interior(total.events, p.shown.events, n, true, !t.has_readers, k)) return false;
    return !t.has_readers || interior(total.readers, p.shown.readers, n, !distinct_readers, true, k);
}

// Rows grouped by their value of dimension `d`, groups in order of first appearance.
std::vector<group> groups_of(report_table const& t, std::size_t d) {
    std::vector<group> out;
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        auto const& value = t.rows[i].dims.at(d);
        auto [it, fresh] = index.emplace(value, out.size());
        if (fresh) out.push_back({value, {}});
        out[it->second].rows.push_back(i);
    }
    return out;
}

// The total of some rows, readers replaced by a distinct count when the caller gave one.
counts total_of(report_table const& t, std::vector<std::size_t> const& rows, std::optional<std::uint64_t> distinct) {
    counts sum;
    for (auto i : rows) add(sum, t.rows[i].values);
    if (distinct) sum.readers = *distinct;
    return sum;
}

// Adds the given rows to what a total covers, each row being one part of it.
void add_cells(parts& p, std::vector<std::size_t> const& rows, suppressed_report const& out, bool cells_are_parts) {
    for (auto i : rows) {
        if (out.cells[i]) {
            add(p.shown, *out.cells[i]);
            continue;
        }
        ++p.hidden_cells;
        if (cells_are_parts) ++p.hidden_parts;
    }
}

std::vector<std::size_t> all_rows(report_table const& t) {
    std::vector<std::size_t> out(t.rows.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
    return out;
}

void check_k(unsigned k) {
    if (k < min_k) throw std::invalid_argument("suppression threshold k must be at least " + std::to_string(min_k));
}

// One subtotal per group; returns what the grand total covers through them.
parts add_subtotals(report_table const& table, std::vector<group> const& groups, unsigned k, suppressed_report& out) {
    parts whole;
    for (auto const& g : groups) {
        auto const given = table.subtotal_readers.find(g.value);
        auto const distinct = given == table.subtotal_readers.end() ? std::nullopt : std::optional(given->second);
        auto const total = total_of(table, g.rows, distinct);
        parts p;
        add_cells(p, g.rows, out, true);
        bool const shown = may_show(total, p, table, distinct.has_value(), k);
        out.subtotals.push_back({g.value, shown ? std::optional(total) : std::nullopt});
        if (shown) {
            add(whole.shown, total);
        } else {
            ++whole.hidden_parts;
            add_cells(whole, g.rows, out, false);
        }
    }
    return whole;
}

} // namespace

suppressed_report suppress(report_table const& table, unsigned k) {
    check_k(k);
    suppressed_report out;
    out.k = k;
    for (auto const& row : table.rows)
        out.cells.push_back(small(row.values, table.has_readers, k) ? std::nullopt : std::optional(row.values));
    auto const rows = all_rows(table);
    parts whole; // what the grand total covers
    if (table.subtotal_by) {
        std::vector<group> groups;
        try {
            groups = groups_of(table, *table.subtotal_by);
        } catch (std::out_of_range const&) {
            throw std::invalid_argument("a report row has no dimension to subtotal by");
        }
        whole = add_subtotals(table, groups, k, out);
    } else {
        add_cells(whole, rows, out, true);
    }
    if (!table.grand_total) return out;
    auto const total = total_of(table, rows, table.grand_total_readers);
    bool const shown = may_show(total, whole, table, table.grand_total_readers.has_value(), k);
    out.grand_total = shown_total{"", shown ? std::optional(total) : std::nullopt};
    return out;
}

std::string format_count(std::optional<std::uint64_t> value, unsigned k) {
    check_k(k);
    return value ? std::to_string(*value) : "<" + std::to_string(k);
}

std::string format_total(std::optional<std::uint64_t> value) { return value ? std::to_string(*value) : "withheld"; }

} // namespace farol::metrics
