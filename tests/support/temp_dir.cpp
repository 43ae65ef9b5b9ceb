#include "support/temp_dir.hpp"

#include <atomic>
#include <fstream>
#include <random>

#include <unistd.h>

namespace farol::test {

namespace fs = std::filesystem;

temp_dir::temp_dir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("farol-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

temp_dir::~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void temp_dir::write(std::string const& relative, std::string const& bytes) const {
    auto const p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

} // namespace farol::test
