#include "editor/audio_strip.hpp"

#include "editor/mp4_user_data.hpp"
#include "editor/strip_metadata.hpp"
#include "editor/upload_bytes.hpp"

#include <taglib/mp4file.h>
#include <taglib/mpegfile.h>
#include <taglib/opusfile.h>
#include <taglib/vorbisfile.h>
#include <taglib/xiphcomment.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace farol::editor {

namespace {

// TagLib opens a file it cannot parse without throwing: isValid() and a sample rate read from a
// real stream header tell.
void require_audio(TagLib::File const& file, TagLib::AudioProperties const* properties, std::string_view what) {
    if (!file.isValid() || properties == nullptr || properties->sampleRate() <= 0)
        throw strip_error("the audio cannot be read as " + std::string(what));
}

void strip_mp3(std::filesystem::path const& file) {
    TagLib::MPEG::File mp3(file.c_str());
    require_audio(mp3, mp3.audioProperties(), "MP3");
    if (!mp3.strip(TagLib::MPEG::File::AllTags)) throw strip_error("the MP3 tags cannot be removed");
}

template <typename ogg_file> void strip_xiph_comment(std::filesystem::path const& file, std::string_view what) {
    ogg_file ogg(file.c_str());
    require_audio(ogg, ogg.audioProperties(), what);
    auto* comment = ogg.tag();
    comment->removeAllFields();
    comment->removeAllPictures();
    if (!ogg.save()) throw strip_error("the Ogg comments cannot be removed");
}

void strip_ogg(std::filesystem::path const& file) {
    switch (first_ogg_codec(read_ends(file, 512, 0).head)) {
    case ogg_codec::vorbis: strip_xiph_comment<TagLib::Ogg::Vorbis::File>(file, "Ogg Vorbis"); return;
    case ogg_codec::opus: strip_xiph_comment<TagLib::Ogg::Opus::File>(file, "Ogg Opus"); return;
    case ogg_codec::other: break;
    }
    throw strip_error("the Ogg stream is neither Vorbis nor Opus");
}

void remove_mp4_items(std::filesystem::path const& file) {
    TagLib::MP4::File m4a(file.c_str());
    require_audio(m4a, m4a.audioProperties(), "M4A");
    auto* tag = m4a.tag();
    if (tag == nullptr || tag->itemMap().isEmpty()) return;
    std::vector<TagLib::String> keys; // removeItem changes the map being walked
    for (auto const& item : tag->itemMap()) keys.push_back(item.first);
    for (auto const& key : keys) tag->removeItem(key);
    if (!m4a.save()) throw strip_error("the M4A metadata cannot be removed");
}

void strip_m4a(std::filesystem::path const& file) {
    remove_mp4_items(file); // TagLib has closed the file before its boxes are rewritten in place
    try {
        blank_mp4_user_data(file);
    } catch (std::invalid_argument const& e) {
        throw strip_error(std::string("the M4A cannot be read: ") + e.what());
    }
}

} // namespace

void strip_audio(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type) {
    if (media_type != "audio/mpeg" && media_type != "audio/ogg" && media_type != "audio/mp4")
        throw std::invalid_argument("not an audio type: " + std::string(media_type));
    std::filesystem::copy_file(in, out, std::filesystem::copy_options::overwrite_existing);
    if (media_type == "audio/mpeg") {
        strip_mp3(out);
    } else if (media_type == "audio/ogg") {
        strip_ogg(out);
    } else {
        strip_m4a(out);
    }
}

} // namespace farol::editor
