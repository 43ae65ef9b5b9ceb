#include "app/bundle_commands.hpp"

#include "content/bundle_reader.hpp"
#include "content/bundle_writer.hpp"
#include "content/bundle_zip.hpp"
#include "editor/bundle_import.hpp"
#include "store/database.hpp"
#include "store/library_repository.hpp"

#include <sodium.h>

#include <exception>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace farol::app {

namespace {

namespace fs = std::filesystem;

void print_counts(std::ostream& out, editor::import_summary const& s) {
    auto const& r = s.counts;
    out << "imported " << s.campaigns.size() << " campaigns: " << r.added << " added, " << r.updated
        << " updated, " << r.unchanged << " unchanged\n";
    out << "imported " << s.hotlines.size() << " hotlines: " << r.hotlines_added << " added, "
        << r.hotlines_updated << " updated, " << r.hotlines_unchanged << " unchanged\n";
}

} // namespace

int import_bundles(config const& cfg, fs::path const& dir, std::ostream& out, std::ostream& err) {
    try {
        std::shared_ptr<store::database> db;
        auto const open_store = [&]() -> store::database& {
            db = store::database::open(database_file(cfg));
            return *db;
        };
        auto const now = std::chrono::system_clock::now().time_since_epoch();
        print_counts(out, editor::import_bundle_folder(open_store, materials_dir(cfg), dir, language_list(cfg),
                                                       std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
        out << "send SIGHUP to a running server to publish\n";
        return 0;
    } catch (content::bundle_invalid const& e) {
        for (auto const& p : e.problems) err << content::format_problem(p) << "\n";
        err << "nothing imported from " << dir.string() << ": " << e.problems.size() << " problem"
            << (e.problems.size() == 1 ? "" : "s") << "\n";
        return 1;
    } catch (std::exception const& e) {
        err << "import failed, nothing imported: " << e.what() << "\n";
        return 1;
    }
}

int export_bundles(config const& cfg, fs::path const& dir, std::ostream& out, std::ostream& err) {
    try {
        std::error_code ec;
        if (!fs::exists(database_file(cfg), ec))
            throw std::runtime_error("no database at " + database_file(cfg).string());
        auto db = store::database::open(database_file(cfg));
        auto const lib = store::load_library(*db);
        content::material_store blobs(materials_dir(cfg));
        content::write_bundles(lib, blobs, dir, language_list(cfg));
        out << "exported " << lib.campaigns.size() << " campaigns and " << lib.hotlines.size() << " hotlines to "
            << dir.string() << "\n";
        return 0;
    } catch (std::exception const& e) {
        err << "export failed: " << e.what() << "\n";
        return 1;
    }
}

std::string export_zip(config const& cfg) {
    unsigned char nonce[8];
    randombytes_buf(nonce, sizeof nonce);
    char hex[17];
    sodium_bin2hex(hex, sizeof hex, nonce, sizeof nonce);
    auto const work = cfg.data_dir / "tmp" / ("export-" + std::string(hex));
    fs::create_directories(work);
    struct cleanup {
        fs::path dir;
        ~cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } const guard{work};
    std::ostringstream out, err;
    if (export_bundles(cfg, work / "bundles", out, err) != 0) throw std::runtime_error(err.str());
    content::zip_bundles(work / "bundles", work / "bundles.zip");
    std::ifstream in(work / "bundles.zip", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace farol::app
