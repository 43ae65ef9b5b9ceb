#include "app/site_build.hpp"

#include "content/model.hpp"

#include <catch2/catch.hpp>

using namespace farol;

TEST_CASE("the live site keeps campaigns' titles for its handlers, and frees their bodies", "[app][publish]") {
    content::library lib;
    lib.hotlines.push_back({"disque-100", "100", {{"pt-BR", "Disque 100"}}, {}});
    for (int i = 0; i < 3; ++i) {
        content::campaign c;
        c.slug = "c" + std::to_string(i);
        c.default_language = "pt-BR";
        c.translations.push_back({"pt-BR", "Título " + std::to_string(i), std::string(2000, 's'),
                                  std::string(50000, 'm'), std::string(60000, 'h'), {}});
        lib.campaigns.push_back(c);
    }
    auto const kept = app::handler_library(lib);
    REQUIRE(kept->campaigns.size() == 3);
    CHECK(kept->hotlines.size() == 1);
    for (std::size_t i = 0; i < 3; ++i) {
        auto const& t = kept->campaigns[i].translations.at(0);
        CHECK(kept->campaigns[i].slug == lib.campaigns[i].slug); // in order
        CHECK(t.title == lib.campaigns[i].translations[0].title);
        CHECK(t.body_html.empty());
        // Freed, not only emptied: an emptied std::string keeps its buffer.
        CHECK(t.summary.capacity() < 100);
        CHECK(t.body_markdown.capacity() < 100);
        CHECK(t.body_html.capacity() < 100);
    }
    CHECK(lib.campaigns[0].translations[0].body_html.size() == 60000); // the build's own library is untouched
}
