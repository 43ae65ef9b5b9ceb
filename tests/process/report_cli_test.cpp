// `farol report` as an operator runs it: the real binary, its exit codes and messages.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

using namespace farol::test;
using namespace std::chrono_literals;

TEST_CASE("farol report answers from the data directory and refuses a bad date in one line", "[process][reach]") {
    temp_dir data;
    process good({{"report", "--from", "2026-07-01", "--to", "2026-07-28", "--by", "campaign", "--format", "csv",
                   "--paths-data", data.path().string()}});
    REQUIRE(good.wait_for(10s) == 0);
    CHECK(good.out() == "row,campaign,events,readers\r\n"); // nothing counted yet: the header alone
    process bad({{"report", "--from", "2026-13-01", "--to", "2026-07-28", "--paths-data", data.path().string()}});
    REQUIRE(bad.wait_for(10s) == 2);
    CHECK(bad.err() == "farol report: --from \"2026-13-01\" is not a date (YYYY-MM-DD)\n");
    CHECK(bad.out().empty());
    process missing({{"report", "--to", "2026-07-28", "--paths-data", data.path().string()}});
    REQUIRE(missing.wait_for(10s) != 0);
    CHECK(missing.err().find("--from") != std::string::npos);
}
