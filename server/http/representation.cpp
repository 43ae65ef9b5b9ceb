#include "http/representation.hpp"

#include "http/conditional.hpp"
#include "http/http_error.hpp"
#include "http/mime.hpp"
#include "http/response.hpp"
#include "http/wire.hpp"
#include "util/compress.hpp"
#include "util/hash.hpp"

#include <stdexcept>


namespace farol::http {

namespace {

constexpr std::size_t min_compress_size = 200;

std::optional<representation::encoded> encode_if_smaller(std::string bytes, std::size_t original,
                                                         std::string const& hash, std::string_view suffix) {
    if (bytes.size() + 32 >= original) return std::nullopt;
    auto etag = "\"" + hash + std::string(suffix) + "\"";
    return representation::encoded{shared_bytes::copy_of(std::move(bytes)), std::move(etag)};
}

// The representation's headers go straight into the payload's prebuilt lines: a page served
// tens of thousands of times a second should not allocate a Beast field node per header.
void append_common(std::string& lines, representation const& rep, representation::encoded const& enc,
                   std::string_view coding, std::string_view cache_control) {
    append_field("ETag", enc.etag, lines);
    if (cache_control.empty()) cache_control = rep.cache_control;
    if (!cache_control.empty()) append_field("Cache-Control", cache_control, lines);
    if (rep.gzip || rep.br || rep.varies) lines += "Vary: Accept-Encoding\r\n";
    if (!coding.empty()) append_field("Content-Encoding", coding, lines);
}

response with_lines(status s, shared_bytes body, std::string lines) {
    response res{s, 11};
    res.body().bytes = std::move(body);
    res.body().head_lines = std::move(lines);
    return res;
}

} // namespace

representation make_representation(shared_bytes bytes, std::string content_type, std::string cache_control,
                                   int brotli_quality, std::string_view known_hash) {
    representation rep;
    auto const hash = known_hash.empty() ? util::content_hash(bytes.data) : std::string(known_hash);
    rep.identity = {bytes, "\"" + hash + "\""};
    rep.br_quality = brotli_quality; // as asked, even where brotli does not pay off
    if (compressible(content_type) && bytes.data.size() >= min_compress_size) {
        // A fast build is fast in both encodings; the ETags say which bytes these are.
        bool const best = brotli_quality >= best_brotli_quality;
        rep.gzip = encode_if_smaller(util::gzip_compress(bytes.data, best ? 9 : 1), bytes.data.size(), hash,
                                     best ? "-gz" : "-gz1");
        if (brotli_quality > 0) {
            auto const suffix = best ? std::string("-br") : "-br" + std::to_string(brotli_quality);
            rep.br = encode_if_smaller(util::brotli_compress(bytes.data, brotli_quality), bytes.data.size(), hash,
                                       suffix);
        }
    }
    rep.content_type = std::move(content_type);
    rep.cache_control = std::move(cache_control);
    return rep;
}

std::pair<representation::encoded const&, std::string_view> choose_variant(representation const& rep,
                                                                           std::string_view accept_encoding) {
    auto const coding = choose_encoding(accept_encoding, rep.br.has_value(), rep.gzip.has_value());
    return {coding == "br" ? *rep.br : coding == "gzip" ? *rep.gzip : rep.identity, coding};
}

representation negotiated_representation(request_context const& ctx, std::string body, std::string content_type,
                                         std::string cache_control) {
    representation rep;
    auto const hash = util::content_hash(body);
    rep.identity.etag = "\"" + hash + "\"";
    rep.content_type = std::move(content_type);
    rep.cache_control = std::move(cache_control);
    auto const coding = choose_encoding(ctx.header(field::accept_encoding), true, true);
    auto const suffix = coding == "br" ? "-br5" : "-gz6";
    auto const etag = "\"" + hash + suffix + "\"";
    rep.varies = body.size() >= min_compress_size && compressible(rep.content_type);
    bool const worth = rep.varies && !coding.empty();
    if (worth && !if_none_match_matches(ctx.header(field::if_none_match), etag)) {
        auto packed = coding == "br" ? util::brotli_compress(body, 5) : util::gzip_compress(body, 6);
        if (packed.size() + 32 < body.size())
            (coding == "br" ? rep.br : rep.gzip) = representation::encoded{shared_bytes::copy_of(std::move(packed)), etag};
    } else if (worth) {
        (coding == "br" ? rep.br : rep.gzip) = representation::encoded{{}, etag}; // a 304 sends no bytes
    }
    rep.identity.bytes = shared_bytes::copy_of(std::move(body));
    return rep;
}

representation gzip_held_representation(request_context const& ctx, shared_bytes gzip, std::string_view hash,
                                        std::string_view gzip_suffix, std::string content_type,
                                        std::string cache_control) {
    representation rep;
    rep.content_type = std::move(content_type);
    rep.cache_control = std::move(cache_control);
    rep.varies = true;
    rep.identity.etag = "\"" + std::string(hash) + "\"";
    if (choose_encoding(ctx.header(field::accept_encoding), false, true) == "gzip") {
        rep.gzip = representation::encoded{std::move(gzip), "\"" + std::string(hash) + std::string(gzip_suffix) + "\""};
        return rep;
    }
    if (if_none_match_matches(ctx.header(field::if_none_match), rep.identity.etag)) return rep;
    auto plain = util::gzip_decompress(gzip.data);
    if (!plain) throw std::runtime_error("held gzip bytes do not inflate");
    rep.identity.bytes = shared_bytes::copy_of(std::move(*plain));
    return rep;
}

response serve(request_context const& ctx, representation const& rep, std::string_view cache_control) {
    auto const [enc, coding] = choose_variant(rep, ctx.header(field::accept_encoding));
    std::string lines;
    lines.reserve(320);

    switch (evaluate_preconditions(ctx, enc.etag)) {
    case precondition::failed:
        throw http_error(status::precondition_failed, "The file has changed since you last asked for it.");
    case precondition::not_modified:
        append_common(lines, rep, enc, "", cache_control);
        return with_lines(status::not_modified, {}, std::move(lines));
    case precondition::proceed:
        break;
    }

    auto const size = enc.bytes.data.size();
    range_result range;
    if (auto r = ctx.header(field::range); !r.empty() && range_applies(ctx, enc.etag)) range = parse_range(r, size);

    if (range.kind == range_result::unsatisfiable) {
        append_field("Content-Range", "bytes */" + std::to_string(size), lines);
        append_common(lines, rep, enc, coding, cache_control);
        return with_lines(status::range_not_satisfiable, {}, std::move(lines));
    }
    auto s = status::ok;
    shared_bytes body = enc.bytes;
    append_field("Content-Type", rep.content_type, lines);
    if (range.kind == range_result::satisfiable) {
        s = status::partial_content;
        body.data = body.data.substr(range.range.first, range.range.length());
        append_field("Content-Range", "bytes " + std::to_string(range.range.first) + "-" +
                                          std::to_string(range.range.last) + "/" + std::to_string(size), lines);
    }
    lines += "Accept-Ranges: bytes\r\n";
    if (!rep.content_disposition.empty()) append_field("Content-Disposition", rep.content_disposition, lines);
    append_common(lines, rep, enc, coding, cache_control);
    return with_lines(s, std::move(body), std::move(lines));
}

} // namespace farol::http
