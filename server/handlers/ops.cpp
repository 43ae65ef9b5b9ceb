#include "handlers/ops.hpp"

#include "http/response.hpp"
#include "metrics/prometheus.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace farol::handlers::ops {

namespace {
http::response uncached(http::response res) {
    res.set(http::field::cache_control, "no-store");
    return res;
}
} // namespace

void mount(http::route_group& r, deps d) {
    r.get("/healthz", [d](http::request_context const&) {
        auto const up = std::chrono::duration_cast<std::chrono::seconds>(d.clock.now() - d.started_at).count();
        boost::json::object o{{"status", "ok"}, {"version", FAROL_VERSION}, {"uptime_seconds", up}};
        return uncached(http::make_json(http::status::ok, boost::json::serialize(o)));
    }, {.name = "healthz"});

    r.get("/readyz", [d](http::request_context const&) {
        bool const ok = d.ready && d.ready();
        boost::json::object o{{"status", ok ? "ready" : "starting"}};
        return uncached(http::make_json(ok ? http::status::ok : http::status::service_unavailable,
                                        boost::json::serialize(o)));
    }, {.name = "readyz"});

    r.get("/metrics", [d](http::request_context const&) {
        return uncached(http::make_text(http::status::ok, d.metrics(), metrics::prometheus_writer::content_type));
    }, {.name = "metrics"});
}

} // namespace farol::handlers::ops
