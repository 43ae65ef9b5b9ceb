#pragma once
#include <string>
#include <string_view>

namespace farol::util {

// The one file-extension → media-type map (IANA names), for static assets and campaign materials.

// Media type for a file name by its extension, in any case; "application/octet-stream" when unknown.
std::string_view media_type_for(std::string_view file_name);

// The media type when a file of this name may be offered for download as a campaign material
// (documents, images, audio, plain text); empty otherwise.
std::string_view material_media_type(std::string_view file_name);

// The usual extension (no dot) of a material of this media type, the inverse of
// material_media_type ("image/jpeg" -> "jpg", "audio/ogg" -> "ogg"); empty when none.
std::string_view material_extension(std::string_view media_type);

// The extensions material_media_type accepts, for messages: "pdf, png, ...".
std::string material_extensions();

} // namespace farol::util
