#pragma once
#include <filesystem>

namespace farol::editor {

// Blanks, in place, the MP4 user data that TagLib's item list does not cover: every child of
// moov/udta except its iTunes meta box (3GPP "loci", the recording's GPS position; QuickTime text
// boxes such as "©xyz", "©day" or "©mak"; Adobe's XMP), in that meta box everything but its handler
// and item list (QuickTime "keys", an "xml " XMP document), every moov/trak/udta, and a QuickTime
// keys-style moov/meta ("com.apple.quicktime.location.ISO6709"...). A blanked box keeps its size and becomes a
// "free" box of zero bytes (ISO/IEC 14496-12 8.1.2), which every reader skips, so no sample offset
// (stco/co64) moves. Returns how many boxes were blanked. Throws std::system_error on I/O errors and
// std::invalid_argument when a box's size runs past its parent.
int blank_mp4_user_data(std::filesystem::path const& file);

} // namespace farol::editor
