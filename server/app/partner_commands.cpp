#include "app/partner_commands.hpp"

#include "editor/editor_services.hpp"
#include "i18n/catalogs.hpp"
#include "store/database.hpp"
#include "util/clock.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <iomanip>

namespace farol::app {

namespace {

constexpr std::string_view actor = "cli";
constexpr int exit_refused = 1;
constexpr int exit_bad_input = 2;

// The command-line flag for a form field.
std::string flag_of(std::string const& field) {
    if (field == "id") return "ID";
    if (field == "origins") return "--origin";
    if (field == "default_slot") return "--slot";
    if (field == "default_language") return "--lang";
    return "--" + field;
}

std::string joined(std::vector<std::string> const& v, char const* sep) {
    std::string out;
    for (auto const& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

int list_partners(editor::partner_admin const& a, partner_command const& cmd, std::ostream& out, std::ostream& err) {
    auto const all = a.list();
    if (cmd.format == "json") {
        boost::json::array rows;
        for (auto const& p : all) {
            boost::json::array origins(p.origins.begin(), p.origins.end());
            rows.push_back(boost::json::object{{"id", p.id}, {"name", p.name}, {"origins", std::move(origins)},
                                               {"default_slot", p.default_slot},
                                               {"default_language", p.default_language}, {"enabled", p.enabled}});
        }
        out << boost::json::serialize(rows) << "\n";
        return 0;
    }
    if (cmd.format != "table") {
        err << "farol partner list: --format " << cmd.format << " is not table or json\n";
        return exit_bad_input;
    }
    out << std::left << std::setw(20) << "ID" << std::setw(10) << "STATE" << std::setw(18) << "SLOT" << std::setw(7)
        << "LANG" << "NAME / ORIGINS\n";
    for (auto const& p : all)
        out << std::setw(20) << p.id << std::setw(10) << (p.enabled ? "enabled" : "disabled") << std::setw(18)
            << p.default_slot << std::setw(7) << (p.default_language.empty() ? "-" : p.default_language) << p.name
            << " (" << (p.origins.empty() ? "no origin" : joined(p.origins, " ")) << ")\n";
    return 0;
}

int add_partner(config const& cfg, editor::partner_admin& a, partner_command const& cmd, std::ostream& out,
                std::ostream& err) {
    editor::partner_input in{cmd.id, cmd.name, cmd.origins, cmd.slot, cmd.language};
    auto const change = a.add(actor, in);
    if (change.kind != editor::partner_change::done) {
        bool taken = false;
        for (auto const& p : change.problems) {
            err << "farol partner add: " << flag_of(p.field) << ": " << explain(cfg, p.key, p.detail) << "\n";
            taken = taken || p.key == "partner.error.id_taken";
        }
        return taken && change.problems.size() == 1 ? exit_refused : exit_bad_input;
    }
    auto const& p = change.saved;
    out << "added partner " << p.id << " (" << p.name << "), framed by " << joined(p.origins, " ") << ", slot "
        << p.default_slot << "\n"
        << "a running server takes it at its next publish: send it SIGHUP\n";
    return 0;
}

int switch_partner(editor::partner_admin& a, partner_command const& cmd, std::ostream& out, std::ostream& err) {
    bool const enable = cmd.action == "enable";
    if (!a.set_enabled(actor, cmd.id, enable)) {
        err << "farol partner " << cmd.action << ": there is no partner " << cmd.id << "\n";
        return exit_refused;
    }
    out << (enable ? "enabled partner " : "disabled partner ") << cmd.id
        << (enable ? "" : ": its embeds answer 404 and count nothing") << "\n"
        << "a running server takes it at its next publish: send it SIGHUP\n";
    return 0;
}

} // namespace

std::string explain(config const& cfg, std::string const& key, std::string const& detail) {
    try {
        return i18n::catalogs::load(cfg.templates_dir / "editor" / "i18n", {"en"}).text("en", key, {{"detail", detail}});
    } catch (std::exception const&) {
        return key + (detail.empty() ? "" : " (" + detail + ")");
    }
}

int run_partner_command(config const& cfg, partner_command const& cmd, std::ostream& out, std::ostream& err) {
    util::system_clock clock;
    auto db = store::database::open(database_file(cfg), clock);
    editor::editor_settings settings;
    settings.languages = language_list(cfg);
    editor::editor_services e(db, clock, settings);
    if (cmd.action == "list") return list_partners(e.partners, cmd, out, err);
    if (cmd.action == "add") return add_partner(cfg, e.partners, cmd, out, err);
    if (cmd.action == "disable" || cmd.action == "enable") return switch_partner(e.partners, cmd, out, err);
    err << "farol partner: unknown action " << cmd.action << "\n";
    return exit_bad_input;
}

} // namespace farol::app
