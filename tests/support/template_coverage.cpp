// Records the templates this test process rendered, for the suite-wide check that every template
// is rendered by some test (see tests/CMakeLists.txt and tests/check_template_coverage). The
// server only calls an observer; the recording is the tests' own.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "view/templates.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <unistd.h>

namespace {

std::mutex rendered_mutex;
std::set<std::string, std::less<>> rendered;

void record(std::string_view name) {
    std::lock_guard lock(rendered_mutex);
    if (rendered.find(name) == rendered.end()) rendered.emplace(name);
}

struct template_coverage : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testRunStarting(Catch::TestRunInfo const& info) override {
        TestEventListenerBase::testRunStarting(info);
        farol::view::set_render_observer(record);
    }

    void testRunEnded(Catch::TestRunStats const& stats) override {
        TestEventListenerBase::testRunEnded(stats);
        char const* dir = std::getenv("FAROL_TEMPLATE_COVERAGE_DIR");
        if (!dir || !*dir) return;
        std::ofstream out(std::string(dir) + "/" + std::to_string(::getpid()) + ".txt");
        std::lock_guard lock(rendered_mutex);
        for (auto const& name : rendered) out << name << '\n';
    }
};

} // namespace

CATCH_REGISTER_LISTENER(template_coverage)
