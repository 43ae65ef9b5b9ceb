#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farol::metrics {

using labels = std::vector<std::pair<std::string_view, std::string_view>>;

// Writer for the Prometheus text exposition format 0.0.4.
class prometheus_writer {
public:
    static constexpr char content_type[] = "text/plain; version=0.0.4; charset=utf-8";

    void family(std::string_view name, std::string_view help, std::string_view type);
    void sample(std::string_view name, labels const& l, double value);
    void sample(std::string_view name, labels const& l, std::uint64_t value);
    std::string const& text() const { return out_; }

    static std::string escape_label(std::string_view v);
    static std::string escape_help(std::string_view v);

private:
    void write_name_labels(std::string_view name, labels const& l);
    std::string out_;
};

} // namespace farol::metrics
