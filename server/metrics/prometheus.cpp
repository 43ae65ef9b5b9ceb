#include "metrics/prometheus.hpp"

#include "util/log.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace farol::metrics {

namespace {

bool name_char(char c, bool first, bool colon) {
    bool const alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
    return alpha || (!first && c >= '0' && c <= '9');
}

// [a-zA-Z_:][a-zA-Z0-9_:]* for metric names; labels have no ':' and "__" is reserved.
bool valid_name(std::string_view n, bool metric) {
    if (n.empty() || (!metric && n.starts_with("__"))) return false;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (!name_char(n[i], i == 0, metric)) return false;
    return true;
}

bool valid_type(std::string_view t) {
    constexpr std::array<std::string_view, 5> types{"counter", "gauge", "histogram", "summary", "untyped"};
    return std::find(types.begin(), types.end(), t) != types.end();
}

// The samples a family may have besides its own name (text format 0.0.4).
bool family_suffix(std::string_view type, std::string_view suffix) {
    if (type == "histogram") return suffix == "_bucket" || suffix == "_sum" || suffix == "_count";
    if (type == "summary") return suffix == "_sum" || suffix == "_count";
    return false;
}

bool has_label(labels const& l, std::string_view name) {
    return std::any_of(l.begin(), l.end(), [name](auto const& p) { return p.first == name; });
}

} // namespace

std::string prometheus_writer::escape_label(std::string_view v) {
    std::string out;
    for (char c : v) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string prometheus_writer::escape_help(std::string_view v) {
    std::string out;
    for (char c : v) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

bool prometheus_writer::refuse(std::string_view what, std::string_view name) {
    ++refused_;
    util::log_error("metrics: " + std::string(what) + " " + std::string(name) + " left out of the exposition");
    return false;
}

bool prometheus_writer::family(std::string_view name, std::string_view help, std::string_view type) {
    family_.clear();
    if (!valid_name(name, true) || !valid_type(type)) return refuse("invalid family", name);
    if (!families_.emplace(name).second) return refuse("family declared twice:", name);
    family_ = name;
    type_ = type;
    out_.append("# HELP ").append(name).append(" ").append(escape_help(help)).append("\n");
    out_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
    return true;
}

bool prometheus_writer::admit(std::string_view name, labels const& l) {
    bool const own = !family_.empty() && name.starts_with(family_);
    auto const suffix = own ? name.substr(family_.size()) : name;
    if (!own || !(suffix.empty() || family_suffix(type_, suffix))) return refuse("sample outside its family:", name);
    if ((suffix == "_bucket") != has_label(l, "le")) return refuse("misplaced le label in", name);
    auto sorted = l;
    std::sort(sorted.begin(), sorted.end());
    std::string key(name);
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (!valid_name(sorted[i].first, false)) return refuse("invalid label name in", name);
        if (i > 0 && sorted[i].first == sorted[i - 1].first) return refuse("repeated label name in", name);
        key.append(1, '\0').append(sorted[i].first).append(1, '\0').append(sorted[i].second);
    }
    if (!series_.insert(std::move(key)).second) return refuse("duplicate series", name);
    return true;
}

void prometheus_writer::write_name_labels(std::string_view name, labels const& l) {
    out_.append(name);
    if (l.empty()) return;
    out_ += '{';
    bool first = true;
    for (auto const& [k, v] : l) {
        if (!first) out_ += ',';
        first = false;
        out_.append(k).append("=\"").append(escape_label(v)).append("\"");
    }
    out_ += '}';
}

bool prometheus_writer::sample(std::string_view name, labels const& l, double value) {
    if (!admit(name, l)) return false;
    write_name_labels(name, l);
    char buf[64];
    if (std::isinf(value)) std::snprintf(buf, sizeof buf, " %s\n", value > 0 ? "+Inf" : "-Inf");
    else if (std::isnan(value)) std::snprintf(buf, sizeof buf, " NaN\n");
    else std::snprintf(buf, sizeof buf, " %.17g\n", value);
    out_ += buf;
    return true;
}

bool prometheus_writer::sample(std::string_view name, labels const& l, std::uint64_t value) {
    if (!admit(name, l)) return false;
    write_name_labels(name, l);
    out_.append(" ").append(std::to_string(value)).append("\n");
    return true;
}

} // namespace farol::metrics
