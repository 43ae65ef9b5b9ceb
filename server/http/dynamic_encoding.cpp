#include "http/dynamic_encoding.hpp"

#include "http/conditional.hpp"
#include "http/mime.hpp"
#include "util/compress.hpp"
#include "util/strings.hpp"

namespace farol::http {

namespace {

constexpr int dynamic_brotli_quality = 5;
constexpr int dynamic_gzip_level = 6;

bool already_negotiated(response const& res) {
    if (!res.body().head_lines.empty() || res.find(field::content_encoding) != res.end()) return true;
    auto const vary = res[field::vary];
    for (auto token : util::pieces({vary.data(), vary.size()}, ','))
        if (util::iequals(token, "Accept-Encoding") || token == "*") return true;
    return false;
}

void add_vary(response& res) {
    auto const vary = res[field::vary];
    if (vary.empty()) res.set(field::vary, "Accept-Encoding");
    else res.set(field::vary, std::string(vary.data(), vary.size()) + ", Accept-Encoding");
}

} // namespace

void encode_dynamic(request_context const& ctx, response& res) {
    auto const body = res.body().bytes.data;
    if (body.size() < min_dynamic_compress || already_negotiated(res)) return;
    auto const type = res[field::content_type];
    if (!compressible({type.data(), type.size()})) return;
    // Whatever the reader accepts, the response now depends on what it said it accepts.
    add_vary(res);
    auto const coding = choose_encoding(ctx.header(field::accept_encoding), true, true);
    if (coding.empty()) return;
    auto encoded = coding == "br" ? util::brotli_compress(body, dynamic_brotli_quality)
                                  : util::gzip_compress(body, dynamic_gzip_level);
    if (encoded.size() >= body.size()) return;
    res.body().bytes = shared_bytes::copy_of(std::move(encoded));
    res.set(field::content_encoding, coding);
}

} // namespace farol::http
