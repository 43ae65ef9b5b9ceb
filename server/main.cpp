// farol: the command line. CLI11 lives in this translation unit only (it is slow to compile).
#include "app/app.hpp"
#include "app/bundle_commands.hpp"
#include "app/partner_commands.hpp"
#include "app/report_command.hpp"
#include "app/schedule_command.hpp"
#include "app/user_commands.hpp"
#include "app/config.hpp"
#include "store/backup.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"

#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <cstdlib>
#include <iostream>
#include <map>

extern char** environ;

namespace {

using namespace farol;

constexpr int exit_config = 2;

struct settings_flags {
    std::string config_file;
    std::map<std::string, std::string> values; // setting key -> flag value, only flags given
};

// Every setting becomes a flag of the subcommand, with its env variable and default in the help.
void add_settings(CLI::App& sub, settings_flags& flags) {
    sub.add_option("-c,--config", flags.config_file, "TOML config file (also FAROL_CONFIG)")->type_name("FILE");
    for (auto const& s : app::describe_settings()) {
        auto help = s.help + " [" + s.env + "] (default: " + (s.default_value.empty() ? "\"\"" : s.default_value) + ")";
        sub.add_option_function<std::string>(
               s.flag, [&flags, key = s.key](std::string const& v) { flags.values[key] = v; }, help)
            ->type_name(s.value_name)
            ->group("Settings");
    }
}

app::config load_config(settings_flags const& flags) {
    app::config_loader loader;
    std::string file = flags.config_file;
    if (file.empty())
        if (char const* env = std::getenv("FAROL_CONFIG")) file = env;
    if (!file.empty()) loader.apply_file(file);
    loader.apply_env(environ);
    std::vector<std::pair<std::string, std::string>> kv(flags.values.begin(), flags.values.end());
    loader.apply_flags(kv);
    return loader.result();
}

// Readers' addresses and user-agents are in memory while requests are counted: a core dump would
// write them to disk (DESIGN.md "Privacy"), so a serving process makes none.
void forbid_core_dumps() {
    rlimit const none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) util::log_error("could not turn core dumps off; a crash may write one");
}

int run_serve(settings_flags const& flags) {
    forbid_core_dumps();
    auto const cfg = load_config(flags);
    util::system_clock clock;
    app::app server(cfg, clock);
    server.handle_signals(); // first, so signals are handled from the moment "listening" is logged
    server.start();
    server.wait();
    util::log_info("stopped");
    return 0;
}

int run_backup(settings_flags const& flags, std::string const& dest) {
    auto const cfg = load_config(flags);
    store::backup(app::database_file(cfg), dest);
    std::cout << "backup written to " << dest << "\n";
    return 0;
}

int run_import(settings_flags const& flags, std::string const& dir) {
    return app::import_bundles(load_config(flags), dir, std::cout, std::cerr);
}

int run_export(settings_flags const& flags, std::string const& dir) {
    return app::export_bundles(load_config(flags), dir, std::cout, std::cerr);
}

int run_user(settings_flags const& flags, app::user_command const& cmd) {
    return app::run_user_command(load_config(flags), cmd, std::cin, std::cout, std::cerr);
}

int run_schedule(settings_flags const& flags, app::schedule_command const& cmd) {
    util::system_clock clock;
    return app::run_schedule_command(load_config(flags), cmd, clock, std::cout, std::cerr);
}

// `farol schedule show SLOT [--at TIME] [--lang L] [--zone Z]`: the pick, for operators.
CLI::App* add_schedule_commands(CLI::App& cli, settings_flags& flags, app::schedule_command& cmd) {
    auto* schedule = cli.add_subcommand("schedule", "Check the rotation plan (the server may be running)");
    schedule->require_subcommand(1);
    auto* show = schedule->add_subcommand("show", "Print what a slot shows at a moment, and its next boundary");
    show->add_option("slot", cmd.slot, "Slot name, e.g. home-featured")->required()->type_name("SLOT");
    show->add_option("--at", cmd.at, "now, 2026-07-30T12:00:00Z, or local \"2026-07-30 09:00\" (in --zone)")
        ->default_val("now");
    show->add_option("--lang", cmd.language, "Reader language (default: the site's first)")->type_name("L");
    show->add_option("--zone", cmd.zone, "IANA zone a local --at is read in (default: the slot's)")->type_name("ZONE");
    add_settings(*show, flags);
    return schedule;
}

