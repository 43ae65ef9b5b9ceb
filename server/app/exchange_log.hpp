#pragma once
#include "http/dispatcher.hpp"
#include "metrics/http_metrics.hpp"
#include "util/log.hpp"

#include <memory>

namespace farol::app {

// Per exchange: metrics, and one access-log line without client address or user-agent.
class exchange_log final : public http::exchange_observer {
public:
    exchange_log(metrics::http_metrics& metrics, std::shared_ptr<util::log_sink> access)
        : metrics_(metrics), access_(std::move(access)) {}

    void on_exchange(http::exchange_record const& r) override;

    // time method path status bytes duration request-id; the query string is left out (search terms).
    static std::string format(http::exchange_record const& r);

private:
    metrics::http_metrics& metrics_;
    std::shared_ptr<util::log_sink> access_;
};

} // namespace farol::app
