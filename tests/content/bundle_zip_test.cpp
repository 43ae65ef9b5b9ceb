#include "content/bundle_zip.hpp"

#include "content/bundle_fixture.hpp"
#include "content/bundle_reader.hpp"

#include <sys/stat.h>
#include <zip.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>

using namespace farol::content;
using namespace farol::test;
namespace fs = std::filesystem;

namespace {

struct entry_spec {
    std::string name;
    std::string data;
    bool deflate = true;
    std::optional<std::uint32_t> unix_mode; // external attributes, when made "on Unix"
};

// A ZIP made with libzip directly, so the tests can build archives unzip_bundles must refuse.
void make_zip(fs::path const& p, std::vector<entry_spec> const& entries) {
    int code = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    REQUIRE(z);
    for (auto const& e : entries) {
        zip_source_t* src = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
        zip_int64_t const i = zip_file_add(z, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        REQUIRE(i >= 0);
        auto const index = static_cast<zip_uint64_t>(i);
        REQUIRE(zip_set_file_compression(z, index, e.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0);
        if (e.unix_mode)
            REQUIRE(zip_file_set_external_attributes(z, index, 0, ZIP_OPSYS_UNIX, *e.unix_mode << 16) == 0);
    }
    REQUIRE(zip_close(z) == 0);
}

// Every file of a bundle folder, as entries under `prefix`.
std::vector<entry_spec> entries_of(fs::path const& dir, std::string const& prefix) {
    std::vector<entry_spec> out;
    for (auto const& [name, bytes] : tree(dir)) out.push_back({prefix + name, bytes});
    return out;
}

// Some bytes deflate cannot shrink, so the ratio check stays out of the way.
std::string noise(std::size_t n) {
    std::mt19937 rng(7);
    std::string out(n, '\0');
    for (auto& c : out) c = static_cast<char>(rng());
    return out;
}

void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint32_t get_u32(std::string const& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

std::uint16_t get_u16(std::string const& bytes, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                      static_cast<unsigned char>(bytes[at + 1]) << 8);
}

// Unzips a ZIP that must be refused; checks that dest is left empty and returns the error.
bundle_zip_error refused(fs::path const& zip, fs::path const& dest, zip_limits const& limits = {}) {
    try {
        unzip_bundles(zip, dest, limits);
    } catch (bundle_zip_error const& e) {
        INFO(e.what());
        CHECK(fs::is_directory(dest));
        CHECK(fs::is_empty(dest));
        return e;
    }
    FAIL("unzip_bundles accepted " << zip);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("the sample campaigns survive a trip through a ZIP", "[content][zip]") {
    temp_dir dir;
    zip_bundles(samples_dir(), dir / "campaigns.zip");
    unzip_bundles(dir / "campaigns.zip", dir / "out");
    CHECK(tree(dir / "out") == tree(samples_dir()));
    auto const original = read_bundles(samples_dir(), six_languages());
    auto const unzipped = read_bundles(dir / "out", six_languages());
    CHECK(unzipped.library == original.library);
    CHECK(unzipped.library.campaigns.size() == 3);
    CHECK_FALSE(fs::exists(dir / "out" / "campaigns.zip"));
}

TEST_CASE("zipping a tree is deterministic: sorted, dated 1980-01-01, mode 0644, media stored", "[content][zip]") {
    temp_dir dir;
    copy_samples(dir / "a");
    dir.write("a/Ação.md", "# Ação\n"); // sorts first: 'A' < 'R' of README.md
    zip_bundles(dir / "a", dir / "one.zip");

    // Other times and modes on disk, and a second copy made in another order, change nothing.
    fs::rename(dir / "a", dir / "b");
    for (auto const& e : fs::recursive_directory_iterator(dir / "b")) {
        fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(24 * 400));
        if (e.is_regular_file()) fs::permissions(e.path(), fs::perms::owner_read | fs::perms::owner_write);
    }
    zip_bundles(dir / "b", dir / "two.zip");
    std::string const bytes = read_text(dir / "one.zip");
    CHECK(read_text(dir / "two.zip") == bytes);

    // The first entry, by byte order, is the non-ASCII name: its local header (APPNOTE 4.3.7).
    REQUIRE(get_u32(bytes, 0) == 0x04034b50);
    CHECK((get_u16(bytes, 6) & 0x0800) != 0);  // UTF-8 name
    CHECK(get_u16(bytes, 8) == ZIP_CM_DEFLATE); // text is deflated
    CHECK(get_u16(bytes, 10) == 0);             // 00:00:00
    CHECK(get_u16(bytes, 12) == 0x21);          // 1980-01-01
    CHECK(get_u16(bytes, 28) == 0);             // no extra field
    CHECK(bytes.substr(30, get_u16(bytes, 26)) == "Ação.md");

    int code = 0;
    zip_t* z = zip_open((dir / "one.zip").c_str(), ZIP_RDONLY, &code);
    REQUIRE(z);
    std::vector<std::string> names;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(zip_get_num_entries(z, 0)); ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(z, i, 0, &st) == 0);
        names.push_back(st.name);
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        REQUIRE(zip_file_get_external_attributes(z, i, 0, &opsys, &attributes) == 0);
        CHECK(opsys == ZIP_OPSYS_UNIX);
        CHECK((attributes >> 16) == (S_IFREG | 0644));
        bool const pdf = names.back().ends_with(".pdf");
        CHECK(st.comp_method == (pdf ? ZIP_CM_STORE : ZIP_CM_DEFLATE));
    }
    zip_discard(z);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(names.front() == "Ação.md");
    CHECK(names.size() == tree(dir / "b").size());
    CHECK(std::none_of(names.begin(), names.end(), [](auto const& n) { return n.ends_with('/'); }));
}

TEST_CASE("a ZIP with every bundle inside one folder is accepted, the folder stripped", "[content][zip]") {
    temp_dir dir;
    auto entries = entries_of(samples_dir(), "campaigns/");
    entries.insert(entries.begin(), {"campaigns/", "", false, 040755});
    entries.push_back({"__MACOSX/campaigns/._hotlines.json", "resource fork"});
    make_zip(dir / "folder.zip", entries);
    unzip_bundles(dir / "folder.zip", dir / "out");
    CHECK(tree(dir / "out") == tree(samples_dir()));
    CHECK(read_bundles(dir / "out", six_languages()).library ==
          read_bundles(samples_dir(), six_languages()).library);

    // Two top-level folders: nothing is stripped.
    make_zip(dir / "two.zip", {{"x/a.md", "a"}, {"y/b.md", "b"}});
    unzip_bundles(dir / "two.zip", dir / "two");
    CHECK(tree(dir / "two") == std::map<std::string, std::string>{{"x/a.md", "a"}, {"y/b.md", "b"}});
}

TEST_CASE("entries that would leave the folder, links and special files are refused", "[content][zip]") {
    temp_dir dir;
    auto const dest = dir / "dest";
    auto const check = [&](entry_spec const& bad, std::string const& reason) {
        INFO(bad.name);
        make_zip(dir / "bad.zip", {{"hotlines.json", "{}\n"}, bad, {"z.md", "z"}});
        auto const e = refused(dir / "bad.zip", dest);
        CHECK(e.entry == bad.name);
        CHECK_THAT(e.reason, Catch::Contains(reason));
    };
    check({"../evil", "x"}, "'..' segment");
    check({"a/../../evil", "x"}, "'..' segment");
    check({"/tmp/evil", "x"}, "absolute");
    check({"C:/evil", "x"}, "absolute");
    check({"a\\..\\evil", "x"}, "backslash");
    check({"a//b", "x"}, "empty path segment");
    check({"./a", "x"}, "'.' segment");
    check({"link", "/etc/passwd", false, S_IFLNK | 0777}, "symbolic link");
    check({"fifo", "", false, S_IFIFO | 0644}, "not a regular file");
    check({"dir/", "", false, S_IFREG | 0644}, "not a regular file");
    check({"hotlines.json/x", "x"}, "which is a file");
    CHECK_FALSE(fs::exists(dir / "evil"));
    CHECK_FALSE(fs::exists(dir.path().parent_path() / "evil"));
}

TEST_CASE("a name given twice is refused", "[content][zip]") {
    temp_dir dir;
    make_zip(dir / "dup.zip", {{"alpha/dupA.md", "one"}, {"alpha/dupB.md", "two"}});
    // libzip will not write two equal names: rename the second in the local and central headers.
    std::string bytes = read_text(dir / "dup.zip");
    for (auto at = bytes.find("dupB"); at != std::string::npos; at = bytes.find("dupB", at)) bytes[at + 3] = 'A';
    write_text(dir / "dup.zip", bytes);
    auto const e = refused(dir / "dup.zip", dir / "dest");
    CHECK(e.entry == "alpha/dupA.md");
    CHECK(e.reason == "appears twice");
}

TEST_CASE("encrypted entries are refused", "[content][zip]") {
    REQUIRE(zip_encryption_method_supported(ZIP_EM_AES_256, 1)); // Debian's libzip has crypto
    temp_dir dir;
    make_zip(dir / "enc.zip", {{"hotlines.json", "{}\n"}, {"secret.md", "hidden"}});
    int code = 0;
    zip_t* z = zip_open((dir / "enc.zip").c_str(), 0, &code);
    REQUIRE(z);
    REQUIRE(zip_file_set_encryption(z, 1, ZIP_EM_AES_256, "password") == 0);
    REQUIRE(zip_close(z) == 0);
    auto const e = refused(dir / "enc.zip", dir / "dest");
    CHECK(e.entry == "secret.md");
    CHECK(e.reason == "is encrypted");
}

TEST_CASE("too many entries, too many bytes and zip bombs are refused", "[content][zip]") {
    temp_dir dir;
    auto const dest = dir / "dest";
    make_zip(dir / "four.zip", {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}});
    zip_limits limits;
    limits.max_entries = 3;
    CHECK_THAT(refused(dir / "four.zip", dest, limits).reason, Catch::Contains("has 4 entries; at most 3"));
    limits.max_entries = 4;
    unzip_bundles(dir / "four.zip", dest, limits);
    CHECK(tree(dest).size() == 4);
    fs::remove_all(dest);

