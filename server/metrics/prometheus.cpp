#include "metrics/prometheus.hpp"

#include <cmath>
#include <cstdio>

namespace farol::metrics {

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

void prometheus_writer::family(std::string_view name, std::string_view help, std::string_view type) {
    out_.append("# HELP ").append(name).append(" ").append(escape_help(help)).append("\n");
    out_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
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

void prometheus_writer::sample(std::string_view name, labels const& l, double value) {
    write_name_labels(name, l);
    char buf[64];
    if (std::isinf(value)) std::snprintf(buf, sizeof buf, " %s\n", value > 0 ? "+Inf" : "-Inf");
    else if (std::isnan(value)) std::snprintf(buf, sizeof buf, " NaN\n");
    else std::snprintf(buf, sizeof buf, " %.17g\n", value);
    out_ += buf;
}

void prometheus_writer::sample(std::string_view name, labels const& l, std::uint64_t value) {
    write_name_labels(name, l);
    out_.append(" ").append(std::to_string(value)).append("\n");
}

} // namespace farol::metrics
