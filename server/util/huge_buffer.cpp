#include "util/huge_buffer.hpp"

#include <sys/mman.h>

#include <new>

namespace farol::util {

namespace {
constexpr std::size_t huge_page = 2 << 20;
}

std::shared_ptr<huge_buffer> huge_buffer::allocate(std::size_t size) {
    if (size < huge_page) return std::shared_ptr<huge_buffer>(new huge_buffer(new char[size], size, 0));
    // Rounded up to whole huge pages: the kernel backs an aligned range with huge pages only.
    auto const mapped = std::max<std::size_t>(huge_page, (size + huge_page - 1) / huge_page * huge_page);
    void* p = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    ::madvise(p, mapped, MADV_HUGEPAGE); // advice only: without huge pages the buffer still works
    return std::shared_ptr<huge_buffer>(new huge_buffer(static_cast<char*>(p), size, mapped));
}

huge_buffer::~huge_buffer() {
    if (mapped_ == 0)
        delete[] data_;
    else
        ::munmap(data_, mapped_);
}

} // namespace farol::util
