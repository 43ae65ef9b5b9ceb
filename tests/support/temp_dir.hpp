#pragma once
#include <filesystem>
#include <string>

namespace farol::test {

// A unique directory under the system temp directory, removed with everything in it.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(temp_dir const&) = delete;
    temp_dir& operator=(temp_dir const&) = delete;

    std::filesystem::path const& path() const { return path_; }
    std::filesystem::path operator/(std::string const& name) const { return path_ / name; }
    // Writes bytes to a file under the directory, creating its parent directories.
    void write(std::string const& relative, std::string const& bytes) const;

private:
    std::filesystem::path path_;
};

} // namespace farol::test
