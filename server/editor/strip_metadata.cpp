#include "editor/strip_metadata.hpp"

#include "editor/audio_strip.hpp"
#include "editor/image_strip.hpp"
#include "editor/pdf_strip.hpp"

#include <string>
#include <system_error>

namespace farol::editor {

namespace {

void strip_by_type(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type) {
    if (media_type == "application/pdf") {
        strip_pdf(in, out);
    } else if (media_type.starts_with("image/")) {
        strip_image(in, out, media_type);
    } else {
        strip_audio(in, out, media_type);
    }
}

} // namespace

void strip_metadata(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type) {
    if (removed_metadata_summary(media_type).empty())
        throw std::invalid_argument("no metadata stripping for " + std::string(media_type));
    std::error_code same_error;
    if (std::filesystem::equivalent(in, out, same_error))
        throw std::invalid_argument("strip_metadata needs an output other than its input");
    try {
        strip_by_type(in, out, media_type);
    } catch (...) {
        std::error_code ignored; // a half-written output must not be mistaken for a stripped one
        std::filesystem::remove(out, ignored);
        throw;
    }
}

std::string_view removed_metadata_summary(std::string_view media_type) {
    if (media_type == "image/jpeg" || media_type == "image/png" || media_type == "image/webp")
        return "Images are re-encoded without EXIF (camera, serial numbers, dates, GPS position; the "
               "orientation is applied to the pixels first), XMP, IPTC, the ICC colour profile (colours "
               "converted to sRGB first), text comments or anything appended after the image.";
    if (media_type == "application/pdf")
        return "PDFs lose their document information (title, author, subject, keywords, creator and "
               "producer applications, creation and modification dates), every XMP metadata stream and "
               "earlier saved revisions; the pages themselves are unchanged.";
    if (media_type == "audio/mpeg")
        return "MP3 files lose their ID3v1, ID3v2 and APE tags (title, artist, album, comments, lyrics, "
               "cover pictures); the audio is unchanged.";
    if (media_type == "audio/ogg")
        return "Ogg Vorbis and Opus files lose every comment field and embedded picture; the audio and "
               "the encoder's name are unchanged.";
    if (media_type == "audio/mp4")
        return "M4A files lose every metadata item (title, artist, album, comments, cover art, encoder) "
               "and every other user data box (recording location, XMP); the audio is unchanged.";
    return "";
}

} // namespace farol::editor