int run_report(settings_flags const& flags, app::report_command const& cmd) {
    return app::run_report_command(load_config(flags), cmd, std::cout, std::cerr);
}

// `farol report --from D --to D [--by DIMS] [--format F] [--event KINDS]`: reach, suppressed.
CLI::App* add_report_command(CLI::App& cli, settings_flags& flags, app::report_command& cmd) {
    auto* report = cli.add_subcommand("report", "Print reach over a range of days, small cells suppressed "
                                                "(the server may be running)");
    report->add_option("--from", cmd.from, "First local day, YYYY-MM-DD")->required()->type_name("DAY");
    report->add_option("--to", cmd.to, "Last local day, YYYY-MM-DD (at most 366 days in all)")->required()->type_name("DAY");
    report->add_option("--by", cmd.by, "Dimensions to group by, comma-separated: day, campaign, language, event, "
                                       "source, device (the first is subtotalled)")
        ->type_name("DIMS");
    report->add_option("--format", cmd.format, "csv, json or table")->default_val("table")->type_name("FORMAT");
    report->add_option("--event", cmd.events, "Event kinds to count, comma-separated: view, preview, download, share, "
                                              "widget_impression, widget_click (default: view)")
        ->type_name("KINDS");
    add_settings(*report, flags);
    return report;
}

// `farol user add|list|disable|enable|reset-password|reset-mfa|partner`: accounts for the editor.
CLI::App* add_user_commands(CLI::App& cli, settings_flags& flags, app::user_command& cmd) {
    auto* user = cli.add_subcommand("user", "Manage editor accounts (the server may be running)");
    user->require_subcommand(1);
    auto const named = [&](char const* action, char const* help) {
        auto* sub = user->add_subcommand(action, help);
        sub->add_option("name", cmd.name, "Account name")->required()->type_name("NAME");
        sub->callback([&cmd, action] { cmd.action = action; });
        add_settings(*sub, flags);
        return sub;
    };
    auto* add = named("add", "Create an account; prints a one-time password to be changed at first sign-in");
    add->add_option("--role", cmd.role, "admin, editor, analyst or partner")->default_val("editor");
    add->add_option("--partner", cmd.partner, "The partner a partner-role account belongs to (its id)")->type_name("ID");
    add->add_flag("--password-stdin", cmd.password_stdin, "Read the password from the first line of stdin instead");
    named("disable", "Disable an account and end all its sessions at once");
    named("enable", "Enable a disabled account");
    named("reset-password", "Make a new one-time password and end the account's sessions");
    named("reset-mfa", "Remove an account's two-step verification and recovery codes");
    auto* relink = named("partner", "Move a partner-role account to another partner");
    relink->add_option("--partner", cmd.partner, "The partner it belongs to from now on (its id)")
        ->required()
        ->type_name("ID");
    auto* list = user->add_subcommand("list", "List the accounts, their roles and states");
    list->callback([&cmd] { cmd.action = "list"; });
    add_settings(*list, flags);
    return user;
}

int run_partner(settings_flags const& flags, app::partner_command const& cmd) {
    return app::run_partner_command(load_config(flags), cmd, std::cout, std::cerr);
}

