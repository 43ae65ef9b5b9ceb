#include "editor/upload_type.hpp"

#include "editor/upload_bytes.hpp"

#include <magic.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace farol::editor {

namespace {

constexpr std::size_t head_bytes = 4096; // the widest window a check reads: the image markup scan
constexpr std::size_t pdf_markup_window = 1024;

// One libmagic handle per thread, opened on first use and closed when the thread ends.
class magic_handle {
public:
    ~magic_handle() {
        if (cookie_ != nullptr) magic_close(cookie_);
    }

    magic_t get() {
        if (cookie_ != nullptr) return cookie_;
        // MAGIC_ERROR: a file that cannot be opened is an error, not a description saying so.
        magic_t const cookie = magic_open(MAGIC_ERROR);
        if (cookie == nullptr) throw std::runtime_error("libmagic cannot start");
        if (magic_load(cookie, nullptr) != 0) {
            std::string const why = magic_error(cookie) != nullptr ? magic_error(cookie) : "unknown error";
            magic_close(cookie);
            throw std::runtime_error("libmagic cannot load its database: " + why);
        }
        return cookie_ = cookie;
    }

private:
    magic_t cookie_ = nullptr;
};

std::string ask_magic(std::filesystem::path const& file, int flags) {
    thread_local magic_handle handle;
    magic_t const cookie = handle.get();
    magic_setflags(cookie, MAGIC_ERROR | flags);
    char const* answer = magic_file(cookie, file.c_str());
    if (answer == nullptr) {
        std::string const why = magic_error(cookie) != nullptr ? magic_error(cookie) : "unknown error";
        throw std::runtime_error("libmagic cannot read " + file.string() + ": " + why);
    }
    return answer;
}

struct allowed_type {
    std::string_view found;
    std::string_view media_type;
    std::string_view kind;
    std::array<std::string_view, 3> extensions; // "" fills the unused places
};

constexpr std::array<allowed_type, 7> allowed{{
    {"pdf", "application/pdf", "pdf", {".pdf"}},
    {"png", "image/png", "image", {".png"}},
    {"jpeg", "image/jpeg", "image", {".jpg", ".jpeg"}},
    {"webp", "image/webp", "image", {".webp"}},
    {"mp3", "audio/mpeg", "audio", {".mp3"}},
    {"ogg", "audio/ogg", "audio", {".ogg", ".opus", ".oga"}},
    {"m4a", "audio/mp4", "audio", {".m4a"}},
}};

allowed_type const* allowed_by_found(std::string_view found) {
    auto const it = std::find_if(allowed.begin(), allowed.end(), [&](auto const& a) { return a.found == found; });
    return it == allowed.end() ? nullptr : &*it;
}

template <std::size_t n> bool one_of(std::string_view mime, std::array<std::string_view, n> const& list) {
    return std::find(list.begin(), list.end(), mime) != list.end();
}

// Names what libmagic 5.44 (Debian 12) reports as the types Farol refuses.
std::string_view refused_found(std::string_view mime) {
    static constexpr std::array<std::string_view, 18> archives{
        "application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
        "application/x-7z-compressed", "application/x-rar", "application/vnd.rar", "application/x-bzip2",
        "application/x-xz", "application/zstd", "application/x-lzip", "application/x-lzma",
        "application/java-archive", "application/x-compress", "application/x-archive", "application/x-cpio",
        "application/vnd.debian.binary-package", "application/x-rpm"};
    static constexpr std::array<std::string_view, 9> executables{
        "application/x-executable", "application/x-pie-executable", "application/x-sharedlib",
        "application/x-object", "application/x-dosexec", "application/vnd.microsoft.portable-executable",
        "application/x-mach-binary", "application/x-msdownload", "application/x-coredump"};
    static constexpr std::array<std::string_view, 10> scripts{
        "text/x-shellscript", "text/x-php", "text/x-perl", "text/x-python", "text/x-script.python",
        "text/x-ruby", "text/x-lua", "text/x-tcl", "text/x-awk", "text/x-msdos-batch"};
    if (mime == "inode/x-empty") return "empty";
    if (mime == "image/svg+xml") return "svg";
    if (mime == "text/html") return "html";
    if (mime == "text/xml" || mime == "application/xml") return "xml";
    if (one_of(mime, scripts) || mime.find("javascript") != std::string_view::npos) return "script";
    if (one_of(mime, archives)) return "archive";
    if (one_of(mime, executables)) return "executable";
    if (mime.starts_with("text/")) return "text";
    return "other";
}

// The `found` name for libmagic's MIME type, refined by the bytes where libmagic is too coarse: an Ogg
// stream must be Vorbis or Opus, an MP4 must carry the "M4A " brand.
std::string_view classify(std::string_view mime, std::string_view head) {
    if (mime == "application/pdf") return "pdf";
    if (mime == "image/png") return "png";
    if (mime == "image/jpeg") return "jpeg";
    if (mime == "image/webp") return "webp";
    if (mime == "audio/mpeg") return "mp3";
    if (mime == "audio/ogg") return first_ogg_codec(head) == ogg_codec::other ? "other" : "ogg";
    if (mime == "audio/x-m4a" || mime == "audio/mp4" || mime == "video/mp4")
        return has_m4a_brand(head) ? "m4a" : "other";
    return refused_found(mime);
}

// The client's name's extension: after its last '/' or '\' (old browsers sent a whole Windows path),
// from its last '.', in ASCII lower case.
std::string extension_of(std::string_view client_name) {
    if (auto const slash = client_name.find_last_of("/\\"); slash != std::string_view::npos)
        client_name.remove_prefix(slash + 1);
    auto const dot = client_name.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == client_name.size()) return "";
    std::string extension(client_name.substr(dot));
    for (char& c : extension)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return extension;
}

