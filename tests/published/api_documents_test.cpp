// What the JSON API's documents keep in memory for a generated site: the bound that keeps the
// settled RSS budget (README "Benchmarks", start-up case) from creeping back up.
#include "published/api_documents.hpp"
#include "handlers/handler_fixture.hpp"
#include "util/compress.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace farol;
using namespace farol::test;

namespace {

constexpr int generated_campaigns = 40;
constexpr char const* languages[] = {"pt-BR", "es", "en", "fr", "ht", "ar"};

// The sample campaigns' text in `lang` (front matter dropped, paragraphs as <p>), as
// scripts/gen-campaigns cycles it: real prose, compressible as real prose is.
std::string sample_html(std::filesystem::path const& source, int i, std::string const& lang) {
    static char const* const samples[] = {"comites-regionais-sp", "migrar-com-seguranca-sp", "reconhecer-o-trafico"};
    std::ifstream in(source / "campaigns" / samples[i % 3] / (lang + ".md"));
    std::string line, html;
    int fences = 0;
    while (std::getline(in, line)) {
        if (line == "---" && fences < 2) { ++fences; continue; }
        if (fences >= 2 && !line.empty()) html += "<p>" + line + "</p>";
    }
    return html + "<p>Campanha número " + std::to_string(i) + ".</p>";
}

// Like scripts/gen-campaigns: every campaign in all six languages, the samples' text numbered.
content::library generated_library(std::filesystem::path const& source) {
    auto lib = small_library();
    lib.campaigns.clear();
    for (int i = 1; i <= generated_campaigns; ++i) {
        content::campaign c;
        c.slug = "gen-" + std::to_string(1000 + i);
        c.default_language = "pt-BR";
        c.tags = {"trafico", "gen"};
        for (auto const* lang : languages) {
            auto const body = sample_html(source, i, lang);
            c.translations.push_back({lang, "Campanha " + std::to_string(i), body.substr(3, 150), "", body});
        }
        lib.campaigns.push_back(c);
    }
    return lib;
}

} // namespace

TEST_CASE("api documents of a generated site keep under three quarters of their JSON's size in memory", "[api][size]") {
    handler_fixture f;
    f.library = generated_library(f.source);
    auto const s = f.built_site();
    auto const& api = s->api;
    REQUIRE(api.listing.size() == generated_campaigns);
    // Every UI language per campaign, plus the default-language alias.
    REQUIRE(api.campaigns.size() == generated_campaigns * (std::size(languages) + 1));
    std::size_t json_bytes = 0, gzip_bytes = 0;
    for (auto const& c : api.listing)
        for (auto const* lang : languages) {
            auto const* doc = s->api_campaign(c.slug, lang);
            REQUIRE(doc);
            auto const plain = util::gzip_decompress(doc->gzip.data);
            REQUIRE(plain);
            json_bytes += plain->size();
            gzip_bytes += doc->gzip.data.size();
        }
    auto const retained = api.retained_bytes();
    INFO("retained " << retained << " B for " << json_bytes << " B of campaign JSON, " << gzip_bytes << " B gzip");
    CHECK(json_bytes > generated_campaigns * std::size(languages) * 3000); // about as long as real ones
    // Identity + gzip + brotli copies, as first built, kept about 2.1 times the JSON (with the list's
    // summaries); gzip-only about 0.68 (2.2 KB a document).
    CHECK(retained * 4 <= json_bytes * 3);
    CHECK(retained <= generated_campaigns * std::size(languages) * 2400);
}

TEST_CASE("api documents: a campaign's languages share one gzip arena and the alias shares its bytes", "[api][size]") {
    handler_fixture f;
    f.library = generated_library(f.source);
    auto const s = f.built_site();
    auto const* pt = s->api_campaign("gen-1001", "pt-BR");
    auto const* ar = s->api_campaign("gen-1001", "ar");
    auto const* plain = s->api_campaign("gen-1001", "");
    REQUIRE((pt && ar && plain));
    CHECK(pt->gzip.owner == ar->gzip.owner);
    CHECK(plain->gzip.data.data() == pt->gzip.data.data());
    CHECK(pt->gzip_suffix() == "-gz");
    CHECK(s->api_campaign("gen-1002", "pt-BR")->gzip.owner != pt->gzip.owner);
}
