#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace farol::metrics {

using labels = std::vector<std::pair<std::string_view, std::string_view>>;

// Writer for the Prometheus text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/). It never prints an invalid or
// ambiguous exposition: HELP and TYPE once per family, a family's samples together, and each series
// (name + label set) once. Anything else is refused, logged, counted, and left out of the text.
class prometheus_writer {
public:
    static constexpr char content_type[] = "text/plain; version=0.0.4; charset=utf-8";

    // Starts a family: its "# HELP" and "# TYPE" lines. type: counter, gauge, histogram, summary or
    // untyped. Returns false (nothing written, and the family's samples refused until the next
    // family) for an invalid name or type, or a family already started.
    bool family(std::string_view name, std::string_view help, std::string_view type);
    // One sample of the current family: its name, or for a histogram name_bucket (with an "le" label),
    // name_sum, name_count; for a summary name_sum and name_count too. Label values are escaped.
    // Returns false (nothing written) for a name outside the current family, an invalid or repeated
    // label name, or a series already written, whatever the order of its labels.
    bool sample(std::string_view name, labels const& l, double value);
    bool sample(std::string_view name, labels const& l, std::uint64_t value);

    std::string const& text() const { return out_; }
    // Families and samples refused so far; anything but 0 is a bug in the caller.
    std::size_t refused() const { return refused_; }

    static std::string escape_label(std::string_view v);
    static std::string escape_help(std::string_view v);

private:
    bool admit(std::string_view name, labels const& l);
    bool refuse(std::string_view what, std::string_view name);
    void write_name_labels(std::string_view name, labels const& l);

    std::string out_;
    std::string family_; // the current family; empty after a refused one
    std::string type_;
    std::unordered_set<std::string> families_;
    std::unordered_set<std::string> series_; // name{sorted labels}
    std::size_t refused_ = 0;
};

} // namespace farol::metrics