    make_zip(dir / "big.zip", {{"small", noise(1000), false}, {"big", noise(1001), false}});
    limits.max_entry_bytes = 1000;
    auto e = refused(dir / "big.zip", dest, limits);
    CHECK(e.entry == "big");
    CHECK(e.reason == "is 1001 bytes uncompressed; at most 1000");

    // The total is counted while writing: the first two entries were on disk, and are removed.
    make_zip(dir / "total.zip", {{"a", noise(600), false}, {"b", noise(600), false}, {"c", noise(600), false}});
    limits = {};
    limits.max_total_bytes = 1500;
    e = refused(dir / "total.zip", dest, limits);
    CHECK(e.entry == "c");
    CHECK_THAT(e.reason, Catch::Contains("over 1500 bytes"));

    // 50 MB of zeros deflate to about 50 KB: a ratio near 1000:1.
    make_zip(dir / "bomb.zip", {{"hotlines.json", "{}\n"}, {"zeros.md", std::string(50'000'000, '\0')}});
    e = refused(dir / "bomb.zip", dest);
    CHECK(e.entry == "zeros.md");
    CHECK_THAT(e.reason, Catch::Contains("more than 200:1"));
}

TEST_CASE("a bomb whose headers understate its size is stopped while inflating", "[content][zip]") {
    temp_dir dir;
    make_zip(dir / "liar.zip", {{"first.md", "written, then removed"}, {"zeros.md", std::string(50'000'000, '\0')}});
    // Say 60,000 bytes (below the size limit and the ratio exemption) in both headers of zeros.md.
    std::string bytes = read_text(dir / "liar.zip");
    // APPNOTE 4.3.16: the end record gives the central directory; its second header is zeros.md's.
    std::size_t const end = bytes.rfind("PK\x05\x06");
    REQUIRE(end != std::string::npos);
    std::size_t const first = get_u32(bytes, end + 16);
    std::size_t const second =
        first + 46 + get_u16(bytes, first + 28) + get_u16(bytes, first + 30) + get_u16(bytes, first + 32);
    REQUIRE(bytes.substr(second + 46, 8) == "zeros.md");
    put_u32(bytes, second + 24, 60'000);
    std::size_t const local = get_u32(bytes, second + 42);
    REQUIRE(bytes.substr(local + 30, 8) == "zeros.md");
    put_u32(bytes, local + 22, 60'000);
    write_text(dir / "liar.zip", bytes);

    auto const e = refused(dir / "liar.zip", dir / "dest");
    CHECK(e.entry == "zeros.md");
    CHECK_THAT(e.reason, Catch::Contains("more than 200:1"));
}

TEST_CASE("unzip_bundles wants an empty folder and a ZIP file", "[content][zip]") {
    temp_dir dir;
    dir.write("not.zip", "plain text\n");
    CHECK_THROWS_AS(unzip_bundles(dir / "not.zip", dir / "dest"), bundle_zip_error);
    CHECK(fs::is_empty(dir / "dest"));

    make_zip(dir / "ok.zip", {{"hotlines.json", "{}\n"}});
    dir.write("full/keep.md", "mine");
    CHECK_THROWS_AS(unzip_bundles(dir / "ok.zip", dir / "full"), std::invalid_argument);
    CHECK(read_text(dir / "full/keep.md") == "mine");
    CHECK(tree(dir / "full").size() == 1);

    CHECK_THROWS_AS(zip_bundles(samples_dir(), samples_dir() / "self.zip"), std::invalid_argument);
    fs::create_directories(dir / "empty");
    CHECK_THROWS_AS(zip_bundles(dir / "empty", dir / "empty.zip"), bundle_zip_error);
    CHECK_FALSE(fs::exists(dir / "empty.zip"));
}

TEST_CASE("zip_bundles refuses symbolic links and leaves no temporary file", "[content][zip]") {
    temp_dir dir;
    write_small_bundle(dir / "src");
    fs::create_symlink("/etc/passwd", dir / "src" / "alpha" / "link.md");
    try {
        zip_bundles(dir / "src", dir / "out" / "bundles.zip");
        FAIL("zipped a symbolic link");
    } catch (bundle_zip_error const& e) {
        CHECK(e.entry == "alpha/link.md");
        CHECK(e.reason == "is a symbolic link");
    }
    fs::remove(dir / "src" / "alpha" / "link.md");
    fs::create_directories(dir / "out");
    write_text(dir / "out" / "bundles.zip", "old");
    zip_bundles(dir / "src", dir / "out" / "bundles.zip");
    CHECK(tree(dir / "out").size() == 1);
    unzip_bundles(dir / "out" / "bundles.zip", dir / "back");
    CHECK(tree(dir / "back") == tree(dir / "src"));
}
