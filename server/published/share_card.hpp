#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace farol::published {

class static_assets;

struct image_size {
    unsigned width = 0, height = 0;
};

// Width and height from a PNG's signature and IHDR chunk; nullopt for anything else.
std::optional<image_size> png_size(std::string_view bytes);

// The link-preview image of a UI language (og:image), as scripts/make-images draws it.
struct share_card {
    std::string asset;    // static asset name, "img/share-<lang>.png"
    std::string language; // whose name and tagline it shows
    std::string type;     // "image/png"
    image_size size;
};

// static/img/share-<lang>.png, else the default language's card; nullopt when neither is a PNG,
// so a site without cards still renders, only without a preview image.
std::optional<share_card> find_share_card(static_assets const& assets, std::string_view lang,
                                          std::string_view default_lang);

} // namespace farol::published