// "zip" or "markup" when an allowed file also parses as something dangerous, else "".
std::string_view hidden_format(allowed_type const& type, file_ends const& ends) {
    if (has_zip_end_record(ends.tail)) return "zip";
    std::string_view const head = ends.head;
    if (type.kind == "pdf" && has_markup_start(head.substr(0, std::min(head.size(), pdf_markup_window))))
        return "markup";
    if (type.kind == "image" && has_markup_start(head)) return "markup";
    return "";
}

} // namespace

upload_verdict check_upload(std::filesystem::path const& file, std::string_view client_name) {
    upload_verdict verdict;
    verdict.extension = extension_of(client_name);
    auto const ends = read_ends(file, head_bytes, zip_end_record_reach);
    if (ends.size == 0) {
        verdict.found = "empty";
        verdict.detected = "empty";
        verdict.problem = "upload.empty";
        return verdict;
    }
    auto const mime = ask_magic(file, MAGIC_MIME_TYPE);
    verdict.detected = ask_magic(file, MAGIC_NONE);
    verdict.found = classify(mime, ends.head);
    auto const* type = allowed_by_found(verdict.found);
    if (type == nullptr) {
        verdict.problem = verdict.found == "empty" ? "upload.empty" : "upload.not_allowed";
        return verdict;
    }
    verdict.hidden = hidden_format(*type, ends);
    if (!verdict.hidden.empty()) {
        verdict.problem = "upload.polyglot";
        return verdict;
    }
    auto const& names = type->extensions;
    if (verdict.extension.empty() || std::find(names.begin(), names.end(), verdict.extension) == names.end()) {
        verdict.problem = "upload.extension_mismatch";
        return verdict;
    }
    verdict.ok = true;
    verdict.media_type = type->media_type;
    verdict.kind = type->kind;
    return verdict;
}

std::string_view found_label(std::string_view found) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> labels{{
        {"pdf", "a PDF document"}, {"png", "a PNG image"}, {"jpeg", "a JPEG image"}, {"webp", "a WebP image"},
        {"mp3", "an MP3 audio file"}, {"ogg", "an Ogg audio file"}, {"m4a", "an M4A audio file"},
        {"html", "an HTML document"}, {"svg", "an SVG image"}, {"xml", "an XML document"},
        {"script", "a script"}, {"archive", "an archive"}, {"executable", "an executable program"},
        {"text", "a text file"}, {"empty", "an empty file"}, {"other", "a file of a type Farol does not take"},
        {"markup", "HTML or SVG markup"},
    }};
    auto const it = std::find_if(labels.begin(), labels.end(), [&](auto const& l) { return l.first == found; });
    return it == labels.end() ? "a file" : it->second;
}

std::string upload_problem_message(upload_verdict const& verdict) {
    std::string const is = "the file is " + std::string(found_label(verdict.found));
    if (verdict.problem.empty()) return "";
    if (verdict.problem == "upload.empty") return "the file is empty";
    if (verdict.problem == "upload.not_allowed") {
        auto const what =
            verdict.found == "other" ? "the file is " + verdict.detected : is + " (" + verdict.detected + ")";
        return what + ", which cannot be uploaded: only PDF, PNG, JPEG, WebP, MP3, Ogg and M4A files can";
    }
    if (verdict.problem == "upload.polyglot")
        return is + " but it also holds " +
               std::string(verdict.hidden == "zip" ? "a ZIP archive" : found_label("markup"));
    if (verdict.extension.empty()) return is + " but its name has no extension";
    return is + " but its name ends in " + verdict.extension;
}

} // namespace farol::editor
