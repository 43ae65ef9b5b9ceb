#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace farol::editor {

// What an uploaded file is, decided from its bytes, and whether Farol takes it.
struct upload_verdict {
    bool ok = false;
    std::string media_type; // when ok, the type to store and serve: application/pdf, image/png,
                            // image/jpeg, image/webp, audio/mpeg, audio/ogg (RFC 7845) or audio/mp4 (RFC 4337)
    std::string kind;       // when ok: "pdf", "image" or "audio"
    std::string found;      // stable name of what the bytes are: pdf, png, jpeg, webp, mp3, ogg, m4a, or,
                            // refused, html, svg, xml, script, archive, executable, text, empty, other
    std::string detected;   // libmagic's own description, e.g. "Zip archive data, at least v2.0 to extract"
    std::string extension;  // the client's name's extension, lower case with its dot (".jpg"); "" if none
    std::string hidden;     // upload.polyglot: the second format found, "zip" or "markup" (HTML or SVG)
    std::string problem;    // "" when ok, else a catalog key: upload.empty, upload.not_allowed,
                            // upload.polyglot or upload.extension_mismatch
};

// Decides what a fully received upload is by its content, never by its name: libmagic (the system
// database, MAGIC_MIME_TYPE, then a second look for the description), refined by reading the Ogg
// codec and the MP4 brand. Accepted, with the client name's extension (any case) matching:
//   PDF .pdf; PNG .png; JPEG .jpg .jpeg; WebP .webp; MP3 (audio/mpeg) .mp3;
//   Ogg Vorbis or Opus (libmagic: audio/ogg) .ogg .opus .oga;
//   MP4 audio with the "M4A " brand (libmagic: audio/x-m4a, audio/mp4 or video/mp4) .m4a.
// Everything else is refused (upload.not_allowed), the empty file first (upload.empty). So are these
// polyglots, allowed files whose bytes are also another, dangerous format (upload.polyglot):
//   - any allowed file ending in a ZIP end-of-central-directory record (JPEG+ZIP, PDF+ZIP...): unzip
//     and Java open it as an archive, the GIFAR/JAR-upload family of attacks;
//   - a PDF with an HTML document start in its first 1,024 bytes, the classic PDF/HTML polyglot:
//     a client that sniffs content (old Internet Explorer scanned the first 256 bytes for tags)
//     renders the HTML and runs its scripts in Farol's origin;
//   - a PNG, JPEG or WebP with "<script", "<svg", "<html" or "<!doctype html" in its first 4 KiB,
//     where a browser that sniffs instead of trusting Content-Type would run it as a page.
// A refused type is named by `found`/`detected`; an extension that does not match is reported last
// (upload.extension_mismatch), after the content itself passed. Blocks on file I/O: call it from the
// worker pool. Thread-safe: each thread opens its own libmagic handle on first use (magic_t is not
// thread-safe). Throws std::system_error if the file cannot be read, std::runtime_error if libmagic
// cannot load its database.
upload_verdict check_upload(std::filesystem::path const& file, std::string_view client_name);

// An English sentence for a refusal, for logs and as the editor's fallback message, e.g. "the file is
// a JPEG image but its name ends in .pdf"; "" when the verdict is ok.
std::string upload_problem_message(upload_verdict const& verdict);

// An English noun phrase for a `found` name, e.g. "a JPEG image", "an archive"; "a file" if unknown.
std::string_view found_label(std::string_view found);

} // namespace farol::editor
