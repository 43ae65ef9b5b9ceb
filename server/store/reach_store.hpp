#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace farol::store {

class database;

// One cell of reach_daily and the events to add to it.
struct reach_count {
    std::string day; // YYYY-MM-DD
    std::string campaign, language, event, source, device_class;
    std::uint64_t count = 0;
};

// One run's distinct readers of a day x campaign x language, replacing its previous figure.
struct reach_readers {
    std::string day;
    std::string campaign, language;
    std::uint64_t readers = 0;
};

// The reach rollups: only aggregates ever reach the disk. Blocking (SQLite): the flusher's thread.
class reach_store {
public:
    // `run` tells this server run's reader counts from an earlier run's (its start time, ns).
    reach_store(std::shared_ptr<database> db, std::int64_t run) : db_(std::move(db)), run_(run) {}

    // Adds the counts and sets this run's readers in one BEGIN IMMEDIATE transaction: all or
    // nothing, so a crash loses at most what had not been flushed. Throws store_error.
    void flush(std::vector<reach_count> const& counts, std::vector<reach_readers> const& readers);

    // Events in one cell, and a day x campaign x language's readers over every run (tests, reports).
    std::uint64_t count(reach_count const& cell) const;
    std::uint64_t readers(std::string const& day, std::string const& campaign, std::string const& language) const;

private:
    std::shared_ptr<database> db_;
    std::int64_t run_;
};

} // namespace farol::store
