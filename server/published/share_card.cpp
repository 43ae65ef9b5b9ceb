#include "published/share_card.hpp"

#include "published/static_assets.hpp"

namespace farol::published {

namespace {

constexpr std::string_view png_signature{"\x89PNG\r\n\x1a\n", 8};

unsigned big_endian_32(std::string_view b, std::size_t at) {
    auto const byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(b[at + i])); };
    return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
}

std::optional<share_card> card_of(static_assets const& assets, std::string_view lang) {
    auto name = "img/share-" + std::string(lang) + ".png";
    auto const* a = assets.find(name);
    if (!a) return std::nullopt;
    auto const size = png_size(a->rep.identity.bytes.data);
    if (!size) return std::nullopt;
    return share_card{std::move(name), std::string(lang), "image/png", *size};
}

} // namespace

std::optional<image_size> png_size(std::string_view bytes) {
    // Signature, then the first chunk, which must be IHDR: length 13, "IHDR", width, height.
    if (bytes.size() < 24 || !bytes.starts_with(png_signature) || bytes.substr(12, 4) != "IHDR") return std::nullopt;
    image_size size{big_endian_32(bytes, 16), big_endian_32(bytes, 20)};
    if (size.width == 0 || size.height == 0) return std::nullopt;
    return size;
}

std::optional<share_card> find_share_card(static_assets const& assets, std::string_view lang,
                                          std::string_view default_lang) {
    if (auto card = card_of(assets, lang)) return card;
    return card_of(assets, default_lang);
}

} // namespace farol::published
