#include "published/static_assets.hpp"

#include "util/media_types.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace farol::published {

namespace fs = std::filesystem;

namespace {

constexpr char immutable_cache[] = "public, max-age=31536000, immutable";

bool safe_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
               c == '_' || c == '/';
    });
}

bool hidden(fs::path const& rel) {
    return std::any_of(rel.begin(), rel.end(), [](fs::path const& p) { return p.string().front() == '.'; });
}

std::string read_file(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error(p.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

std::shared_ptr<static_assets const> static_assets::load(fs::path const& dir) {
    auto out = std::make_shared<static_assets>();
    if (!fs::is_directory(dir)) throw std::runtime_error(dir.string() + ": static directory not found");
    for (auto const& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.is_symlink()) continue;
        auto const rel = fs::relative(entry.path(), dir);
        if (hidden(rel)) continue;
        auto name = rel.generic_string();
        if (!safe_name(name)) throw std::runtime_error(entry.path().string() + ": file name unsafe for a URL");
        auto bytes = http::shared_bytes::copy_of(read_file(entry.path()));
        asset a{name, util::content_hash(bytes.data), {}};
        a.rep = http::make_representation(std::move(bytes), std::string(util::media_type_for(name)), immutable_cache);
        out->assets_.emplace(name, std::move(a));
    }
    return out;
}

static_assets::asset const* static_assets::find(std::string_view name) const {
    auto it = assets_.find(name);
    return it == assets_.end() ? nullptr : &it->second;
}

std::string static_assets::url(std::string_view name) const {
    auto const* a = find(name);
    if (!a) throw std::out_of_range("unknown static asset: " + std::string(name));
    return "/s/" + a->hash + "/" + a->name;
}

} // namespace farol::published
