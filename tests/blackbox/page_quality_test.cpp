// Budgets and well-formedness of every public page, checked on the real sample campaigns.
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>

using namespace farol::test;

namespace {

char const* const languages[] = {"pt-BR", "es", "en", "fr", "ht", "ar"};
char const* const slugs[] = {"reconhecer-o-trafico", "migrar-com-seguranca-sp", "comites-regionais-sp"};
constexpr std::size_t initial_window = 14000; // bytes: one TCP initial window, with room for headers

test_server& sample_server() {
    static test_server server({}, sample_campaigns());
    return server;
}

// Valid HTML attributes that Debian's tidy (5.6) predates and reports as "proprietary".
bool known_to_be_valid(std::string const& line) {
    return line.find("proprietary attribute \"aria-current\"") != std::string::npos ||
           line.find("proprietary attribute \"enterkeyhint\"") != std::string::npos;
}

// tidy's report for the document, minus the lines above (empty when it is well-formed).
std::string tidy_errors(std::string const& html) {
    temp_dir dir;
    dir.write("page.html", html);
    auto const cmd = "tidy -errors -quiet " + (dir.path() / "page.html").string() + " 2>&1";
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
        std::array<char, 4096> buf{};
        while (auto n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
        ::pclose(p);
    }
    std::string kept;
    std::size_t start = 0;
    while (start < out.size()) {
        auto end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        auto const line = out.substr(start, end - start);
        if (!line.empty() && !known_to_be_valid(line)) kept += line + "\n";
        start = end + 1;
    }
    return kept;
}

std::vector<std::string> every_page_path() {
    std::vector<std::string> out;
    for (auto const* lang : languages) {
        std::string const l = lang;
        out.push_back("/" + l + "/");
        for (auto const* slug : slugs) out.push_back("/" + l + "/c/" + slug);
        out.push_back("/" + l + "/search?q=tr%C3%A1fico");
        out.push_back("/" + l + "/search?q=");
        out.push_back("/" + l + "/c/does-not-exist");
    }
    return out;
}

} // namespace

TEST_CASE("every public page is well-formed HTML according to tidy", "[blackbox][quality]") {
    auto& s = sample_server();
    for (auto const& path : every_page_path()) {
        INFO(path);
        auto const r = get(s.port(), path);
        REQUIRE((r.status == 200 || r.status == 404));
        CHECK(tidy_errors(r.body) == "");
    }
}

TEST_CASE("tidy really reports broken HTML", "[blackbox][quality]") {
    CHECK(tidy_errors("<!DOCTYPE html><html><head><title>x</title></head><body><p><div></span></body></html>") != "");
}

TEST_CASE("every campaign page with its CSS fits one TCP initial window, brotli-compressed", "[blackbox][quality]") {
    auto& s = sample_server();
    auto const home = get(s.port(), "/pt-BR/");
    std::smatch m;
    REQUIRE(std::regex_search(home.body, m, std::regex(R"re(href="(/s/[0-9a-f]+/css/site\.css)")re")));
    auto const css = get(s.port(), m[1].str(), "Accept-Encoding: br\r\n");
    REQUIRE(css.header("content-encoding") == "br");
    for (auto const* lang : languages) {
        for (auto const* slug : slugs) {
            auto const path = std::string("/") + lang + "/c/" + slug;
            INFO(path);
            auto const page = get(s.port(), path, "Accept-Encoding: br\r\n");
            REQUIRE(page.header("content-encoding") == "br");
            CHECK(page.body.size() + css.body.size() <= initial_window);
            // No script is needed to read, download or switch language: the only one is the optional exit helper.
            CHECK(std::regex_search(page.body.empty() ? std::string() : get(s.port(), path).body,
                                    std::regex(R"(<script src="/s/[0-9a-f]+/js/exit\.js" defer></script>)")));
        }
    }
}
