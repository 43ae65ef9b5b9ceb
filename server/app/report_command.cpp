#include "app/report_command.hpp"

#include "metrics/reach_report.hpp"
#include "store/database.hpp"
#include "store/reach_query.hpp"

#include <variant>

namespace farol::app {

namespace {
constexpr int exit_bad_input = 2;
} // namespace

int run_report_command(config const& cfg, report_command const& cmd, std::ostream& out, std::ostream& err) {
    if (cmd.format != "csv" && cmd.format != "json" && cmd.format != "table") {
        err << "farol report: --format " << cmd.format << " is not csv, json or table\n";
        return exit_bad_input;
    }
    auto const parsed = metrics::parse_request(cmd.from, cmd.to, cmd.by, cmd.events);
    if (auto const* e = std::get_if<metrics::request_error>(&parsed)) {
        err << "farol report: " << metrics::describe(*e) << "\n";
        return exit_bad_input;
    }
    store::reach_query const query(store::database::open(database_file(cfg)));
    auto const report = metrics::build_report(query, std::get<metrics::report_request>(parsed), cfg.reach_k);
    if (cmd.format == "csv") out << metrics::to_csv(report);
    else if (cmd.format == "json") out << metrics::to_json(report);
    else out << metrics::to_text(report);
    return 0;
}

} // namespace farol::app
