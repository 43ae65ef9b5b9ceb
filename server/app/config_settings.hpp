#pragma once
// Internal to app/config*.cpp: the one table of settings that drives file, environment, flags and help.
#include "app/config.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace farol::app::detail {

enum class kind { address, integer, size, duration, path, url, log, languages, fallbacks, networks, zone, count_mode };

// Environment and flags always give text; TOML may also give an integer or a boolean.
enum class source_type { text, integer, boolean };

// A parsed, validated value: numbers (durations in ms, sizes in bytes) or text.
using value = std::variant<std::uint64_t, std::string>;

struct setting {
    std::string_view key;
    kind type;
    std::uint64_t min;
    std::uint64_t max;
    std::string_view noun; // names an integer in messages: "70000 is not a port (0-65535)"
    std::string_view help;
    void (*store)(config&, value const&);
    value (*load)(config const&);
};

std::span<setting const> settings();
std::optional<std::size_t> find_setting(std::string_view key);
// True when `prefix` is a whole leading part of some key ("limits" for "limits.max_head").
bool is_section(std::string_view prefix);

// Where a value came from, for messages: a file position ("farol.toml:3:8"), a variable or a flag.
struct origin {
    std::string text;
    bool is_position = false;
};
std::string error_message(origin const& from, std::string_view key, std::string_view reason);
// `text` shown in a message on one line: quoted if it has spaces, control characters escaped, capped.
std::string show(std::string_view text);

// Throws config_error naming the setting and the origin when the text is not valid for it.
value parse(setting const& s, std::string_view text, source_type src, origin const& from);
// The text form of a value, accepted back by parse: "8KiB", "10s", "1MiB".
std::string format(setting const& s, value const& v);

std::string flag_name(std::string_view key);
std::string env_name(std::string_view key);

struct assignment {
    std::size_t index; // into settings()
    value parsed;
    origin from;
};

} // namespace farol::app::detail
