#pragma once
#include <filesystem>
#include <string_view>

namespace farol::editor {

// Copies an MP3, Ogg (Vorbis or Opus) or M4A file (media_type audio/mpeg, audio/ogg, audio/mp4) to
// `out` and removes its tags there with TagLib: ID3v1, ID3v2 and APE from MP3; every Vorbis comment
// field and picture from Ogg; every iTunes metadata item from M4A, then its other user data boxes
// blanked (blank_mp4_user_data: 3GPP location, QuickTime text, XMP). The audio data is not touched.
// Throws strip_error when TagLib cannot parse the file as that type or cannot rewrite it.
void strip_audio(std::filesystem::path const& in, std::filesystem::path const& out, std::string_view media_type);

} // namespace farol::editor
