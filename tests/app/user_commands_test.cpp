#include "app/user_commands.hpp"

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace farol;

TEST_CASE("farol user add --password-stdin takes the password from stdin and checks it", "[app][user]") {
    test::temp_dir data;
    app::config cfg;
    cfg.data_dir = data.path();
    cfg.templates_dir = std::filesystem::path(FAROL_SOURCE_DIR) / "templates";
    std::istringstream weak("password123\n"), strong("copper lantern meadow violet\r\n");
    std::ostringstream out, err;
    CHECK(app::run_user_command(cfg, {"add", "ana", "admin", true}, weak, out, err) == 1);
    CHECK(err.str() == "farol user add: password: The new password is too easy to guess. Add words or make it longer.\n");
    CHECK(app::run_user_command(cfg, {"add", "ana", "admin", true}, strong, out, err) == 0);
    CHECK(out.str().find("one-time password") == std::string::npos);
    CHECK(out.str().find("must be changed at the first sign-in") != std::string::npos);
    std::ostringstream list;
    std::istringstream none;
    CHECK(app::run_user_command(cfg, {"list"}, none, list, err) == 0);
    CHECK(list.str().find("ana") != std::string::npos);
    CHECK(app::run_user_command(cfg, {"frobnicate"}, none, list, err) == 2);
}
