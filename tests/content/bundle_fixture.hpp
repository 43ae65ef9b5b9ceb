#pragma once
// Helpers for bundle tests: the real sample campaigns, and small hand-made bundles.
#include "store/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace farol::test {

inline std::filesystem::path samples_dir() { return std::filesystem::path(FAROL_SOURCE_DIR) / "campaigns"; }

inline std::vector<std::string> const& six_languages() {
    static std::vector<std::string> const l{"pt-BR", "es", "en", "fr", "ht", "ar"};
    return l;
}

inline void write_text(std::filesystem::path const& p, std::string const& bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline std::string read_text(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Replaces the first `from` in the file by `to`; fails loudly if absent so tests stay honest.
inline void edit(std::filesystem::path const& p, std::string const& from, std::string const& to) {
    std::string text = read_text(p);
    auto const at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("edit: '" + from + "' not in " + p.string());
    write_text(p, text.replace(at, from.size(), to));
}

inline void copy_samples(std::filesystem::path const& dest) {
    std::filesystem::copy(samples_dir(), dest, std::filesystem::copy_options::recursive);
}

// Every regular file under dir (relative path -> bytes).
inline std::map<std::string, std::string> tree(std::filesystem::path const& dir) {
    std::map<std::string, std::string> out;
    for (auto const& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[e.path().lexically_relative(dir).generic_string()] = read_text(e.path());
    return out;
}

// A small valid bundle in two languages (pt-BR, es): one campaign "alpha" with one leaflet.
inline void write_small_bundle(std::filesystem::path const& dir) {
    write_text(dir / "hotlines.json", R"({
  "disque-100": {
    "number": "100",
    "label": {
      "pt-BR": "Disque 100",
      "es": "Disque 100"
    },
    "description": {
      "pt-BR": "Direitos humanos.",
      "es": "Derechos humanos."
    }
  }
}
)");
    write_text(dir / "alpha/campaign.json", R"({
  "slug": "alpha",
  "default_language": "pt-BR",
  "tags": [
    "ajuda"
  ],
  "hotlines": [
    "disque-100"
  ],
  "publish": {
    "from": "2026-01-01T00:00:00Z"
  },
  "materials": [
    {
      "id": "folheto",
      "kind": "leaflet",
      "files": {
        "pt-BR": "materials/folheto-pt-BR.pdf"
      }
    }
  ]
}
)");
    write_text(dir / "alpha/pt-BR.md", "---\ntitle: Tráfico de pessoas\nsummary: Onde pedir ajuda.\n---\n\n"
                                       "## Sinais\n\n- **Dívida** sem fim\n- Documentos retidos\n");
    write_text(dir / "alpha/es.md", "---\ntitle: Trata de personas\nsummary: Dónde pedir ayuda.\n---\n\n"
                                    "## Señales\n\n- Deuda sin fin\n");
    write_text(dir / "alpha/materials/folheto-pt-BR.pdf", "%PDF-1.4 tiny\n");
}

inline std::vector<std::string> const& two_languages() {
    static std::vector<std::string> const l{"pt-BR", "es"};
    return l;
}

} // namespace farol::test
