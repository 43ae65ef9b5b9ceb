#pragma once
#include "app/config.hpp"

#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace farol::app {

// What `farol user ACTION` was asked.
struct user_command {
    std::string action; // add, list, disable, enable, reset-password, reset-mfa, partner
    std::string name;
    std::string role = "editor";
    bool password_stdin = false; // add: read the password from the first line of `in`
    std::string partner;         // add, partner: the partner a partner-role account belongs to (required for that role only)
};

// `farol user ...` on the database under cfg's data directory (it may be serving at the same time):
// add prints a one-time password the user must change at first sign-in (or takes one from stdin,
// checked against the password policy); a partner-role account is linked to an existing partner
// (--partner, required for that role and refused for the others); disable ends the account's sessions at once. Each change
// goes to the audit log as actor "cli". Problems are one line on err. Returns the exit status:
// 0 done, 1 refused (unknown name, weak password, name taken), 2 bad usage.
int run_user_command(config const& cfg, user_command const& cmd, std::istream& in, std::ostream& out,
                     std::ostream& err);

} // namespace farol::app
