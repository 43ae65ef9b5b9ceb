#pragma once
#include <filesystem>
#include <memory>
#include <string_view>

namespace farol::util {

// A read-only memory map of a whole file; the bytes live as long as the returned pointer.
// Pages are loaded on demand, so large materials cost address space, not resident memory.
class mapped_file {
public:
    // Throws std::system_error naming the file if it cannot be opened or mapped.
    static std::shared_ptr<mapped_file const> open(std::filesystem::path const& path);
    ~mapped_file();
    mapped_file(mapped_file const&) = delete;
    mapped_file& operator=(mapped_file const&) = delete;

    std::string_view bytes() const { return {static_cast<char const*>(data_), size_}; }

private:
    mapped_file(void* data, std::size_t size) : data_(data), size_(size) {}
    void* data_;
    std::size_t size_;
};

} // namespace farol::util