// `farol partner add|list|disable|enable`: the organisations that embed the widget.
CLI::App* add_partner_commands(CLI::App& cli, settings_flags& flags, app::partner_command& cmd) {
    auto* partner = cli.add_subcommand("partner", "Manage partners, the sites that embed Farol's widget "
                                                  "(a running server takes changes at SIGHUP)");
    partner->require_subcommand(1);
    auto const with_id = [&](char const* action, char const* help) {
        auto* sub = partner->add_subcommand(action, help);
        sub->add_option("id", cmd.id, "Partner id: 1 to 40 of a-z, 0-9 and '-'")->required()->type_name("ID");
        sub->callback([&cmd, action] { cmd.action = action; });
        add_settings(*sub, flags);
        return sub;
    };
    auto* add = with_id("add", "Register a partner: its name, the origins whose pages may frame its widget");
    add->add_option("--name", cmd.name, "The organisation's name, shown to editors")->required()->type_name("NAME");
    add->add_option("--origin", cmd.origins, "An origin allowed to frame the widget, e.g. https://ngo.example "
                                             "(repeat for more)")
        ->required()
        ->type_name("URL");
    add->add_option("--slot", cmd.slot, "The slot its widget shows")->default_val("widget-default")->type_name("SLOT");
    add->add_option("--lang", cmd.language, "Its widget's default language (default: the site's)")->type_name("LANG");
    with_id("disable", "Disable a partner: its embeds answer 404 and stop counting; the id stays taken");
    with_id("enable", "Enable a disabled partner");
    auto* list = partner->add_subcommand("list", "List the partners");
    list->add_option("--format", cmd.format, "table or json")->default_val("table")->type_name("FORMAT");
    list->callback([&cmd] { cmd.action = "list"; });
    add_settings(*list, flags);
    return partner;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Farol: safe-migration and anti-trafficking information campaigns, served fast to phones.\n"
                 "Settings come from defaults < TOML file (--config) < environment (FAROL_*) < flags."};
    cli.require_subcommand(1);
    cli.set_version_flag("--version", FAROL_VERSION);

    settings_flags serve_flags, backup_flags, import_flags, export_flags;
    auto* serve = cli.add_subcommand("serve", "Run the HTTP server (SIGTERM/SIGINT stop, SIGHUP reloads)");
    add_settings(*serve, serve_flags);

    std::string backup_dest;
    auto* backup = cli.add_subcommand("backup", "Write a consistent copy of the database to FILE, even while serving");
    backup->add_option("file", backup_dest, "Destination file")->required()->type_name("FILE");
    add_settings(*backup, backup_flags);

    std::string import_dir;
    auto* import = cli.add_subcommand("import", "Check campaign bundles in DIR and store them (all or nothing; "
                                                "campaigns/README.md describes the format)");
    import->add_option("dir", import_dir, "Bundle directory, e.g. campaigns")->required()->type_name("DIR");
    add_settings(*import, import_flags);

    std::string export_dir;
    auto* exprt = cli.add_subcommand("export", "Write every stored campaign and hotline to DIR in the bundle format");
    exprt->add_option("dir", export_dir, "Destination directory")->required()->type_name("DIR");
    add_settings(*exprt, export_flags);

    settings_flags user_flags;
    app::user_command user_cmd;
    auto* user = add_user_commands(cli, user_flags, user_cmd);
    settings_flags schedule_flags;
    app::schedule_command schedule_cmd;
    auto* schedule = add_schedule_commands(cli, schedule_flags, schedule_cmd);
    settings_flags report_flags;
    app::report_command report_cmd;
    auto* report = add_report_command(cli, report_flags, report_cmd);

    settings_flags partner_flags;
    app::partner_command partner_cmd;
    auto* partner = add_partner_commands(cli, partner_flags, partner_cmd);

    CLI11_PARSE(cli, argc, argv);
    try {
        if (*serve) return run_serve(serve_flags);
        if (*backup) return run_backup(backup_flags, backup_dest);
        if (*import) return run_import(import_flags, import_dir);
        if (*exprt) return run_export(export_flags, export_dir);
        if (*user) return run_user(user_flags, user_cmd);
        if (*schedule) return run_schedule(schedule_flags, schedule_cmd);
        if (*report) return run_report(report_flags, report_cmd);
        if (*partner) return run_partner(partner_flags, partner_cmd);
    } catch (app::config_error const& e) {
        std::cerr << "farol: " << e.what() << "\n";
        return exit_config;
    } catch (std::exception const& e) {
        std::cerr << "farol: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
