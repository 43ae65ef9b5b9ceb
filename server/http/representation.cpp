#include "http/representation.hpp"

#include "http/conditional.hpp"
#include "http/mime.hpp"
#include "http/response.hpp"
#include "util/compress.hpp"
#include "util/hash.hpp"

namespace farol::http {

namespace {

constexpr std::size_t min_compress_size = 200;

std::optional<representation::encoded> encode_if_smaller(std::string bytes, std::size_t original,
                                                         std::string const& hash, std::string_view suffix) {
    if (bytes.size() + 32 >= original) return std::nullopt;
    auto etag = "\"" + hash + std::string(suffix) + "\"";
    return representation::encoded{shared_bytes::copy_of(std::move(bytes)), std::move(etag)};
}

void set_common(response& res, representation const& rep, representation::encoded const& enc,
                std::string_view coding) {
    res.set(field::etag, enc.etag);
    if (!rep.cache_control.empty()) res.set(field::cache_control, rep.cache_control);
    if (rep.gzip || rep.br) res.set(field::vary, "Accept-Encoding");
    if (!coding.empty()) res.set(field::content_encoding, coding);
}

} // namespace

representation make_representation(shared_bytes bytes, std::string content_type, std::string cache_control,
                                   int brotli_quality) {
    representation rep;
    auto const hash = util::content_hash(bytes.data);
    rep.identity = {bytes, "\"" + hash + "\""};
    if (compressible(content_type) && bytes.data.size() >= min_compress_size) {
        rep.gzip = encode_if_smaller(util::gzip_compress(bytes.data), bytes.data.size(), hash, "-gz");
        auto const suffix = brotli_quality == best_brotli_quality ? std::string("-br") : "-br" + std::to_string(brotli_quality);
        rep.br = encode_if_smaller(util::brotli_compress(bytes.data, brotli_quality), bytes.data.size(), hash, suffix);
        rep.br_quality = brotli_quality;
    }
    rep.content_type = std::move(content_type);
    rep.cache_control = std::move(cache_control);
    return rep;
}

response serve(request_context const& ctx, representation const& rep) {
    auto const coding = choose_encoding(ctx.header(field::accept_encoding), rep.br.has_value(), rep.gzip.has_value());
    auto const& enc = coding == "br" ? *rep.br : coding == "gzip" ? *rep.gzip : rep.identity;

    if (auto inm = ctx.header(field::if_none_match); !inm.empty() && if_none_match_matches(inm, enc.etag)) {
        response res = make_empty(status::not_modified);
        res.erase(field::content_length);
        set_common(res, rep, enc, "");
        return res;
    }

    auto const size = enc.bytes.data.size();
    range_result range;
    if (auto r = ctx.header(field::range); !r.empty()) {
        auto const if_range = ctx.header(field::if_range);
        if (if_range.empty() || if_range_matches(if_range, enc.etag)) range = parse_range(r, size);
    }

    response res;
    if (range.kind == range_result::unsatisfiable) {
        res = make_empty(status::range_not_satisfiable);
        res.set(field::content_range, "bytes */" + std::to_string(size));
        set_common(res, rep, enc, coding);
        return res;
    }
    if (range.kind == range_result::satisfiable) {
        shared_bytes part{enc.bytes.owner, enc.bytes.data.substr(range.range.first, range.range.length())};
        res = make_bytes(status::partial_content, std::move(part), rep.content_type);
        res.set(field::content_range, "bytes " + std::to_string(range.range.first) + "-" +
                                          std::to_string(range.range.last) + "/" + std::to_string(size));
    } else {
        res = make_bytes(status::ok, enc.bytes, rep.content_type);
    }
    res.set(field::accept_ranges, "bytes");
    if (!rep.content_disposition.empty()) res.set(field::content_disposition, rep.content_disposition);
    set_common(res, rep, enc, coding);
    return res;
}

} // namespace farol::http
