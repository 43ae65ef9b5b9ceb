#include "editor/upload_corpus.hpp"

// qpdf 11 asks new code to say it needs no PointerHolder; its header warns otherwise (-Werror).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <zlib.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>

namespace farol::test::uploads {

namespace {

std::string little_endian(std::uint64_t value, int bytes) {
    std::string out;
    for (int i = 0; i < bytes; ++i, value >>= 8) out += static_cast<char>(value & 0xff);
    return out;
}

std::string big_endian_32(std::uint32_t value) {
    return {static_cast<char>(value >> 24), static_cast<char>(value >> 16 & 0xff), static_cast<char>(value >> 8 & 0xff),
            static_cast<char>(value & 0xff)};
}

char const xmp_packet[] =
    "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
    "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
    "xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='Ana Silva'/></rdf:RDF></x:xmpmeta>"
    "<?xpacket end='w'?>";

QPDFObjectHandle xmp_stream(QPDF& pdf) {
    auto stream = pdf.newStream(xmp_packet);
    stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    return stream;
}

} // namespace

std::string read_bytes(std::filesystem::path const& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_bytes(std::filesystem::path const& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out);
}

std::filesystem::path fixture(std::string const& name) {
    return std::filesystem::path(FAROL_SOURCE_DIR) / "tests" / "fixtures" / "uploads" / name;
}

void start_vips() {
    static std::once_flag once;
    std::call_once(once, [] { REQUIRE(VIPS_INIT("farol_tests") == 0); });
}

vips::VImage two_tone() {
    start_vips();
    auto const dark = vips::VImage::black(6, 8) + 20;
    auto const light = vips::VImage::black(6, 8) + 235;
    return dark.join(light, VIPS_DIRECTION_HORIZONTAL)
        .cast(VIPS_FORMAT_UCHAR)
        .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_B_W))
        .colourspace(VIPS_INTERPRETATION_sRGB);
}

std::string encode(vips::VImage const& image, char const* suffix) {
    void* buffer = nullptr;
    std::size_t size = 0;
    image.write_to_buffer(suffix, &buffer, &size);
    std::string bytes(static_cast<char const*>(buffer), size);
    g_free(buffer);
    return bytes;
}

std::string image_with_metadata(char const* suffix) {
    auto image = two_tone().copy();
    image.set("exif-ifd0-Artist", "Ana Silva");
    image.set("exif-ifd3-GPSLatitudeRef", "N");
    image.set("exif-ifd3-GPSLatitude", "38/1 43/1 2012/100");
    image.set("exif-ifd3-GPSLongitudeRef", "W");
    image.set("exif-ifd3-GPSLongitude", "9/1 8/1 2148/100");
    image.set("orientation", 6);
    vips_image_set_blob_copy(image.get_image(), "xmp-data", xmp_packet, sizeof xmp_packet - 1);
    image.set("png-comment-0-Author", "Ana Silva");
    auto const encoded = encode(image, suffix);
    if (std::string_view(suffix) != ".png") return encoded;
    // libvips 8.14 writes no EXIF into a PNG: take the JPEG's and add it as an eXIf chunk (PNG 3rd
    // edition), which must come before the image data; right after IHDR is the usual place.
    auto const jpeg = vips::VImage::new_from_buffer(encode(image, ".jpg"), "");
    std::size_t size = 0;
    auto const* exif = static_cast<char const*>(jpeg.get_blob("exif-data", &size));
    REQUIRE(std::string_view(exif, 6) == std::string_view("Exif\0\0", 6));
    return png_with_chunk(encoded, "eXIf", std::string_view(exif + 6, size - 6));
}

std::string png_with_chunk(std::string_view png, std::string_view type, std::string_view data) {
    std::string const body = std::string(type) + std::string(data);
    auto const crc = crc32(0, reinterpret_cast<Bytef const*>(body.data()), static_cast<uInt>(body.size()));
    std::string const chunk = big_endian_32(static_cast<std::uint32_t>(data.size())) + body + big_endian_32(crc);
    constexpr std::size_t after_ihdr = 8 + 25; // signature, then IHDR: length, type, 13 bytes, CRC
    REQUIRE(png.substr(12, 4) == "IHDR");
    return std::string(png.substr(0, after_ihdr)) + chunk + std::string(png.substr(after_ihdr));
}

