#include "content/material_store.hpp"

#include "content/bundle_fixture.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <system_error>

using namespace farol::content;
using namespace farol::test;
namespace fs = std::filesystem;

namespace {

std::size_t files_under(fs::path const& dir) {
    std::size_t n = 0;
    for (auto const& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
    return n;
}

} // namespace

TEST_CASE("put_file stores bytes under their SHA-256", "[content][material_store]") {
    temp_dir dir;
    std::string const bytes(200'000, 'x'); // several read chunks
    write_text(dir / "src/leaflet.pdf", bytes);
    material_store store(dir / "materials");
    std::string const sha = store.put_file(dir / "src/leaflet.pdf");
    CHECK(sha == farol::util::sha256_hex(bytes));
    CHECK(store.path_of(sha) == dir / "materials" / sha.substr(0, 2) / sha);
    CHECK(store.contains(sha));
    CHECK(read_text(store.path_of(sha)) == bytes);
    CHECK(digest_file(store.path_of(sha)).size == bytes.size());

    // Idempotent: same name, nothing else left behind (no temporary files).
    CHECK(store.put_file(dir / "src/leaflet.pdf") == sha);
    CHECK(files_under(dir / "materials") == 1);
    write_text(dir / "src/copy.pdf", bytes);
    CHECK(store.put_file(dir / "src/copy.pdf") == sha);
    CHECK(files_under(dir / "materials") == 1);
}

TEST_CASE("a damaged stored copy is replaced on the next put", "[content][material_store]") {
    temp_dir dir;
    write_text(dir / "a.txt", "right bytes");
    material_store store(dir / "m");
    auto const sha = store.put_file(dir / "a.txt");
    write_text(store.path_of(sha), "rot");
    CHECK(store.put_file(dir / "a.txt") == sha);
    CHECK(read_text(store.path_of(sha)) == "right bytes");
    CHECK(files_under(dir / "m") == 1);
}

TEST_CASE("the store hands out no path for a malformed hash", "[content][material_store]") {
    material_store store("/nonexistent/materials");
    std::string const upper(64, 'A');
    for (std::string bad : {std::string(), std::string(63, 'a'), std::string(65, 'a'), upper,
                            "../../../../etc/passwd" + std::string(42, 'a'), std::string(62, 'a') + "/x"}) {
        INFO(bad);
        CHECK_THROWS_AS(store.path_of(bad), std::invalid_argument);
        CHECK_FALSE(store.contains(bad));
    }
    CHECK_FALSE(store.contains(std::string(64, 'a')));
}

TEST_CASE("put_file of a missing source throws and leaves nothing", "[content][material_store]") {
    temp_dir dir;
    material_store store(dir / "m");
    CHECK_THROWS_AS(store.put_file(dir / "missing.pdf"), std::system_error);
    CHECK(files_under(dir / "m") == 0);
    CHECK_THROWS_AS(digest_file(dir / "missing.pdf"), std::system_error);
}

TEST_CASE("an empty file has the empty string's hash", "[content][material_store]") {
    temp_dir dir;
    write_text(dir / "empty.txt", "");
    material_store store(dir / "m");
    CHECK(store.put_file(dir / "empty.txt") == farol::util::sha256_hex(""));
}
