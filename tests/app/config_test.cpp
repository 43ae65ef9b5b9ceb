#include "app/config.hpp"
#include "app/config_settings.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>

using namespace farol::app;
using namespace std::chrono_literals;

namespace {

// A TOML file under the temp directory with a unique name, removed at scope exit.
class temp_toml {
public:
    explicit temp_toml(std::string const& content) {
        static std::atomic<unsigned> counter{0};
        auto const unique = std::to_string(std::random_device{}()) + "-" + std::to_string(counter++);
        path_ = std::filesystem::temp_directory_path() / ("farol-config-test-" + unique + ".toml");
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~temp_toml() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    temp_toml(temp_toml const&) = delete;
    temp_toml& operator=(temp_toml const&) = delete;
    std::filesystem::path const& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// An envp array: the strings and the null-terminated pointer list that points into them.
class fake_env {
public:
    fake_env(std::initializer_list<std::string> entries) : entries_(entries) {
        for (auto const& e : entries_) pointers_.push_back(e.c_str());
        pointers_.push_back(nullptr);
    }
    char const* const* get() const { return pointers_.data(); }

private:
    std::vector<std::string> entries_;
    std::vector<char const*> pointers_;
};

// A valid value for each kind of setting that differs from every default, and its canonical form.
std::pair<std::string, std::string> sample_for(std::string const& value_name, std::string const& key = {}) {
    if (key == "metrics.k") return {"25", "25"}; // the one count whose least value is above 1
    static std::map<std::string, std::pair<std::string, std::string>> const samples{
        {"ADDRESS", {"::1", "::1"}},
        {"N", {"1", "1"}},
        {"SIZE", {"16 kib", "16KiB"}},
        {"DURATION", {"7000", "7s"}},
        {"PATH", {"/srv/farol/x", "/srv/farol/x"}},
        {"URL", {"HTTPS://Farol.Example.org/base/", "https://farol.example.org/base"}},
        {"LOG", {"/var/log/farol.log", "/var/log/farol.log"}},
        {"TAGS", {"es pt-BR", "es pt-BR"}},
        {"CHAINS", {"es:pt-BR ht:fr,en", "es:pt-BR ht:fr,en"}},
        {"NETWORKS", {"127.0.0.1 10.0.0.0/8", "127.0.0.1 10.0.0.0/8"}},
        {"ZONE", {"Europe/Lisbon", "Europe/Lisbon"}},
        {"MODE", {"beacon", "beacon"}},
    };
    auto const it = samples.find(value_name);
    REQUIRE(it != samples.end());
    return it->second;
}

// Runs `fn`, requires a config_error and returns it.
config_error expect_error(std::function<void()> const& fn) {
    try {
        fn();
    } catch (config_error const& e) {
        return e;
    }
    FAIL("expected a config_error");
    throw std::logic_error("unreachable");
}

bool contains(std::string const& haystack, std::string const& needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("config defaults are the documented ones", "[config]") {
    config_loader loader;
    auto const& c = loader.result();
    CHECK(c.listen_address == "127.0.0.1");
    CHECK(c.port == 8080);
    CHECK(c.threads == 0);
    CHECK(c.workers == 2);
    CHECK(c.data_dir == "data");
    CHECK(c.public_url.empty());
    CHECK(c.hsts_max_age == 31536000);
    CHECK(c.access_log == "-");
    CHECK(c.error_log == "stderr");
    CHECK(c.limits.max_head == 8192);
    CHECK(c.limits.head_timeout == 10s);

    std::map<std::string, std::string> defaults;
    for (auto const& info : describe_settings()) defaults[info.key] = info.default_value;
    CHECK(defaults["listen.port"] == "8080");
    CHECK(defaults["limits.max_head"] == "8KiB");
    CHECK(defaults["limits.max_body"] == "1MiB");
    CHECK(defaults["editor.upload_max"] == "25MiB");
    CHECK(defaults["timeouts.head"] == "10s");
    CHECK(defaults["site.public_url"].empty());
}

TEST_CASE("config describe_settings names flags and variables from keys", "[config]") {
    auto const all = describe_settings();
    REQUIRE(all.size() == 37);
    std::set<std::string> keys, flags, envs;
    for (auto const& info : all) {
        CHECK(!info.help.empty());
        CHECK(info.help.find('\n') == std::string::npos);
        keys.insert(info.key);
        flags.insert(info.flag);
        envs.insert(info.env);
        config_loader loader; // every default is itself a valid value
        CHECK_NOTHROW(loader.apply_flag(info.key, info.default_value));
        CHECK(setting_value(loader.result(), info.key) == info.default_value);
    }
    CHECK(keys.size() == all.size());
    CHECK(flags.size() == all.size());
    CHECK(envs.size() == all.size());
    CHECK(flags.count("--listen-port") == 1);
    CHECK(flags.count("--limits-max-head") == 1);
    CHECK(envs.count("FAROL_LISTEN_PORT") == 1);
    CHECK(envs.count("FAROL_LIMITS_MAX_HEAD") == 1);
}

TEST_CASE("config layers: file over defaults, env over file, flag over env", "[config]") {
    temp_toml file("[listen]\nport = 1111\n[server]\nworkers = 5\n[timeouts]\nhead = \"20s\"\n");
    fake_env env{"FAROL_LISTEN_PORT=2222", "FAROL_LIMITS_MAX_BODY=2MiB", "PATH=/usr/bin"};

    SECTION("applied in precedence order") {
        config_loader loader;
        loader.apply_file(file.path());
        CHECK(loader.result().port == 1111);
        loader.apply_env(env.get());
        CHECK(loader.result().port == 2222);
        loader.apply_flag("listen.port", "3333");
        auto const& c = loader.result();
        CHECK(c.port == 3333);                      // set in all three layers: the flag wins
        CHECK(c.workers == 5);                      // only in the file
        CHECK(c.limits.head_timeout == 20s);        // only in the file
        CHECK(c.limits.max_body == 2 * 1024 * 1024); // only in the environment
        CHECK(c.threads == 0);                      // nowhere: the default
    }
    SECTION("applied in reverse order, precedence still holds") {
        config_loader loader;
        loader.apply_flag("listen.port", "3333");
        loader.apply_env(env.get());
        loader.apply_file(file.path());
        CHECK(loader.result().port == 3333);
        CHECK(loader.result().workers == 5);
        CHECK(loader.result().limits.max_body == 2 * 1024 * 1024);
    }
}

TEST_CASE("config every described setting can be set through a flag", "[config]") {
    config_loader loader;
    for (auto const& info : describe_settings()) {
        auto const [text, canonical] = sample_for(info.value_name, info.key);
        INFO(info.key << " = " << text);
        REQUIRE_NOTHROW(loader.apply_flag(info.key, text));
        CHECK(setting_value(loader.result(), info.key) == canonical);
    }
}

TEST_CASE("config every described setting can be set in a TOML file", "[config]") {
    std::map<std::string, std::string> sections; // "limits" -> "max_head = \"16 kib\"\n..."
    for (auto const& info : describe_settings()) {
        auto const dot = info.key.find('.');
        sections[info.key.substr(0, dot)] += info.key.substr(dot + 1) + " = \"" + sample_for(info.value_name, info.key).first + "\"\n";
    }
    std::string content;
    for (auto const& [name, body] : sections) content += "[" + name + "]\n" + body;
    temp_toml file(content);
    config_loader loader;
    REQUIRE_NOTHROW(loader.apply_file(file.path()));
    for (auto const& info : describe_settings()) {
        INFO(info.key);
        CHECK(setting_value(loader.result(), info.key) == sample_for(info.value_name, info.key).second);
    }
}

TEST_CASE("config every environment variable lands in its own field", "[config]") {
    fake_env env{"FAROL_LISTEN_ADDRESS=0.0.0.0", "FAROL_LISTEN_PORT=1", "FAROL_SERVER_THREADS=2",
                 "FAROL_SERVER_WORKERS=3", "FAROL_PATHS_DATA=d", "FAROL_PATHS_STATIC=s", "FAROL_PATHS_TEMPLATES=t",
                 "FAROL_PATHS_CAMPAIGNS=c", "FAROL_SITE_PUBLIC_URL=https://x.org", "FAROL_SECURITY_HSTS_MAX_AGE=4",
                 "FAROL_LOG_ACCESS=a.log", "FAROL_LOG_ERROR=off", "FAROL_LIMITS_MAX_HEAD=5000",
                 "FAROL_LIMITS_MAX_TARGET=4000", "FAROL_LIMITS_MAX_BODY=0", "FAROL_LIMITS_MAX_CONNECTIONS=6",
                 "FAROL_LIMITS_MAX_PIPELINED=7", "FAROL_LIMITS_KEEPALIVE_REQUESTS=8", "FAROL_TIMEOUTS_HEAD=9",
                 "FAROL_TIMEOUTS_KEEPALIVE=10", "FAROL_TIMEOUTS_IDLE=11", "FAROL_TIMEOUTS_SHUTDOWN=12"};
    config_loader loader;
    loader.apply_env(env.get());
    auto const& c = loader.result();
    CHECK(c.listen_address == "0.0.0.0");
    CHECK(c.port == 1);
    CHECK(c.threads == 2);
    CHECK(c.workers == 3);
    CHECK(c.data_dir == "d");
    CHECK(c.static_dir == "s");
    CHECK(c.templates_dir == "t");
    CHECK(c.campaigns_dir == "c");
    CHECK(c.public_url == "https://x.org");
    CHECK(c.hsts_max_age == 4);
    CHECK(c.access_log == "a.log");
    CHECK(c.error_log == "off");
    CHECK(c.limits.max_head == 5000);
    CHECK(c.limits.max_target == 4000);
    CHECK(c.limits.max_body == 0);
    CHECK(c.limits.max_connections == 6);
    CHECK(c.limits.max_pipelined == 7);
    CHECK(c.limits.keepalive_requests == 8);
    CHECK(c.limits.head_timeout == 9ms);
    CHECK(c.limits.keepalive_timeout == 10ms);
    CHECK(c.limits.idle_timeout == 11ms);
    CHECK(c.limits.shutdown_timeout == 12ms);
}

TEST_CASE("config environment ignores unknown and foreign variables", "[config]") {
    fake_env env{"FAROL_CONFIG=/etc/farol.toml", "FAROL_NOPE=1", "HOME=/root", "garbage", "FAROL_SERVER_WORKERS=4",
                 "FAROL_SERVER_WORKERS=9"};
    config_loader loader;
    REQUIRE_NOTHROW(loader.apply_env(env.get()));
    CHECK(loader.result().workers == 4); // the first definition wins, as with getenv
    CHECK_NOTHROW(loader.apply_env(nullptr));
}

TEST_CASE("config sizes and durations take suffixes", "[config]") {
    config_loader loader;
    loader.apply_flag("limits.max_target", "1KiB"); // so max_head may go below the default target
    auto const head = [&](char const* text) {
        loader.apply_flag("limits.max_head", text);
        return loader.result().limits.max_head;
    };
    CHECK(head("8KiB") == 8192);
    CHECK(head("9k") == 9216);
    CHECK(head("10 kib") == 10240);
    CHECK(head("2000") == 2000);
    CHECK(head("64KiB") == 65536);
    loader.apply_flag("limits.max_body", "3MiB");
    CHECK(loader.result().limits.max_body == 3 * 1024 * 1024);
    loader.apply_flag("limits.max_body", "1m");
    CHECK(loader.result().limits.max_body == 1024 * 1024);
    loader.apply_flag("limits.max_body", "2GiB");
    CHECK(loader.result().limits.max_body == 2ull * 1024 * 1024 * 1024);

    auto const idle = [&](char const* text) {
        loader.apply_flag("timeouts.idle", text);
        return loader.result().limits.idle_timeout;
    };
    CHECK(idle("10s") == 10000ms);
    CHECK(idle("500ms") == 500ms);
    CHECK(idle("2m") == 120000ms);
    CHECK(idle("1500") == 1500ms);
    CHECK(idle("1h") == 3600000ms);
    CHECK(setting_value(loader.result(), "timeouts.idle") == "1h");

    temp_toml file("[limits]\nmax_body = 4096\n[timeouts]\nkeepalive = 2500\n");
    config_loader from_file; // a fresh loader: flags above would outrank the file
    from_file.apply_file(file.path());
    CHECK(from_file.result().limits.max_body == 4096);
    CHECK(from_file.result().limits.keepalive_timeout == 2500ms);
}

TEST_CASE("config public_url is normalized and validated", "[config]") {
    config_loader loader;
    loader.apply_flag("site.public_url", "HTTPS://Farol.Example.org/");
    CHECK(loader.result().public_url == "https://farol.example.org");
    loader.apply_flag("site.public_url", "http://[::1]:8080/farol//");
    CHECK(loader.result().public_url == "http://[::1]:8080/farol");
    loader.apply_flag("site.public_url", "");
    CHECK(loader.result().public_url.empty());

    loader.apply_flag("site.public_url", "https://farol.example.org");
    for (auto const* bad : {"ftp://x.org", "farol.example.org", "https://", "https://x.org/?a=1", "https://x.org/#top",
                            "https://user:pw@x.org", "https://x.org/a b", "/relative"}) {
        INFO(bad);
        auto const e = expect_error([&] { loader.apply_flag("site.public_url", bad); });
        CHECK(e.setting == "site.public_url");
        CHECK(contains(e.what(), "site.public_url: "));
        CHECK(loader.result().public_url == "https://farol.example.org");
    }
}

TEST_CASE("config errors name the setting and keep the previous value", "[config]") {
    config_loader loader;
    loader.apply_flag("listen.port", "9000");
    auto const& c = loader.result();

    auto e = expect_error([&] { loader.apply_flag("listen.port", "70000"); });
    CHECK(e.setting == "listen.port");
    CHECK(std::string(e.what()) == "listen.port: 70000 is not a port (0-65535), from --listen-port");
    CHECK(c.port == 9000);

    for (auto const* bad : {"-1", "abc", "", "12abc", "1.5", "99999999999999999999999", "0x10"}) {
        INFO(bad);
        e = expect_error([&] { loader.apply_flag("listen.port", bad); });
        CHECK(e.setting == "listen.port");
        CHECK(c.port == 9000);
    }
    e = expect_error([&] { loader.apply_flag("site.zone", "America/Sao Paulo"); });
    CHECK(std::string(e.what()) == "site.zone: \"America/Sao Paulo\" is not an IANA time zone (e.g. America/Sao_Paulo, "
                                   "Europe/Lisbon, UTC), from --site-zone");
    CHECK(c.zone == "America/Sao_Paulo");
    e = expect_error([&] { loader.apply_flag("metrics.count_at", "cdn"); });
    CHECK(std::string(e.what()) == "metrics.count_at: cdn is not a counting mode (origin or beacon), from --metrics-count-at");
    CHECK(c.count_at == "origin");
    e = expect_error([&] { loader.apply_flag("metrics.k", "4"); });
    CHECK(contains(e.what(), "metrics.k: 4 is not a threshold (at least 5)"));
    CHECK(c.reach_k == 10);
    loader.apply_flag("metrics.count_at", "beacon");
    CHECK(c.count_at == "beacon");
    e = expect_error([&] { loader.apply_flag("server.workers", "0"); });
    CHECK(std::string(e.what()) == "server.workers: 0 is not a worker count (1-64), from --server-workers");
    e = expect_error([&] { loader.apply_flag("limits.max_head", "512"); });
    CHECK(contains(e.what(), "limits.max_head: 512 is not a size (1KiB-64KiB;"));
    CHECK(c.limits.max_head == 8192);

    for (auto const* bad : {"10 parsecs", "0", "0s", "-3s", "1.5s", "25h", "s"}) {
        INFO(bad);
        e = expect_error([&] { loader.apply_flag("timeouts.head", bad); });
        CHECK(e.setting == "timeouts.head");
        CHECK(contains(e.what(), "timeouts.head: "));
        CHECK(contains(e.what(), "is not a duration"));
        CHECK(c.limits.head_timeout == 10s);
    }
    e = expect_error([&] { loader.apply_flag("timeouts.head", "10 parsecs"); });
    CHECK(contains(e.what(), "timeouts.head: \"10 parsecs\" is not a duration"));

    for (auto const& bad : std::vector<std::pair<std::string, std::string>>{
             {"listen.address", "localhost"}, {"listen.address", "127.0.0.256"}, {"paths.data", ""}, {"log.access", ""}}) {
        INFO(bad.first << " = " << bad.second);
        e = expect_error([&] { loader.apply_flag(bad.first, bad.second); }); // no structured bindings: clang 14
        CHECK(e.setting == bad.first);
    }
    e = expect_error([&] { loader.apply_flag("listen.nope", "1"); });
    CHECK(e.setting == "listen.nope");
}

TEST_CASE("config error messages stay on one line", "[config]") {
    config_loader loader;
    fake_env env{"FAROL_LISTEN_PORT=80\n80"};
    auto const e = expect_error([&] { loader.apply_env(env.get()); });
    CHECK(std::string(e.what()) == "listen.port: \"80\\x0a80\" is not a port (0-65535), from FAROL_LISTEN_PORT");
}

TEST_CASE("config file errors name the file, the line and the key", "[config]") {
    config_loader loader;

    SECTION("unknown key") {
        temp_toml file("[listen]\nport = 1\nprot = 2\n");
        auto const e = expect_error([&] { loader.apply_file(file.path()); });
        CHECK(e.setting == "listen.prot");
        CHECK(std::string(e.what()) == file.path().string() + ":3:1: listen.prot: unknown setting");
        CHECK(loader.result().port == 8080); // port = 1 was not half-applied
    }
    SECTION("unknown section and a setting outside its section") {
        temp_toml a("[lisen]\nport = 1\n");
        CHECK(expect_error([&] { loader.apply_file(a.path()); }).setting == "lisen");
        temp_toml b("port = 1\n");
        CHECK(expect_error([&] { loader.apply_file(b.path()); }).setting == "port");
        temp_toml c("listen = 1\n");
        CHECK(contains(expect_error([&] { loader.apply_file(c.path()); }).what(), "listen: expected a [listen] section"));
    }
    SECTION("the first error in file order is the one reported") {
        temp_toml file("[server]\nworkers = 0\n[listen]\nport = 1.5\n[aaa]\n");
        auto const e = expect_error([&] { loader.apply_file(file.path()); });
        CHECK(e.setting == "server.workers");
        CHECK(contains(e.what(), file.path().string() + ":2:11: server.workers: 0 is not a worker count"));
    }
    SECTION("TOML syntax error") {
        temp_toml file("[listen]\nport = = 1\n");
        auto const e = expect_error([&] { loader.apply_file(file.path()); });
        CHECK(e.setting.empty());
        CHECK(contains(e.what(), file.path().string() + ":2:"));
        CHECK(contains(e.what(), "TOML syntax error"));
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
    }
    SECTION("bad value gets its position") {
        temp_toml file("[server]\nworkers = 4\n\n[listen]\nport = 70000\n");
        auto const e = expect_error([&] { loader.apply_file(file.path()); });
        CHECK(e.setting == "listen.port");
        CHECK(std::string(e.what()) == file.path().string() + ":5:8: listen.port: 70000 is not a port (0-65535)");
        CHECK(loader.result().workers == 2);
    }
    SECTION("wrong TOML types") {
        for (auto const* text : {"[listen]\nport = true\n", "[listen]\nport = -1\n", "[listen]\nport = 1.5\n",
                                 "[listen]\nport = [1]\n", "[paths]\ndata = 5\n", "[listen]\nport = 1979-05-27\n"}) {
            INFO(text);
            temp_toml file(text);
            auto const e = expect_error([&] { loader.apply_file(file.path()); });
            CHECK((e.setting == "listen.port" || e.setting == "paths.data"));
            CHECK(contains(e.what(), file.path().string() + ":2:"));
        }
    }
    SECTION("missing file") {
        auto const missing = std::filesystem::temp_directory_path() / "farol-config-test-does-not-exist.toml";
        auto const e = expect_error([&] { loader.apply_file(missing); });
        CHECK(contains(e.what(), missing.string()));
    }
}

TEST_CASE("config max_target may not exceed max_head", "[config]") {
    config_loader loader;
    auto e = expect_error([&] { loader.apply_flag("limits.max_target", "16KiB"); });
    CHECK(e.setting == "limits.max_target");
    CHECK(std::string(e.what()) == "limits.max_target: 16KiB exceeds limits.max_head (8KiB), from --limits-max-target");
    CHECK(loader.result().limits.max_target == 8192);

    temp_toml file("[limits]\nmax_head = 2048\n");
    e = expect_error([&] { loader.apply_file(file.path()); });
    CHECK(e.setting == "limits.max_target");
    CHECK(contains(e.what(), file.path().string() + ":2:12: limits.max_target"));
    CHECK(loader.result().limits.max_head == 8192);

    std::vector<std::pair<std::string, std::string>> const both{{"limits.max_head", "2KiB"},
                                                                 {"limits.max_target", "1KiB"}};
    loader.apply_flags(both); // together they are consistent
    CHECK(loader.result().limits.max_head == 2048);
    CHECK(loader.result().limits.max_target == 1024);
}

TEST_CASE("config table bounds fit their fields", "[config]") {
    using namespace farol::app::detail;
    for (auto const& s : settings()) {
        if (s.type != kind::integer && s.type != kind::size && s.type != kind::duration) continue;
        INFO(s.key);
        for (auto const bound : {s.min, s.max}) {
            config c;
            s.store(c, value{bound});
            CHECK(std::get<std::uint64_t>(s.load(c)) == bound);
        }
    }
}

TEST_CASE("config languages and fallback chains are checked when read", "[config]") {
    config_loader l;
    auto const lang = expect_error([&] { l.apply_flag("site.languages", "pt-BR ../x"); });
    CHECK(lang.setting == "site.languages");
    auto const none = expect_error([&] { l.apply_flag("site.languages", "   "); });
    CHECK(none.setting == "site.languages");
    auto const chain = expect_error([&] { l.apply_flag("site.fallbacks", "ht=fr"); });
    CHECK(chain.setting == "site.fallbacks");
    CHECK(contains(chain.what(), "ht=fr"));
    l.apply_flag("site.fallbacks", "ht:fr,pt-BR ar:fr");
    CHECK(l.result().fallbacks == "ht:fr,pt-BR ar:fr");
}

TEST_CASE("config trusted proxies are addresses and CIDR ranges, checked when read", "[config][proxy]") {
    config_loader l;
    auto const bad = expect_error([&] { l.apply_flag("proxy.trusted", "10.0.0.0/8 proxy.local"); });
    CHECK(bad.setting == "proxy.trusted");
    CHECK(contains(bad.what(), "proxy.local"));
    l.apply_flag("proxy.trusted", "127.0.0.1, ::1 10.0.0.0/8");
    CHECK(l.result().trusted_proxies == "127.0.0.1, ::1 10.0.0.0/8");
    CHECK(config{}.trusted_proxies.empty()); // nobody is trusted unless the operator says so
}