std::string pdf(bool with_metadata, char const* user_password) {
    QPDF pdf;
    pdf.emptyPDF();
    auto page = pdf.makeIndirectObject(
        QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 100] /Resources << >> >>"));
    page.replaceKey("/Contents", pdf.newStream("0 0 m 200 100 l S"));
    if (with_metadata) {
        page.replaceKey("/Metadata", xmp_stream(pdf));
        pdf.getRoot().replaceKey("/Metadata", xmp_stream(pdf));
        pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(QPDFObjectHandle::parse(
                                                 "<< /Author (Ana Silva) /Title (Leaflet) "
                                                 "/CreationDate (D:20260101120000Z) >>")));
    }
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(page), false);
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setStaticID(true);
    writer.setCompressStreams(false); // plain text, so a test can also search the bytes
    if (user_password != nullptr)
        writer.setR6EncryptionParameters(user_password, "owner", true, true, true, true, true, false, qpdf_r3p_full,
                                         true);
    writer.write();
    auto const buffer = writer.getBufferSharedPointer();
    return {reinterpret_cast<char const*>(buffer->getBuffer()), buffer->getSize()};
}

std::string mp3_frames(int count) {
    // Sync, MPEG-1, Layer III, no CRC | 128 kbit/s, 44.1 kHz, no padding | mono.
    std::string const frame = std::string("\xff\xfb\x90\xc0", 4) + std::string(417 - 4, '\0');
    std::string frames;
    for (int i = 0; i < count; ++i) frames += frame;
    return frames;
}

std::string zip_archive(std::string_view text) {
    std::string const name = "notes.txt";
    auto const crc = crc32(0, reinterpret_cast<Bytef const*>(text.data()), static_cast<uInt>(text.size()));
    // Version 2.0 needed, no flags, stored, a fixed DOS date, CRC, sizes, name length, no extra field.
    std::string const common = little_endian(20, 2) + little_endian(0, 2) + little_endian(0, 2) +
                               little_endian(0, 2) + little_endian(0x5c21, 2) + little_endian(crc, 4) +
                               little_endian(text.size(), 4) + little_endian(text.size(), 4) +
                               little_endian(name.size(), 2) + little_endian(0, 2);
    std::string const local = "PK\x03\x04" + common + name + std::string(text);
    std::string const central = "PK\x01\x02" + little_endian(0x031e, 2) + common + little_endian(0, 2) +
                                little_endian(0, 2) + little_endian(0, 2) + little_endian(0, 4) +
                                little_endian(0, 4) + name;
    std::string const end = std::string("PK\x05\x06", 4) + little_endian(0, 2) + little_endian(0, 2) +
                            little_endian(1, 2) + little_endian(1, 2) + little_endian(central.size(), 4) +
                            little_endian(local.size(), 4) + little_endian(0, 2);
    return local + central + end;
}

std::string tar_archive(std::string_view text) {
    std::string header(512, '\0');
    auto const field = [&](std::size_t at, std::string_view value) { header.replace(at, value.size(), value); };
    char size[12];
    std::snprintf(size, sizeof size, "%011o", static_cast<unsigned>(text.size()));
    field(0, "notes.txt");
    field(100, "0000644");
    field(124, size);
    field(136, "00000000000");
    field(156, "0"); // a regular file
    field(257, std::string_view("ustar\0" "00", 8));
    // The checksum: the sum of the header's bytes with its own field counted as spaces.
    field(148, "        ");
    unsigned sum = 0;
    for (unsigned char c : header) sum += c;
    char checksum[8];
    std::snprintf(checksum, sizeof checksum, "%06o", sum);
    field(148, std::string_view(checksum, 7));
    std::string data(text);
    data.resize((text.size() + 511) / 512 * 512, '\0');
    return header + data + std::string(1024, '\0'); // two zero blocks end the archive
}

std::string elf_header() {
    std::string header("\x7f" "ELF\x02\x01\x01", 7); // 64-bit, little-endian, version 1
    header += std::string(9, '\0');
    header += little_endian(2, 2) + little_endian(0x3e, 2) + little_endian(1, 4); // executable, x86-64
    header += little_endian(0x401000, 8) + little_endian(64, 8) + little_endian(0, 8); // entry, phoff, shoff
    header += little_endian(0, 4) + little_endian(64, 2) + little_endian(56, 2) + little_endian(0, 2) +
              little_endian(64, 2) + little_endian(0, 2) + little_endian(0, 2);
    return header;
}

std::string ogg_first_page(std::string_view packet) {
    REQUIRE(packet.size() < 255); // one lacing value
    return std::string("OggS\0\x02", 6) + std::string(8, '\0') + little_endian(1, 4) + little_endian(0, 4) +
           little_endian(0, 4) + std::string(1, '\x01') + static_cast<char>(packet.size()) + std::string(packet);
}

} // namespace farol::test::uploads
