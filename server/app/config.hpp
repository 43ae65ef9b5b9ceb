#pragma once
#include "net/limits.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::app {

// Everything the server reads at start-up; defaults here are the documented defaults.
struct config {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 8080;               // 0 = any free port
    unsigned threads = 0;                    // io threads; 0 = number of cores
    unsigned workers = 2;                    // blocking-work pool (SQLite, builds)
    std::filesystem::path data_dir = "data";
    std::filesystem::path static_dir = "static";
    std::filesystem::path templates_dir = "templates";
    std::filesystem::path campaigns_dir = "campaigns";
    std::string public_url;                  // e.g. https://farol.example.org ; empty = http://<listen address>:<port>
    std::string exit_url = "https://www.google.com"; // where the quick-exit control leaves for
    std::string languages = "pt-BR es en fr ht ar";   // UI languages; the first is the default
    std::string fallbacks = "ht:fr";                  // content fallback chains before the default language
    std::string zone = "America/Sao_Paulo";           // the zone editors plan in unless they pick another
    std::uint32_t hsts_max_age = 31536000;   // sent only when public_url is https
    std::string trusted_proxies;             // addresses/CIDR ranges whose forwarded client address is believed
    std::chrono::milliseconds session_idle{30 * 60 * 1000};          // editor sessions (OWASP ASVS 5.0 §7.3)
    std::chrono::milliseconds session_lifetime{12 * 60 * 60 * 1000};
    unsigned development_cookie = 0; // 1 only for plain http on a loopback address (scripts/run)
    std::uint64_t upload_max = 25ull * 1024 * 1024; // largest uploaded file, bytes (else 413)
    std::chrono::milliseconds material_grace{7ll * 24 * 60 * 60 * 1000}; // a replaced file stays served this long
    std::string access_log = "-";            // "-" stdout, "stderr", "off", or a file path
    std::string error_log = "stderr";
    // Reach metrics (issue 12): where readers are counted, how often counts reach the disk, the
    // suppression threshold of every report, and the maintained crawler list left out of counts.
    std::string count_at = "origin"; // "origin": page GETs count; "beacon": only /b counts (a cache in front)
    std::chrono::milliseconds flush_interval{1000};
    unsigned reach_k = 10;
    std::filesystem::path crawlers = "scripts/crawlers/node_modules/crawler-user-agents/crawler-user-agents.json";
    farol::net::limits limits;
};

// The UI languages of `languages` as tags, the default first.
std::vector<std::string> language_list(config const& c);
// The SQLite database and the content-addressed materials under the data directory: named here only.
std::filesystem::path database_file(config const& c);
std::filesystem::path materials_dir(config const& c);
// Where uploads are streamed while they arrive; emptied at start-up.
std::filesystem::path uploads_dir(config const& c);

// what() is one line naming where (file:line:column, env variable or flag), the setting and the reason.
struct config_error : std::runtime_error {
    config_error(std::string setting_key, std::string const& message)
        : std::runtime_error(message), setting(std::move(setting_key)) {}
    std::string setting; // e.g. "listen.port"; empty when the error is about a whole file (unreadable, syntax)
};

// One entry per setting, in table order, for --help and documentation.
struct setting_info {
    std::string key;           // "listen.port"
    std::string flag;          // "--listen-port"
    std::string env;           // "FAROL_LISTEN_PORT"
    std::string help;          // one line
    std::string default_value; // in the same text form the setting accepts, e.g. "8KiB", "10s"
    std::string value_name;    // placeholder for usage text: ADDRESS, N, SIZE, DURATION, PATH, URL, LOG
};
std::vector<setting_info> describe_settings();

// The current value of one setting in the text form it accepts; throws config_error for an unknown key.
std::string setting_value(config const& c, std::string_view key);

namespace detail {
struct assignment;
} // namespace detail

// Builds a config from layers. Precedence is defaults < file < environment < flags whatever the call
// order: a value set by a higher layer is never replaced by a lower one. Each apply_* call is
// all-or-nothing: on config_error nothing from that call is stored.
class config_loader {
public:
    config_loader();

    // TOML, e.g. "[listen]\nport = 8080". Unknown keys and syntax errors are config_errors.
    void apply_file(std::filesystem::path const& toml_path);
    // FAROL_<KEY> with '.' as '_', upper-cased (FAROL_LISTEN_PORT). Other variables are ignored.
    void apply_env(char const* const* envp);
    // key is the setting key ("listen.port"), value its text form.
    void apply_flag(std::string_view key, std::string_view value);
    // Several flags at once, so cross-field rules (max_target <= max_head) see them together.
    void apply_flags(std::span<std::pair<std::string, std::string> const> key_values);

    config const& result() const { return config_; }

private:
    enum class layer : unsigned char { defaults, file, env, flag };
    void commit(std::vector<detail::assignment> const& assignments, layer from);

    config config_;
    std::vector<layer> layers_; // per setting (table order): the highest layer that has set it
};

} // namespace farol::app
