#include "util/media_types.hpp"

#include "util/strings.hpp"

#include <array>

namespace farol::util {

namespace {

struct entry {
    std::string_view extension;
    std::string_view type;
    bool material; // a reader may download it from a campaign page
};

constexpr std::array<entry, 26> table{{
    {"html", "text/html; charset=utf-8", false},
    {"css", "text/css; charset=utf-8", false},
    {"js", "text/javascript; charset=utf-8", false},
    {"mjs", "text/javascript; charset=utf-8", false},
    {"json", "application/json", false},
    {"webmanifest", "application/manifest+json", false},
    {"xml", "application/xml; charset=utf-8", false},
    {"txt", "text/plain; charset=utf-8", true},
    {"md", "text/markdown; charset=utf-8", false},
    {"svg", "image/svg+xml", false},
    {"png", "image/png", true},
    {"jpg", "image/jpeg", true},
    {"jpeg", "image/jpeg", true},
    {"gif", "image/gif", false},
    {"webp", "image/webp", true},
    {"avif", "image/avif", false},
    {"ico", "image/x-icon", false},
    {"pdf", "application/pdf", true},
    {"mp3", "audio/mpeg", true},
    {"ogg", "audio/ogg", true},
    {"opus", "audio/ogg", true},
    {"m4a", "audio/mp4", true},
    {"mp4", "video/mp4", false},
    {"woff2", "font/woff2", false},
    {"zip", "application/zip", false},
    {"epub", "application/epub+zip", false},
}};

entry const* find(std::string_view file_name) {
    auto const dot = file_name.rfind('.');
    if (dot == std::string_view::npos) return nullptr;
    auto const ext = file_name.substr(dot + 1);
    for (auto const& e : table)
        if (iequals(e.extension, ext)) return &e;
    return nullptr;
}

} // namespace

std::string_view media_type_for(std::string_view file_name) {
    auto const* e = find(file_name);
    return e ? e->type : "application/octet-stream";
}

std::string_view material_media_type(std::string_view file_name) {
    auto const* e = find(file_name);
    return e && e->material ? e->type : std::string_view{};
}

std::string_view material_extension(std::string_view media_type) {
    for (auto const& e : table) // the first of a type is its usual extension: jpg before jpeg, ogg before opus
        if (e.material && e.type == media_type) return e.extension;
    return {};
}

std::string material_extensions() {
    std::string out;
    for (auto const& e : table) {
        if (!e.material) continue;
        if (!out.empty()) out += ", ";
        out += e.extension;
    }
    return out;
}

} // namespace farol::util
