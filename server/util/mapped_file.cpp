#include "util/mapped_file.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace farol::util {

namespace {
[[noreturn]] void fail(std::filesystem::path const& path, char const* what) {
    throw std::system_error(errno, std::generic_category(), path.string() + ": " + what);
}
} // namespace

std::shared_ptr<mapped_file const> mapped_file::open(std::filesystem::path const& path) {
    int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        fail(path, "cannot stat");
    }
    auto const size = static_cast<std::size_t>(st.st_size);
    void* data = nullptr;
    if (size > 0) {
        data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) {
            ::close(fd);
            fail(path, "cannot map");
        }
    }
    ::close(fd); // the mapping stays valid without the descriptor
    return std::shared_ptr<mapped_file const>(new mapped_file(data, size));
}

mapped_file::~mapped_file() {
    if (data_) ::munmap(data_, size_);
}

} // namespace farol::util
