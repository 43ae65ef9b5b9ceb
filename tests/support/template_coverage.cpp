// Records the templates this test process rendered, for the suite-wide check that every template
// is rendered by some test (see tests/CMakeLists.txt and tests/check_template_coverage).
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "view/templates.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace {

struct template_coverage : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testRunEnded(Catch::TestRunStats const&) override {
        char const* dir = std::getenv("FAROL_TEMPLATE_COVERAGE_DIR");
        if (!dir || !*dir) return;
        std::ofstream out(std::string(dir) + "/" + std::to_string(::getpid()) + ".txt");
        for (auto const& name : farol::view::rendered_templates()) out << name << '\n';
    }
};

} // namespace

CATCH_REGISTER_LISTENER(template_coverage)
