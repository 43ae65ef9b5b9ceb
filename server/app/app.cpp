#include "app/app.hpp"

#include "app/exchange_log.hpp"
#include "content/static_assets.hpp"
#include "handlers/ops.hpp"
#include "handlers/static_files.hpp"
#include "metrics/http_metrics.hpp"
#include "metrics/prometheus.hpp"
#include "net/server.hpp"
#include "net/worker_pool.hpp"
#include "store/database.hpp"
#include "util/log.hpp"

#include <atomic>

namespace farol::app {

struct app::impl {
    impl(config c, util::clock const& clk) : cfg(std::move(c)), clock(clk), workers(cfg.workers) {}

    config cfg;
    util::clock const& clock;
    util::clock::time_point started_at{};
    std::atomic<bool> is_ready{false};
    bool signals_wanted = false;
    net::worker_pool workers;
    std::shared_ptr<store::database> db;
    std::shared_ptr<content::static_assets const> assets;
    std::unique_ptr<metrics::http_metrics> http_metrics;
    std::unique_ptr<exchange_log> observer;
    std::unique_ptr<http::dispatcher> dispatcher;
    std::unique_ptr<net::server> server;

    http::router build_routes();
    std::string render_metrics() const;
};

app::app(config cfg, util::clock const& clock) : impl_(std::make_unique<impl>(std::move(cfg), clock)) {}

app::~app() {
    if (impl_->server) {
        impl_->server->stop();
        impl_->server->wait();
    }
}

http::router app::impl::build_routes() {
    http::router r;
    handlers::ops::mount(r, {clock, started_at, [this] { return is_ready.load(); }, [this] { return render_metrics(); }});
    handlers::static_files::mount(r, {assets});
    return r;
}

std::string app::impl::render_metrics() const {
    metrics::prometheus_writer out;
    out.family("farol_build_info", "Farol version.", "gauge");
    out.sample("farol_build_info", {{"version", FAROL_VERSION}}, std::uint64_t{1});
    out.family("farol_start_time_seconds", "Start time of the process, seconds since the epoch.", "gauge");
    out.sample("farol_start_time_seconds", {},
               std::chrono::duration<double>(started_at.time_since_epoch()).count());
    http_metrics->render(out);
    return out.text();
}

void app::start() {
    auto& m = *impl_;
    m.started_at = m.clock.now();
    util::set_error_log(util::log_sink::open(m.cfg.error_log));
    m.db = store::database::open(m.cfg.data_dir / "farol.db", m.clock);
    m.assets = content::static_assets::load(m.cfg.static_dir);

    auto routes = m.build_routes();
    std::vector<std::string> names;
    for (auto const& r : routes.routes()) names.push_back(r.options.name);
    m.http_metrics = std::make_unique<metrics::http_metrics>(std::move(names));
    m.observer = std::make_unique<exchange_log>(*m.http_metrics, util::log_sink::open(m.cfg.access_log));

    http::dispatcher_options opts;
    opts.default_max_body = m.cfg.limits.max_body;
    opts.max_target = m.cfg.limits.max_target;
    opts.security.hsts = m.cfg.public_url.rfind("https://", 0) == 0;
    opts.security.hsts_max_age = m.cfg.hsts_max_age;
    m.dispatcher = std::make_unique<http::dispatcher>(std::move(routes), opts, m.clock, m.observer.get());

    m.server = std::make_unique<net::server>(
        net::server_options{m.cfg.listen_address, m.cfg.port, m.cfg.threads, m.cfg.limits}, *m.dispatcher, m.workers);
    m.http_metrics->set_open_connections([s = m.server.get()] { return s->open_connections(); });
    if (m.signals_wanted) m.server->handle_signals([this] { reload(); }); // before "listening" is logged
    m.server->start();
    m.is_ready = m.db->healthy();
    util::log_info("listening on http://" + m.cfg.listen_address + ":" + std::to_string(port()));
}

std::uint16_t app::port() const { return impl_->server ? impl_->server->port() : 0; }
bool app::ready() const { return impl_->is_ready; }

void app::handle_signals() {
    impl_->signals_wanted = true;
    if (impl_->server) impl_->server->handle_signals([this] { reload(); });
}

void app::reload() {
    // Content reload (re-import, new Site snapshot) hooks in here; static assets are immutable per process.
    util::log_info("reload: nothing to reload yet");
}

void app::stop() {
    if (impl_->server) impl_->server->stop();
}

void app::wait() {
    if (impl_->server) impl_->server->wait();
}

} // namespace farol::app
