#pragma once
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace farol::editor {

// An upload that cannot be read or rewritten (a corrupt image, a password-protected PDF, audio
// TagLib cannot parse): the handler refuses it rather than store it with its metadata. what() is a
// short English reason, e.g. "the image cannot be read: VipsJpeg: Premature end of input file".
class strip_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes to `out` a copy of the upload at `in` without the metadata that can name a person or a
// place; `media_type` is check_upload()'s verdict.media_type. What each kind loses:
//   image/jpeg, image/png, image/webp (libvips, re-encoded from the decoded pixels): EXIF (camera
//     and lens, serial numbers, dates, GPS position, the orientation once applied to the pixels),
//     XMP, IPTC, the ICC colour profile (the pixels are converted to sRGB first), PNG text chunks,
//     JPEG comments and anything appended after the image. JPEG is saved at quality 90, PNG
//     losslessly, WebP at quality 90 or losslessly when the original was; animated WebP keeps its
//     frames. Images over 100 million pixels are refused.
//   application/pdf (qpdf): the document information dictionary (/Info: Title, Author, Subject,
//     Keywords, Creator, Producer, creation and modification dates), every XMP metadata stream
//     (/Metadata of the catalog, pages and images), earlier saved revisions and unused objects.
//     Pages, fonts, images, links and forms are unchanged. The trailer /ID (often derived from the
//     author's machine, path and time) is replaced by one derived from the content, so the same
//     input gives the same bytes; an encrypted PDF keeps its encryption and gets a random /ID.
//   audio/mpeg (TagLib): ID3v1, ID3v2 and APE tags (title, artist, album, comments, lyrics, cover
//     pictures...); the MPEG audio frames are unchanged.
//   audio/ogg (TagLib, Vorbis or Opus): every Vorbis comment field and embedded picture; the
//     encoder's vendor string ("libopus 1.3.1") stays, the audio packets are unchanged.
//   audio/mp4 (TagLib): every iTunes metadata item (title, artist, album, comments, cover art,
//     encoder...), then every other user data box is blanked to a "free" box of zeros: the 3GPP
//     location ("loci"), QuickTime text and location boxes, XMP; the audio track is unchanged.
// `out` is created or replaced, and removed again on failure. Blocks on file I/O and CPU: call it
// from the worker pool, never an io thread. Thread-safe. Throws strip_error when the file cannot be
// processed, std::invalid_argument for a media type check_upload() never gives or when in == out,
// std::system_error on I/O errors.
void strip_metadata(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type);

// One README-ready sentence saying what strip_metadata() removes from that media type; "" for a type
// it does not handle.
std::string_view removed_metadata_summary(std::string_view media_type);

} // namespace farol::editor
