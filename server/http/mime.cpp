#include "http/mime.hpp"

#include "util/strings.hpp"

#include <array>
#include <utility>

namespace farol::http {

std::string_view mime_type_for(std::string_view file_name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> table{{
        {"html", "text/html; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"json", "application/json"},
        {"webmanifest", "application/manifest+json"},
        {"xml", "application/xml; charset=utf-8"},
        {"txt", "text/plain; charset=utf-8"},
        {"md", "text/markdown; charset=utf-8"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"avif", "image/avif"},
        {"ico", "image/x-icon"},
        {"pdf", "application/pdf"},
        {"mp3", "audio/mpeg"},
        {"ogg", "audio/ogg"},
        {"opus", "audio/ogg"},
        {"m4a", "audio/mp4"},
        {"mp4", "video/mp4"},
        {"woff2", "font/woff2"},
        {"zip", "application/zip"},
        {"epub", "application/epub+zip"},
    }};
    auto const dot = file_name.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    auto const ext = util::to_lower(file_name.substr(dot + 1));
    for (auto const& [e, type] : table)
        if (e == ext) return type;
    return "application/octet-stream";
}

bool compressible(std::string_view type) {
    return util::starts_with(type, "text/") || util::starts_with(type, "application/json") ||
           util::starts_with(type, "application/manifest+json") || util::starts_with(type, "application/xml") ||
           util::starts_with(type, "image/svg+xml") || util::starts_with(type, "application/problem+json");
}

} // namespace farol::http
