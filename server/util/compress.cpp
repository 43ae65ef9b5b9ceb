#include "util/compress.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace farol::util {

namespace {

// Memory a compressor asks for (brotli's hash tables, zlib's window: a few hundred KB per call),
// served from one block per thread that is reused from call to call. Through malloc, those blocks
// went back to the system after each page and were faulted in again for the next one.
class scratch_arena {
public:
    static scratch_arena& local() {
        thread_local scratch_arena arena;
        return arena;
    }

    // Starts a call: everything handed out before is free again; grows to the last call's need, up
    // to a cap (a large document's best-quality brotli wants tens of MB: those come from malloc).
    void reset() {
        if (wanted_ > capacity_ && wanted_ <= max_capacity) {
            capacity_ = wanted_;
            block_.reset(static_cast<char*>(std::malloc(capacity_)));
            if (!block_) capacity_ = 0;
        }
        used_ = 0;
        wanted_ = 0;
    }

    void* allocate(std::size_t size) {
        constexpr std::size_t align = alignof(std::max_align_t);
        size = (size + align - 1) / align * align;
        wanted_ += size;
        if (block_ && used_ + size <= capacity_) {
            void* p = block_.get() + used_;
            used_ += size;
            return p;
        }
        return std::malloc(size); // more than this thread needed so far
    }

    void deallocate(void* p) {
        if (p && !owns(p)) std::free(p); // the block's own pieces are freed all at once by reset()
    }

    // The output buffer, kept apart from the compressor's own memory.
    char* output(std::size_t size) {
        if (output_.size() < size) output_.resize(size);
        return output_.data();
    }

    // Ends a call: a buffer grown for one large document is not kept.
    void finish() {
        if (output_.capacity() > max_capacity) std::string().swap(output_);
    }

    // Gives everything back (a thread done compressing for a while).
    void release() {
        block_.reset();
        capacity_ = used_ = wanted_ = 0;
        std::string().swap(output_);
    }

private:
    static constexpr std::size_t max_capacity = 4u << 20;

    bool owns(void* p) const {
        auto const* c = static_cast<char const*>(p);
        return block_ && c >= block_.get() && c < block_.get() + capacity_;
    }

    struct free_deleter {
        void operator()(char* p) const { std::free(p); }
    };
    std::unique_ptr<char, free_deleter> block_;
    std::size_t capacity_ = 0, used_ = 0, wanted_ = 0;
    std::string output_;
};

void* brotli_alloc(void* opaque, std::size_t size) { return static_cast<scratch_arena*>(opaque)->allocate(size); }
void brotli_free(void* opaque, void* p) { static_cast<scratch_arena*>(opaque)->deallocate(p); }
voidpf zlib_alloc(voidpf opaque, uInt items, uInt size) {
    return static_cast<scratch_arena*>(opaque)->allocate(std::size_t{items} * size);
}
void zlib_free(voidpf opaque, voidpf p) { static_cast<scratch_arena*>(opaque)->deallocate(p); }

// The smallest window that holds the whole input: same output, much less memory for small pages.
int brotli_window(std::size_t size) {
    int bits = BROTLI_MIN_WINDOW_BITS;
    while (bits < BROTLI_MAX_WINDOW_BITS && (std::size_t{1} << bits) - 16 < size) ++bits;
    return bits;
}

} // namespace

void release_compression_scratch() { scratch_arena::local().release(); }

std::string gzip_compress(std::string_view bytes, int level) {
    auto& arena = scratch_arena::local();
    arena.reset();
    z_stream zs{};
    zs.zalloc = zlib_alloc;
    zs.zfree = zlib_free;
    zs.opaque = &arena;
    // windowBits 15 + 16 selects the gzip wrapper.
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    auto const bound = deflateBound(&zs, bytes.size()) + 32;
    char* out = arena.output(bound);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = static_cast<uInt>(bound);
    int const rc = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
    std::string result(out, zs.total_out);
    arena.finish();
    return result;
}

std::string brotli_compress(std::string_view bytes, int quality) {
    auto& arena = scratch_arena::local();
    arena.reset();
    std::unique_ptr<BrotliEncoderState, decltype(&BrotliEncoderDestroyInstance)> state(
        BrotliEncoderCreateInstance(brotli_alloc, brotli_free, &arena), BrotliEncoderDestroyInstance);
    if (!state) throw std::runtime_error("brotli: cannot create an encoder");
    BrotliEncoderSetParameter(state.get(), BROTLI_PARAM_QUALITY, static_cast<std::uint32_t>(quality));
    BrotliEncoderSetParameter(state.get(), BROTLI_PARAM_LGWIN, static_cast<std::uint32_t>(brotli_window(bytes.size())));
    BrotliEncoderSetParameter(state.get(), BROTLI_PARAM_MODE, BROTLI_MODE_TEXT);
    BrotliEncoderSetParameter(state.get(), BROTLI_PARAM_SIZE_HINT, static_cast<std::uint32_t>(std::min<std::size_t>(bytes.size(), 1u << 30)));
    std::size_t const bound = BrotliEncoderMaxCompressedSize(bytes.size());
    std::size_t capacity = bound ? bound : bytes.size() + 1024;
    char* out = arena.output(capacity);
    auto const* next_in = reinterpret_cast<uint8_t const*>(bytes.data());
    std::size_t avail_in = bytes.size(), avail_out = capacity;
    auto* next_out = reinterpret_cast<uint8_t*>(out);
    // The output has room for the worst case, so this finishes; the loop is what the API asks for.
    for (;;) {
        if (!BrotliEncoderCompressStream(state.get(), BROTLI_OPERATION_FINISH, &avail_in, &next_in, &avail_out,
                                         &next_out, nullptr))
            throw std::runtime_error("brotli compression failed");
        if (BrotliEncoderIsFinished(state.get())) break;
        if (avail_out == 0) throw std::runtime_error("brotli output exceeded its bound");
    }
    std::string result(out, capacity - avail_out);
    arena.finish();
    return result;
}
std::optional<std::string> gzip_decompress(std::string_view bytes) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buf[16384];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

std::optional<std::string> brotli_decompress(std::string_view bytes) {
    auto* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    std::size_t avail_in = bytes.size();
    auto const* next_in = reinterpret_cast<uint8_t const*>(bytes.data());
    std::string out;
    uint8_t buf[16384];
    BrotliDecoderResult r = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        std::size_t avail_out = sizeof buf;
        uint8_t* next_out = buf;
        r = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        out.append(reinterpret_cast<char*>(buf), sizeof buf - avail_out);
    }
    BrotliDecoderDestroyInstance(st);
    if (r != BROTLI_DECODER_RESULT_SUCCESS) return std::nullopt;
    return out;
}

} // namespace farol::util
