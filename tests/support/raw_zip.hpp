#pragma once
// A ZIP written with libzip directly, entry names as given, so tests can build archives that
// content::unzip_bundles must refuse ('..' entries and the like).
#include <zip.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace farol::test {

inline void write_raw_zip(std::filesystem::path const& file, std::vector<std::pair<std::string, std::string>> const& entries) {
    int code = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!z) throw std::runtime_error("write_raw_zip: cannot create " + file.string());
    for (auto const& [name, data] : entries) {
        zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
        if (zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(src);
            zip_discard(z);
            throw std::runtime_error("write_raw_zip: cannot add " + name);
        }
    }
    if (zip_close(z) != 0) throw std::runtime_error("write_raw_zip: cannot write " + file.string());
}

} // namespace farol::test
