#include "store/reach_query.hpp"

#include "store/connection.hpp"
#include "store/database.hpp"
#include "store/store_error.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>

namespace farol::store {

namespace {

constexpr std::array<std::string_view, 6> dim_names{"day", "campaign", "language", "event", "source", "device"};
constexpr std::array<std::string_view, 6> dim_columns{"day", "campaign", "language", "event", "source", "device_class"};

// "day, campaign": the grouping columns in order (fixed names only: nothing from the caller is spliced).
std::string columns_of(std::vector<reach_dim> const& by) {
    std::string out;
    for (auto d : by) {
        if (!out.empty()) out += ", ";
        out += dim_columns[static_cast<std::size_t>(d)];
    }
    return out;
}

// SELECT <cols>, sum(<measure>) FROM <table> WHERE day BETWEEN ?1 AND ?2 [AND event IN (?3, ...)]
// [AND source = ?N] GROUP BY ...
std::string sql_of(std::vector<reach_dim> const& by, char const* measure, char const* table, std::size_t events,
                   bool source = false) {
    auto const cols = columns_of(by);
    std::string sql = "SELECT " + (cols.empty() ? std::string() : cols + ", ") + "sum(" + measure + ") FROM " + table +
                      " WHERE day BETWEEN ?1 AND ?2";
    if (events > 0) {
        sql += " AND event IN (";
        for (std::size_t i = 0; i < events; ++i) sql += (i ? ", ?" : "?") + std::to_string(i + 3);
        sql += ")";
    }
    if (source) sql += " AND source = ?" + std::to_string(events + 3);
    if (!cols.empty()) sql += " GROUP BY " + cols + " ORDER BY " + cols;
    return sql;
}

// Each row's key (the first n columns) and its sum; rows whose sum is 0 or NULL are left out.
template <class Fn>
void each_group(SQLite::Statement& q, std::size_t n, Fn&& fn) {
    while (q.executeStep()) {
        auto const sum = q.getColumn(static_cast<int>(n));
        if (sum.isNull() || sum.getInt64() <= 0) continue;
        std::vector<std::string> key;
        key.reserve(n);
        for (std::size_t i = 0; i < n; ++i) key.push_back(q.getColumn(static_cast<int>(i)).getString());
        fn(std::move(key), static_cast<std::uint64_t>(sum.getInt64()));
    }
}

std::map<std::vector<std::string>, std::uint64_t> readers_by_key(connection& c, reach_selection const& s) {
    SQLite::Statement q(c.db(), sql_of(s.by, "readers", "reach_readers", 0));
    q.bind(1, s.from);
    q.bind(2, s.to);
    std::map<std::vector<std::string>, std::uint64_t> out;
    each_group(q, s.by.size(), [&](auto key, std::uint64_t n) { out.emplace(std::move(key), n); });
    return out;
}

} // namespace

std::string_view to_string(reach_dim d) { return dim_names[static_cast<std::size_t>(d)]; }

std::optional<reach_dim> parse_reach_dim(std::string_view text) {
    auto const it = std::find(dim_names.begin(), dim_names.end(), text);
    if (it == dim_names.end()) return std::nullopt;
    return static_cast<reach_dim>(it - dim_names.begin());
}

bool has_readers(std::vector<reach_dim> const& by) {
    return std::all_of(by.begin(), by.end(), [](reach_dim d) {
        return d == reach_dim::day || d == reach_dim::campaign || d == reach_dim::language;
    });
}

reach_groups reach_query::run(reach_selection const& s) const {
    for (auto it = s.by.begin(); it != s.by.end(); ++it)
        if (std::find(s.by.begin(), it, *it) != it)
            throw std::invalid_argument("reach query: " + std::string(to_string(*it)) + " is named twice");
    reach_groups out;
    out.has_readers = has_readers(s.by) && s.source.empty();
    try {
        db_->read([&](connection& c) {
            SQLite::Statement q(c.db(), sql_of(s.by, "count", "reach_daily", s.events.size(), !s.source.empty()));
            q.bind(1, s.from);
            q.bind(2, s.to);
            for (std::size_t i = 0; i < s.events.size(); ++i) q.bind(static_cast<int>(i + 3), s.events[i]);
            if (!s.source.empty()) q.bind(static_cast<int>(s.events.size() + 3), s.source);
            each_group(q, s.by.size(), [&](auto key, std::uint64_t n) { out.groups.push_back({std::move(key), n, 0}); });
            if (!out.has_readers) return;
            auto const readers = readers_by_key(c, s);
            for (auto& g : out.groups)
                if (auto const it = readers.find(g.key); it != readers.end()) g.readers = it->second;
        });
    } catch (SQLite::Exception const& e) {
        throw store_error(std::string("reading reach counts failed: ") + e.what());
    }
    return out;
}

} // namespace farol::store
