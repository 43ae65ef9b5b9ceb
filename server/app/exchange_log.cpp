#include "app/exchange_log.hpp"

#include <fmt/format.h>

namespace farol::app {

void exchange_log::on_exchange(http::exchange_record const& r) {
    metrics_.observe(r.matched ? r.matched->id : metrics::http_metrics::no_route, r.status, r.body_bytes, r.duration);
    if (access_->enabled()) access_->write_line(format(r));
}

std::string exchange_log::format(http::exchange_record const& r) {
    auto const method = r.ctx.req.method_string();
    auto const path = r.ctx.encoded_path.empty() ? std::string_view("-") : std::string_view(r.ctx.encoded_path);
    double const ms = std::chrono::duration<double, std::milli>(r.duration).count();
    return fmt::format("{} {} {} {} {} {:.3f}ms {}", util::format_rfc3339_ms(r.ctx.received_at),
                       method.empty() ? std::string_view("-") : std::string_view(method), path, r.status,
                       r.body_bytes, ms, r.ctx.request_id);
}

} // namespace farol::app
