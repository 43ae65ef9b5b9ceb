#pragma once
#include "http/representation.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace farol::published {

// static/ indexed once at start: bytes, content hash and pre-compressed variants per file.
// URLs are built from this index, never from the request, so a path cannot escape static/.
class static_assets {
public:
    struct asset {
        std::string name; // relative path with '/', e.g. "css/farol.css"
        std::string hash;
        http::representation rep;
    };

    // Throws std::runtime_error naming the file on an unreadable file or a name unsafe for URLs.
    static std::shared_ptr<static_assets const> load(std::filesystem::path const& dir);

    asset const* find(std::string_view name) const;
    // "/s/<hash>/<name>"; throws std::out_of_range for an unknown asset (a template bug, caught at start).
    std::string url(std::string_view name) const;
    std::map<std::string, asset, std::less<>> const& all() const { return assets_; }

private:
    std::map<std::string, asset, std::less<>> assets_;
};

} // namespace farol::published
