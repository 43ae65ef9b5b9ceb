#pragma once
#include <cstddef>
#include <memory>

namespace farol::util {

// Uninitialised memory for one large, long-lived block (a site's page bytes): mapped on its own
// and backed by 2 MiB pages where the kernel allows, so filling 100 MB takes ~50 page faults
// instead of ~25,000, and freeing it returns it to the system at once. Under 2 MiB it comes from
// the heap instead: a huge page would be mostly waste.
class huge_buffer {
public:
    // Throws std::bad_alloc if the memory cannot be mapped or allocated.
    static std::shared_ptr<huge_buffer> allocate(std::size_t size);
    ~huge_buffer();
    huge_buffer(huge_buffer const&) = delete;
    huge_buffer& operator=(huge_buffer const&) = delete;

    char* data() { return data_; }
    std::size_t size() const { return size_; }
    // What it may cost in memory: its size rounded up to whole huge pages, or its size when small.
    std::size_t footprint() const { return mapped_ == 0 ? size_ : mapped_; }

private:
    huge_buffer(char* data, std::size_t size, std::size_t mapped) : data_(data), size_(size), mapped_(mapped) {}
    char* data_;
    std::size_t size_;
    std::size_t mapped_; // 0: from the heap
};

} // namespace farol::util
