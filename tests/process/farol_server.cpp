#include "process/farol_server.hpp"

#include <algorithm>

namespace farol::test {

std::vector<std::string> serve_args(temp_dir const& data, temp_dir const& static_files) {
    return {"serve",
            "--listen-address", "127.0.0.1",
            "--server-threads", "2",
            "--paths-data", data.path().string(),
            "--paths-static", static_files.path().string(),
            "--paths-templates", std::string(FAROL_SOURCE_DIR) + "/templates",
            "--log-access", "off"};
}

farol_server::farol_server(options o) {
    std::filesystem::copy(std::filesystem::path(FAROL_SOURCE_DIR) / "static", static_.path(),
                          std::filesystem::copy_options::recursive);
    if (o.fill_static) o.fill_static(static_);
    if (o.bundles) import_bundles(*o.bundles, data_.path());
    process_options p{serve_args(data_, static_), std::move(o.env), o.max_open_files, o.max_core_bytes};
    auto const log = std::find(p.args.begin(), p.args.end(), "--log-access");
    *std::next(log) = o.access_log;
    if (o.any_port) p.args.insert(p.args.end(), {"--listen-port", "0"});
    p.args.insert(p.args.end(), o.extra_args.begin(), o.extra_args.end());
    proc_ = std::make_unique<process>(std::move(p));
    port_ = proc_->listening_port();
}

} // namespace farol::test
