#include "app/reach_services.hpp"

#include "partners/registry.hpp"

#include "schedule/zone.hpp"

#include <stdexcept>

namespace farol::app {

namespace {

metrics::crawler_list load_crawlers(std::filesystem::path const& file) {
    try {
        return metrics::crawler_list::load(file);
    } catch (std::exception const& e) {
        throw std::runtime_error(std::string("metrics.crawlers: ") + e.what() + " (scripts/bootstrap installs the list)");
    }
}

schedule::zone site_zone(std::string const& name) {
    auto z = schedule::find_zone(name);
    if (!z) throw std::runtime_error("site.zone: " + name + " is not an IANA time zone");
    return *z;
}

} // namespace

std::string own_host(config const& c) {
    auto const scheme = c.public_url.find("://");
    auto origin = scheme == std::string::npos ? std::string() : c.public_url.substr(0, c.public_url.find('/', scheme + 3));
    if (origin.empty()) return c.listen_address.find(':') == std::string::npos ? c.listen_address
                                                                                 : "[" + c.listen_address + "]";
    origin.erase(0, origin.find("://") + 3);
    if (origin.starts_with('[')) return origin.substr(0, origin.find(']') + 1);
    return origin.substr(0, origin.find(':'));
}

reach_services::reach_services(config const& cfg, util::clock const& clock, std::shared_ptr<store::database> const& db,
                               partners::registry const& partners)
    : crawlers(load_crawlers(cfg.crawlers)), hasher(clock, site_zone(cfg.zone)),
      store(db, std::chrono::duration_cast<std::chrono::nanoseconds>(clock.now().time_since_epoch()).count()),
      flusher(buffers, [this](auto const& counts, auto const& readers) { store.flush(counts, readers); },
              cfg.flush_interval),
      recorder(buffers, hasher, crawlers,
               {cfg.count_at == "origin", own_host(cfg),
                [&partners](std::string_view id) { return partners.current()->enabled(id) != nullptr; }}) {}

} // namespace farol::app
