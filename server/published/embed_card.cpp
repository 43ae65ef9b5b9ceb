#include "published/embed_card.hpp"

#include <sodium.h>

#include <stdexcept>

namespace farol::published {

std::string csp_hash_source(std::string_view text) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<unsigned char const*>(text.data()), text.size());
    char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return "'sha256-" + std::string(b64) + "'";
}

embed_card::embed_card(std::string const& html, std::string campaign, std::string language)
    : campaign_(std::move(campaign)), language_(std::move(language)) {
    std::size_t from = 0;
    for (;;) {
        auto const at = html.find('\x01', from);
        if (at == std::string::npos) break;
        if (at + 2 >= html.size() || html[at + 2] != '\x01' || std::string_view("tasb").find(html[at + 1]) == std::string_view::npos)
            throw std::invalid_argument("embed card: a stray marker at byte " + std::to_string(at));
        text_.push_back(html.substr(from, at - from));
        holes_.push_back(html[at + 1]);
        from = at + 3;
    }
    text_.push_back(html.substr(from));
    for (auto const& t : text_) size_ += t.size();
}

std::string embed_card::fill(embed_fill const& f) const {
    std::string out;
    out.reserve(size_ + f.accent_style.size() + f.beacon.size() + 2 * f.source_query.size() + 8);
    for (std::size_t i = 0; i < holes_.size(); ++i) {
        out += text_[i];
        switch (holes_[i]) {
        case 't': out += f.theme; break;
        case 'a': out += f.accent_style; break;
        case 's': out += f.source_query; break;
        case 'b': out += f.beacon; break;
        }
    }
    if (!text_.empty()) out += text_.back();
    return out;
}

} // namespace farol::published
