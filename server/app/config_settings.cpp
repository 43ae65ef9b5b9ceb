#include "app/config_settings.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <type_traits>

namespace farol::app::detail {

namespace {

constexpr std::uint64_t any = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t day_ms = 24ull * 60 * 60 * 1000; // keeps deadlines far from clock overflow

template <class Field>
void store_field(Field& field, value const& v) {
    if constexpr (std::is_same_v<Field, std::string>) {
        field = std::get<std::string>(v);
    } else if constexpr (std::is_same_v<Field, std::filesystem::path>) {
        field = std::get<std::string>(v);
    } else if constexpr (std::is_same_v<Field, std::chrono::milliseconds>) {
        field = Field{static_cast<typename Field::rep>(std::get<std::uint64_t>(v))};
    } else {
        static_assert(std::is_unsigned_v<Field>);
        field = static_cast<Field>(std::get<std::uint64_t>(v));
    }
}

template <class Field>
value load_field(Field const& field) {
    if constexpr (std::is_same_v<Field, std::string>) {
        return field;
    } else if constexpr (std::is_same_v<Field, std::filesystem::path>) {
        return field.string();
    } else if constexpr (std::is_same_v<Field, std::chrono::milliseconds>) {
        return static_cast<std::uint64_t>(field.count());
    } else {
        return static_cast<std::uint64_t>(field);
    }
}

// `Access` is a captureless lambda naming the field, so each row is one line of data, not code.
template <class Access>
constexpr setting make(std::string_view key, kind type, std::uint64_t min, std::uint64_t max,
                       std::string_view noun, std::string_view help, Access) {
    return {key, type, min, max, noun, help,
            [](config& c, value const& v) { store_field(Access{}(c), v); },
            [](config const& c) { return load_field(Access{}(c)); }};
}

setting const table[] = {
    make("listen.address", kind::address, 0, 0, "", "IP address to listen on (IPv4 or IPv6; 0.0.0.0 or :: for all)",
         [](auto& c) -> auto& { return c.listen_address; }),
    make("listen.port", kind::integer, 0, 65535, "a port", "TCP port to listen on; 0 picks any free port",
         [](auto& c) -> auto& { return c.port; }),
    make("server.threads", kind::integer, 0, 256, "a thread count", "io threads; 0 = one per CPU core",
         [](auto& c) -> auto& { return c.threads; }),
    make("server.workers", kind::integer, 1, 64, "a worker count", "threads for blocking work (SQLite, site builds)",
         [](auto& c) -> auto& { return c.workers; }),
    make("paths.data", kind::path, 0, 0, "", "directory for the database and uploaded materials",
         [](auto& c) -> auto& { return c.data_dir; }),
    make("paths.static", kind::path, 0, 0, "", "directory of CSS, icons and scripts",
         [](auto& c) -> auto& { return c.static_dir; }),
    make("paths.templates", kind::path, 0, 0, "", "directory of Mustache templates and UI catalogs",
         [](auto& c) -> auto& { return c.templates_dir; }),
    make("paths.campaigns", kind::path, 0, 0, "", "directory of campaign bundles for import and export",
         [](auto& c) -> auto& { return c.campaigns_dir; }),
    make("site.public_url", kind::url, 0, 0, "", "public base URL (http or https) for canonical and share links; empty = http://ADDRESS:PORT",
         [](auto& c) -> auto& { return c.public_url; }),
    make("site.exit_url", kind::url, 0, 0, "", "neutral site the quick-exit control leaves for",
         [](auto& c) -> auto& { return c.exit_url; }),
    make("site.languages", kind::languages, 0, 0, "", "UI languages (BCP 47, space-separated); the first is the default",
         [](auto& c) -> auto& { return c.languages; }),
    make("site.fallbacks", kind::fallbacks, 0, 0, "",
         "languages to try before the default when a campaign lacks one, e.g. \"ht:fr es:pt-BR\"",
         [](auto& c) -> auto& { return c.fallbacks; }),
    make("site.zone", kind::zone, 0, 0, "",
         "IANA time zone editors plan in by default (publish windows, new slots), e.g. America/Sao_Paulo",
         [](auto& c) -> auto& { return c.zone; }),
    make("security.hsts_max_age", kind::integer, 0, std::numeric_limits<std::uint32_t>::max(), "a number of seconds",
         "Strict-Transport-Security max-age in seconds (sent only for an https public URL)",
         [](auto& c) -> auto& { return c.hsts_max_age; }),
    make("proxy.trusted", kind::networks, 0, 0, "",
         "reverse proxies whose forwarded client address is believed: addresses and CIDR ranges, e.g. \"127.0.0.1 10.0.0.0/8\"",
         [](auto& c) -> auto& { return c.trusted_proxies; }),
    make("editor.session_idle", kind::duration, 1000, day_ms, "a duration",
         "an editor session ends after this long without a request",
         [](auto& c) -> auto& { return c.session_idle; }),
    make("editor.session_lifetime", kind::duration, 1000, day_ms, "a duration",
         "an editor session ends this long after sign-in, however busy",
         [](auto& c) -> auto& { return c.session_lifetime; }),
    make("editor.development_cookie", kind::integer, 0, 1, "0 or 1",
         "1: a plain-http session cookie for development on localhost (no Secure, no __Host- prefix)",
         [](auto& c) -> auto& { return c.development_cookie; }),
    make("editor.upload_max", kind::size, 1024, 4ull * 1024 * 1024 * 1024, "a size",
         "largest file an editor may upload (materials, bundle ZIPs); larger ones get 413 before any byte is read",
         [](auto& c) -> auto& { return c.upload_max; }),
    make("editor.material_grace", kind::duration, 0, 365 * day_ms, "a duration",
         "how long a replaced or removed material file stays downloadable before it is deleted",
         [](auto& c) -> auto& { return c.material_grace; }),
    make("log.access", kind::log, 0, 0, "", "access log: - (stdout), stderr, off, or a file path",
         [](auto& c) -> auto& { return c.access_log; }),
    make("log.error", kind::log, 0, 0, "", "error log: - (stdout), stderr, off, or a file path",
         [](auto& c) -> auto& { return c.error_log; }),
    make("metrics.count_at", kind::count_mode, 0, 0, "",
         "where readers are counted: origin (page requests) or beacon (/b, when a cache serves the pages)",
         [](auto& c) -> auto& { return c.count_at; }),
    make("metrics.flush_interval", kind::duration, 100, 60 * 60 * 1000, "a duration",
         "how often reach counts are written to the database; a crash loses at most this much",
         [](auto& c) -> auto& { return c.flush_interval; }),
    make("metrics.k", kind::integer, 5, 1000000, "a threshold (at least 5)",
         "reach reports show a figure below this many events or readers as <k",
         [](auto& c) -> auto& { return c.reach_k; }),
    make("metrics.crawlers", kind::path, 0, 0, "",
         "npm crawler-user-agents JSON: user-agents matching it are not counted (scripts/bootstrap installs it)",
         [](auto& c) -> auto& { return c.crawlers; }),
    make("limits.max_head", kind::size, 1024, 65536, "a size", "largest request line + headers (else 431)",
         [](auto& c) -> auto& { return c.limits.max_head; }),
    make("limits.max_target", kind::size, 256, 65536, "a size", "longest request target (else 414); <= max_head",
         [](auto& c) -> auto& { return c.limits.max_target; }),
    make("limits.max_body", kind::size, 0, any, "a size", "default largest request body (else 413)",
         [](auto& c) -> auto& { return c.limits.max_body; }),
    make("limits.max_connections", kind::integer, 1, 1000000, "a connection count",
         "open connections beyond which accepting pauses", [](auto& c) -> auto& { return c.limits.max_connections; }),
    make("limits.max_pipelined", kind::integer, 1, 1024, "a request count",
         "requests queued back to back on one connection before it is closed",
         [](auto& c) -> auto& { return c.limits.max_pipelined; }),
    make("limits.keepalive_requests", kind::integer, 1, 1000000, "a request count", "requests served per connection",
         [](auto& c) -> auto& { return c.limits.keepalive_requests; }),
    make("limits.max_uploads", kind::integer, 1, 10000, "an upload count",
         "uploads streamed to disk at once (signed-in editors only); beyond this 503 with Retry-After",
         [](auto& c) -> auto& { return c.limits.max_uploads; }),
    make("timeouts.head", kind::duration, 1, day_ms, "a duration", "time to receive a whole request head",
         [](auto& c) -> auto& { return c.limits.head_timeout; }),
    make("timeouts.keepalive", kind::duration, 1, day_ms, "a duration", "time an idle connection waits for a request",
         [](auto& c) -> auto& { return c.limits.keepalive_timeout; }),
    make("timeouts.idle", kind::duration, 1, day_ms, "a duration", "time without progress reading a body or writing",
         [](auto& c) -> auto& { return c.limits.idle_timeout; }),
    make("timeouts.shutdown", kind::duration, 1, day_ms, "a duration", "grace for in-flight requests on stop",
         [](auto& c) -> auto& { return c.limits.shutdown_timeout; }),
};

std::string_view value_name(kind k) {
    switch (k) {
    case kind::address: return "ADDRESS";
    case kind::integer: return "N";
    case kind::size: return "SIZE";
    case kind::duration: return "DURATION";
    case kind::path: return "PATH";
    case kind::url: return "URL";
    case kind::log: return "LOG";
    case kind::languages: return "TAGS";
    case kind::fallbacks: return "CHAINS";
    case kind::zone: return "ZONE";
    case kind::networks: return "NETWORKS";
    case kind::count_mode: return "MODE";
    }
    return "VALUE";
}

} // namespace

std::span<setting const> settings() { return table; }

std::optional<std::size_t> find_setting(std::string_view key) {
    auto const it = std::find_if(std::begin(table), std::end(table), [&](setting const& s) { return s.key == key; });
    if (it == std::end(table)) return std::nullopt;
    return static_cast<std::size_t>(it - std::begin(table));
}

bool is_section(std::string_view prefix) {
    return std::any_of(std::begin(table), std::end(table), [&](setting const& s) {
        return s.key.size() > prefix.size() && s.key.substr(0, prefix.size()) == prefix && s.key[prefix.size()] == '.';
    });
}

std::string flag_name(std::string_view key) {
    std::string out = "--";
    for (char c : key) out += (c == '.' || c == '_') ? '-' : c;
    return out;
}

std::string env_name(std::string_view key) {
    std::string out = "FAROL_";
    for (char c : key) out += (c == '.') ? '_' : (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return out;
}

} // namespace farol::app::detail

namespace farol::app {

std::vector<setting_info> describe_settings() {
    config const defaults;
    std::vector<setting_info> out;
    for (auto const& s : detail::settings()) {
        out.push_back({std::string(s.key), detail::flag_name(s.key), detail::env_name(s.key), std::string(s.help),
                       detail::format(s, s.load(defaults)), std::string(detail::value_name(s.type))});
    }
    return out;
}

std::string setting_value(config const& c, std::string_view key) {
    auto const index = detail::find_setting(key);
    if (!index) throw config_error(std::string(key), detail::error_message({}, key, "unknown setting"));
    auto const& s = detail::settings()[*index];
    return detail::format(s, s.load(c));
}

} // namespace farol::app
