#pragma once
#include "app/config.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace farol::app {

// What `farol partner ACTION` was asked.
struct partner_command {
    std::string action; // add, list, disable, enable
    std::string id;
    std::string name;
    std::vector<std::string> origins; // add: "https://ngo.example", normalized as RFC 6454 serializations
    std::string slot = "widget-default";
    std::string language;             // add: BCP 47, one of site.languages; "" : the site's default
    std::string format = "table";     // list: table or json
};

// `farol partner ...` on the database under cfg's data directory. add registers an enabled partner
// (checked like the editor's form: the id rule, origins, an existing slot, one of the site's
// languages); disable/enable switch its embeds and counting off and on; list prints every partner
// as a table or a JSON array. Each change goes to the audit log as actor "cli". A running server
// takes the change at its next publish (SIGHUP). Problems are one line on err naming the flag and
// the reason. Returns 0 done, 1 refused (id taken, no such partner), 2 bad input or usage.
int run_partner_command(config const& cfg, partner_command const& cmd, std::ostream& out, std::ostream& err);

// The English text of an editor catalog key with its {detail} (for command-line messages); the key
// itself when the catalogs are not where the config says.
std::string explain(config const& cfg, std::string const& key, std::string const& detail = {});

} // namespace farol::app
