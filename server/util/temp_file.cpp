#include "util/temp_file.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace farol::util {

temp_file& temp_file::operator=(temp_file&& other) noexcept {
    if (this != &other) {
        remove();
        path_ = std::move(other.path_);
        other.path_.clear();
    }
    return *this;
}

temp_file temp_file::create(std::filesystem::path const& dir, char const* prefix) {
    std::filesystem::create_directories(dir);
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    char hex[sizeof random * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    auto path = dir / (std::string(prefix) + hex);
    int const fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + path.string());
    ::close(fd);
    return temp_file(std::move(path));
}

void temp_file::remove() noexcept {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove(path_, ec);
    path_.clear();
}

std::filesystem::path temp_file::release() noexcept {
    auto p = std::move(path_);
    path_.clear();
    return p;
}

std::size_t remove_stale_temp_files(std::filesystem::path const& dir, char const* prefix) noexcept {
    std::size_t removed = 0;
    std::error_code ec;
    std::string_view const want(prefix);
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        auto const name = it->path().filename().string();
        if (name.compare(0, want.size(), want) != 0) continue;
        std::error_code rm;
        if (std::filesystem::remove(it->path(), rm)) ++removed;
    }
    return removed;
}

} // namespace farol::util
