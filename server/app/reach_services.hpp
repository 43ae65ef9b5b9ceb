#pragma once
#include "app/config.hpp"
#include "metrics/crawler_list.hpp"
#include "metrics/event_buffers.hpp"
#include "metrics/reach_flusher.hpp"
#include "metrics/reach_recorder.hpp"
#include "metrics/visitor_hash.hpp"
#include "store/reach_store.hpp"
#include "util/clock.hpp"

#include <memory>
#include <string>

namespace farol::store {
class database;
}
namespace farol::partners {
class registry;
}

namespace farol::app {

// The host readers' browsers name in a Referer from this site's own pages (no port).
std::string own_host(config const& c);

// Reach metrics (issue 12): the request judge, the per-thread buffers and the flusher to reach_daily.
struct reach_services {
    // Throws std::runtime_error naming the setting when the crawler list or the zone is unusable.
    // `partners` tells which ?src=partner:<id> count for a partner; it must outlive this.
    reach_services(config const& cfg, util::clock const& clock, std::shared_ptr<store::database> const& db,
                   partners::registry const& partners);

    metrics::crawler_list crawlers;
    metrics::visitor_hasher hasher;
    metrics::event_buffers buffers;
    store::reach_store store;
    metrics::reach_flusher flusher;
    metrics::reach_recorder recorder;
};


} // namespace farol::app
