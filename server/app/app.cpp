#include "app/app.hpp"

#include "app/bundle_commands.hpp"
#include "app/exchange_log.hpp"
#include "app/publisher.hpp"
#include "app/reach_services.hpp"
#include "partners/registry.hpp"
#include "app/schedule_journal.hpp"
#include "app/site_build.hpp"
#include "app/site_views.hpp"
#include "content/material_store.hpp"
#include "util/temp_file.hpp"
#include "editor/editor_services.hpp"
#include "published/static_assets.hpp"
#include "app/areas.hpp"
#include "handlers/editor_common.hpp"
#include "handlers/error_pages.hpp"
#include "i18n/catalogs.hpp"
#include "metrics/crawler_list.hpp"
#include "metrics/event_buffers.hpp"
#include "metrics/http_metrics.hpp"
#include "metrics/prometheus.hpp"
#include "metrics/reach_flusher.hpp"
#include "metrics/reach_recorder.hpp"
#include "metrics/visitor_hash.hpp"
#include "schedule/zone.hpp"
#include "store/reach_store.hpp"
#include "net/server.hpp"
#include "net/worker_pool.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"
#include "store/search.hpp"
#include "util/log.hpp"
#include "util/strings.hpp"
#include "view/editor_views.hpp"
#include "view/page_renderer.hpp"
#include "view/templates.hpp"

#include <atomic>
#include <mutex>

namespace farol::app {

namespace {
// The editor's UI languages (templates/editor/i18n/), the default first.
std::vector<std::string> const editor_languages{"pt-BR", "en"};

// "https://host[:port]" of the public URL, what browsers send as Origin; "" when there is none.
std::string public_origin(std::string const& url) {
    auto const scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    return url.substr(0, url.find('/', scheme + 3));
}

} // namespace

struct app::impl {
    impl(config c, util::clock const& clk) : cfg(std::move(c)), clock(clk), workers(cfg.workers) {}

    config cfg;
    util::clock const& clock;
    util::clock::time_point started_at{};
    std::atomic<bool> is_ready{false}; // the store answers
    // Ready once the first site is live: the build's leftovers may still be being freed then.
    bool ready() const { return is_ready.load() && !site.snapshot()->pages.empty(); }
    bool signals_wanted = false;
    net::worker_pool workers;
    std::shared_ptr<store::database> db;
    std::unique_ptr<store::search_index> search;
    std::shared_ptr<published::static_assets const> assets;
    mutable std::mutex pages_mutex; // pages is set once, after the server knows its port
    std::shared_ptr<view::page_renderer const> pages;
    std::unique_ptr<content::material_store> materials;
    published::site_holder site{std::make_shared<published::site>()};
    std::unique_ptr<publisher> publish;
    std::unique_ptr<schedule_journal> journal;
    std::shared_ptr<i18n::catalogs const> catalogs;
    std::shared_ptr<view::templates const> views;
    std::unique_ptr<editor::editor_services> editor;
    std::shared_ptr<view::editor_views const> editor_views;
    std::unique_ptr<metrics::http_metrics> http_metrics;
    partners::registry partners; // loaded from the store at start, at each publish and after every editor change
    std::unique_ptr<reach_services> reach;
    std::unique_ptr<exchange_log> observer;
    std::unique_ptr<http::dispatcher> dispatcher;
    std::unique_ptr<net::server> server;

