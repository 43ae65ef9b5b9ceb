#include "util/compress.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>

namespace farol::util {

namespace {
// Compressors write into one reused scratch buffer per thread, and the result is copied out at its
// exact size: a buffer of the worst-case size per call meant touching (and keeping) ~3x the bytes.
char* scratch(std::size_t size) {
    thread_local std::string buffer;
    if (buffer.size() < size) buffer.resize(size);
    return buffer.data();
}
} // namespace

std::string gzip_compress(std::string_view bytes, int level) {
    z_stream zs{};
    // windowBits 15 + 16 selects the gzip wrapper.
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    auto const bound = deflateBound(&zs, bytes.size()) + 32;
    char* out = scratch(bound);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = static_cast<uInt>(bound);
    int const rc = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return std::string(out, zs.total_out);
}

std::string brotli_compress(std::string_view bytes, int quality) {
    std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
    if (size == 0) size = bytes.size() + 1024;
    char* out = scratch(size);
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, bytes.size(),
                               reinterpret_cast<uint8_t const*>(bytes.data()), &size, reinterpret_cast<uint8_t*>(out)))
        throw std::runtime_error("brotli compression failed");
    return std::string(out, size);
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
