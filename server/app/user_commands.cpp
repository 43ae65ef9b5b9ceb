#include "app/user_commands.hpp"

#include "app/partner_commands.hpp"

#include "editor/editor_services.hpp"
#include "store/database.hpp"
#include "util/clock.hpp"

#include <iomanip>

namespace farol::app {

namespace {

constexpr std::string_view actor = "cli";

int list_users(editor::editor_services& e, std::ostream& out) {
    out << std::left << std::setw(24) << "NAME" << std::setw(10) << "ROLE" << std::setw(10) << "STATE"
        << std::setw(10) << "TWO-STEP" << "PARTNER\n";
    for (auto const& u : e.accounts.list()) {
        auto const partner = u.role == "partner" ? e.partners.partner_of(u.id) : std::nullopt;
        out << std::setw(24) << u.name << std::setw(10) << u.role << std::setw(10)
            << (u.disabled ? "disabled" : u.must_change_password ? "new" : "active") << std::setw(10)
            << (u.totp_secret.empty() ? "off" : "on") << (partner ? *partner : "-") << "\n";
    }
    return 0;
}

int add_user(config const& cfg, editor::editor_services& e, user_command const& cmd, std::istream& in, std::ostream& out,
             std::ostream& err) {
    auto const role = http::parse_role(cmd.role);
    if (!role) {
        err << "farol user add: --role must be admin, editor, analyst or partner, not " << cmd.role << "\n";
        return 2;
    }
    if ((*role == http::role::partner) != !cmd.partner.empty()) {
        err << "farol user add: --partner " << (cmd.partner.empty() ? "is required for --role partner: the partner's id"
                                                                   : "is only for --role partner")
            << "\n";
        return 2;
    }
    if (!cmd.partner.empty() && !e.partners.find(cmd.partner)) {
        err << "farol user add: --partner: there is no partner " << cmd.partner << " (farol partner list)\n";
        return 1;
    }
    std::optional<std::string> password;
    if (cmd.password_stdin) {
        std::string line;
        std::getline(in, line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        password = line;
    }
    auto const change = e.accounts.add(actor, cmd.name, *role, password);
    if (change.kind == editor::account_change::invalid) {
        err << "farol user add: " << change.field << ": " << explain(cfg, change.problem) << "\n";
        return 1;
    }
    if (!cmd.partner.empty()) e.partners.link(actor, e.accounts.find(cmd.name)->id, cmd.name, cmd.partner);
    out << "added " << cmd.name << " (" << cmd.role << (cmd.partner.empty() ? "" : " of " + cmd.partner) << ")\n";
    if (!change.one_time_password.empty())
        out << "one-time password: " << change.one_time_password << "\n"
            << "sign in at /editor/sign-in; it must be changed at the first sign-in\n";
    else
        out << "the password must be changed at the first sign-in\n";
    return 0;
}

int change_user(editor::editor_services& e, user_command const& cmd, std::ostream& out, std::ostream& err) {
    auto const user = e.accounts.find(cmd.name);
    if (!user) {
        err << "farol user " << cmd.action << ": there is no account named " << cmd.name << "\n";
        return 1;
    }
    if (cmd.action == "disable") {
        e.accounts.set_disabled(actor, *user, true);
        out << "disabled " << user->name << "; its sessions have ended\n";
    } else if (cmd.action == "enable") {
        e.accounts.set_disabled(actor, *user, false);
        out << "enabled " << user->name << "\n";
    } else if (cmd.action == "reset-password") {
        auto const change = e.accounts.reset_password(actor, *user);
        out << "one-time password for " << user->name << ": " << change.one_time_password << "\n"
            << "its sessions have ended; it must be changed at the next sign-in\n";
    } else {
        e.accounts.reset_second_factor(actor, *user);
        out << "removed two-step verification from " << user->name << "\n";
    }
    return 0;
}

// `partner NAME --partner ID`: a partner-role account moves to another (existing) partner.
int relink_user(editor::editor_services& e, user_command const& cmd, std::ostream& out, std::ostream& err) {
    auto const user = e.accounts.find(cmd.name);
    if (!user) {
        err << "farol user partner: there is no account named " << cmd.name << "\n";
        return 1;
    }
    if (user->role != "partner") {
        err << "farol user partner: " << user->name << " has the role " << user->role
            << "; only partner-role accounts belong to a partner\n";
        return 2;
    }
    if (cmd.partner.empty() || !e.partners.find(cmd.partner)) {
        err << "farol user partner: --partner: there is no partner " << cmd.partner << " (farol partner list)\n";
        return 1;
    }
    e.partners.link(actor, user->id, user->name, cmd.partner);
    out << user->name << " now belongs to partner " << cmd.partner << "\n";
    return 0;
}

} // namespace

int run_user_command(config const& cfg, user_command const& cmd, std::istream& in, std::ostream& out,
                     std::ostream& err) {
    util::system_clock clock;
    auto db = store::database::open(database_file(cfg), clock);
    editor::editor_services e(db, clock, {});
    if (cmd.action == "list") return list_users(e, out);
    if (cmd.action == "add") return add_user(cfg, e, cmd, in, out, err);
    if (cmd.action == "partner") return relink_user(e, cmd, out, err);
    if (cmd.action == "disable" || cmd.action == "enable" || cmd.action == "reset-password" || cmd.action == "reset-mfa")
        return change_user(e, cmd, out, err);
    err << "farol user: unknown action " << cmd.action << "\n";
    return 2;
}

} // namespace farol::app