    http::router build_routes();
    std::string render_metrics() const;
    void start_editor();
    void make_renderer();
    void reload_partners() {
        partners.reload([this] { return editor->partners.load(); });
    }
    void shut_down();
};


// The editor's services and pages; says how to create the first admin when there is none.
void app::impl::start_editor() {
    bool const loopback = cfg.listen_address == "127.0.0.1" || cfg.listen_address == "::1" ||
                          cfg.listen_address == "localhost";
    if (cfg.development_cookie && !loopback)
        throw std::runtime_error("editor.development_cookie: only for a loopback listen.address, not " + cfg.listen_address);
    editor::editor_settings settings;
    settings.sessions.idle = std::chrono::duration_cast<std::chrono::seconds>(cfg.session_idle);
    settings.sessions.absolute = std::chrono::duration_cast<std::chrono::seconds>(cfg.session_lifetime);
    settings.sessions.development_cookie = cfg.development_cookie != 0;
    settings.languages = language_list(cfg);
    settings.republish = [this] {
        if (publish) publish->request();
    };
    settings.publish_problem = [this]() -> std::optional<std::string> {
        return publish ? publish->problem() : std::nullopt;
    };
    settings.materials_dir = materials_dir(cfg);
    settings.uploads = {uploads_dir(cfg), cfg.material_grace, cfg.upload_max};
    settings.bundle_paths = {materials_dir(cfg), cfg.data_dir / "tmp"};
    settings.zone = cfg.zone;
    settings.reach_k = cfg.reach_k;
    settings.partners_changed = [this] { reload_partners(); };
    editor = std::make_unique<editor::editor_services>(db, clock, settings);
    journal = std::make_unique<schedule_journal>(editor->audit, editor->schedule_store);
    editor->schedule_store.seed_builtin_zone(cfg.zone);
    editor->sessions.sweep();
    editor->materials.sweep();
    reload_partners();
    // Without its stylesheet (a trimmed static/) the editor still works, unstyled.
    auto const css = assets->find("css/editor.css") ? assets->url("css/editor.css") : std::string();
    auto const js = assets->find("js/editor.js") ? assets->url("js/editor.js") : std::string();
    editor_views = view::editor_views::load(cfg.templates_dir, editor_languages, css, js);
    if (editor->accounts.count() == 0)
        util::log_info("the editor has no accounts yet; create the first admin with: farol user add NAME --role admin"
                      " (and this server's --config or --paths-data)");
}

void app::impl::make_renderer() {
    std::string public_url = cfg.public_url;
    if (public_url.empty()) {
        auto const host = cfg.listen_address.find(':') == std::string::npos ? cfg.listen_address
                                                                             : "[" + cfg.listen_address + "]";
        public_url = "http://" + host + ":" + std::to_string(server->port());
    }
    auto renderer = std::make_shared<view::page_renderer const>(
        views, catalogs, assets,
        view::site_options{public_url, cfg.exit_url, i18n::parse_fallbacks(cfg.fallbacks), cfg.count_at == "beacon"});
    std::lock_guard lock(pages_mutex);
    pages = std::move(renderer);
}

app::app(config cfg, util::clock const& clock) : impl_(std::make_unique<impl>(std::move(cfg), clock)) {}

app::~app() {
    // First: a build a late SIGHUP started reads the editor's services, which go before the publisher.
    if (impl_->publish) impl_->publish->stop();
    if (impl_->server) impl_->server->stop();
    impl_->shut_down();
}

// The order matters: io threads, then workers (blocking handlers such as search record events,
// and may outlive the io threads when the shutdown grace runs out), then the last flush.
void app::impl::shut_down() {
    if (server) server->wait();
    workers.join();
    if (reach) reach->flusher.stop();
}

http::router app::impl::build_routes() {
    services s{clock, started_at, site, assets, *search,
               [this] {
                   std::lock_guard lock(pages_mutex);
                   return pages;
               },
               [this] { return ready(); }, [this] { return render_metrics(); }, *editor, editor_views,
               [this] { return export_zip(cfg); },
               [this] { return store::load_library(*db, store::library_detail::site); }, cfg.upload_max,
               &reach->recorder, own_host(cfg), &partners};
    return mount_areas(s);
}

std::string app::impl::render_metrics() const {
    metrics::prometheus_writer out;
    out.family("farol_build_info", "Farol version.", "gauge");
    out.sample("farol_build_info", {{"version", FAROL_VERSION}}, std::uint64_t{1});
    out.family("farol_start_time_seconds", "Start time of the process, seconds since the epoch.", "gauge");
    out.sample("farol_start_time_seconds", {},
               std::chrono::duration<double>(started_at.time_since_epoch()).count());
    http_metrics->render(out);
    reach->recorder.render(out);
    reach->flusher.render(out);
    return out.text();
}

void app::start() {
    auto& m = *impl_;
    m.started_at = m.clock.now();
    util::set_error_log(util::log_sink::open(m.cfg.error_log));
    m.db = store::database::open(database_file(m.cfg), m.clock);
    m.search = std::make_unique<store::search_index>(m.db);
    m.assets = published::static_assets::load(m.cfg.static_dir);
    m.materials = std::make_unique<content::material_store>(materials_dir(m.cfg));
    if (auto n = util::remove_stale_temp_files(uploads_dir(m.cfg), "upload-"))
        util::log_info("removed " + std::to_string(n) + " unfinished uploads left by an earlier run");
    auto loaded = load_site_views(m.cfg);
    m.catalogs = std::move(loaded.catalogs);
    m.views = std::move(loaded.templates);
    m.start_editor();
    m.reach = std::make_unique<reach_services>(m.cfg, m.clock, m.db, m.partners);

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
    opts.proxies = http::trusted_proxies::parse(m.cfg.trusted_proxies);
    opts.sessions = &m.editor->sessions;
    opts.public_origin = public_origin(m.cfg.public_url);
    m.dispatcher = std::make_unique<http::dispatcher>(std::move(routes), opts, m.clock, m.observer.get());
    m.dispatcher->set_error_renderer(handlers::localized_errors(m.site));
    m.dispatcher->set_editor_error_renderer(handlers::editor_ui::error_renderer(m.editor_views));

    m.server = std::make_unique<net::server>(
        net::server_options{m.cfg.listen_address, m.cfg.port, m.cfg.threads, m.cfg.limits, uploads_dir(m.cfg)},
        *m.dispatcher, m.workers);
    m.http_metrics->set_open_connections([s = m.server.get()] { return s->open_connections(); });
    m.http_metrics->set_read_buffer_bytes([s = m.server.get()] { return s->read_buffer_bytes(); });
    if (m.signals_wanted) m.server->handle_signals([this] { reload(); }); // before "listening" is logged
    // Before the first request: editor pages ask the publisher for its last problem.
    m.publish = std::make_unique<publisher>(
        [&m](published::site const* previous, bool allow_fast, std::atomic<bool> const& cancel) {
            m.reload_partners(); // picks up `farol partner` changes (SIGHUP)
            return build_site({*m.db, *m.editor, *m.pages, *m.materials, *m.journal, m.clock}, previous, allow_fast,
                              cancel);
        },
        m.site,
        m.clock);
    m.publish->on_failure(
        [&m](std::string const& why) { m.editor->audit.record("schedule", "site.publish", why, "failed"); });
    m.server->start();
    m.make_renderer();
    m.is_ready = m.db->healthy();
    m.publish->publish_now();
    m.publish->start();
    m.reach->flusher.start();
    util::log_info("listening on http://" + m.cfg.listen_address + ":" + std::to_string(port()));
}

editor::editor_services& app::editor() { return *impl_->editor; }
reach_services& app::reach() { return *impl_->reach; }

std::uint16_t app::port() const { return impl_->server ? impl_->server->port() : 0; }
bool app::ready() const { return impl_->ready(); }

void app::handle_signals() {
    impl_->signals_wanted = true;
    if (impl_->server) impl_->server->handle_signals([this] { reload(); });
}

void app::reload() {
    // Content comes from the store again; templates, catalogs and static assets are fixed per process.
    util::log_info("reload: rebuilding the site from the store");
    if (impl_->publish) impl_->publish->request();
}

void app::publish_now() { impl_->publish->publish_now(); }

void app::stop() {
    if (impl_->publish) impl_->publish->stop();
    if (impl_->server) impl_->server->stop();
}

void app::wait() { impl_->shut_down(); }

} // namespace farol::app
