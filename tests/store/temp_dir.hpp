#pragma once
#include <atomic>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace farol::test {

// A fresh directory under the system temp directory, removed with everything in it.
class temp_dir {
public:
    temp_dir() {
        static std::atomic<unsigned> counter{0};
        std::random_device rd;
        auto name = "farol-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "-" +
                    std::to_string(rd());
        path_ = std::filesystem::temp_directory_path() / name;
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(temp_dir const&) = delete;
    temp_dir& operator=(temp_dir const&) = delete;

    std::filesystem::path const& path() const { return path_; }
    std::filesystem::path operator/(std::string const& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

} // namespace farol::test
