#pragma once
// Shared helpers for the schedule tests: instants, zones and entries in one line each.
#include "schedule/rotation.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

namespace farol::schedule::testing {

inline instant utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
    namespace chr = std::chrono;
    return instant(chr::sys_days(chr::year(y) / mo / d)) + chr::hours(h) + chr::minutes(mi) + chr::seconds(s);
}

inline zone must_zone(std::string_view name) {
    auto z = find_zone(name);
    REQUIRE(z);
    return *z;
}

inline slot hourly(std::string_view zone_name = "America/Sao_Paulo") {
    return slot{"home-featured", must_zone(zone_name), std::chrono::hours(1)};
}

inline entry make_entry(std::string campaign, int weight = 1, priority level = priority::scheduled) {
    entry e;
    e.campaign = std::move(campaign);
    e.languages = {"pt-BR", "es", "en"};
    e.weight = weight;
    e.level = level;
    return e;
}

} // namespace farol::schedule::testing
