#include "published/site.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using farol::published::site;
using farol::published::site_holder;

namespace {
std::shared_ptr<site const> site_with(std::string lang) {
    auto s = std::make_shared<site>();
    s->languages = {lang};
    s->default_language = lang;
    return s;
}
} // namespace

TEST_CASE("a published site replaces the current one for every thread", "[content][site]") {
    site_holder holder(site_with("pt-BR"));
    CHECK(holder.current()->default_language == "pt-BR");
    auto const g = holder.generation();
    holder.publish(site_with("es"));
    CHECK(holder.generation() != g);
    CHECK(holder.current()->default_language == "es");
    std::string seen;
    std::thread([&] { seen = holder.current()->default_language; }).join();
    CHECK(seen == "es");
}

TEST_CASE("two holders on one thread never mix their sites", "[content][site]") {
    site_holder a(site_with("ar")), b(site_with("fr"));
    CHECK(a.current()->default_language == "ar");
    CHECK(b.current()->default_language == "fr");
    CHECK(a.current()->default_language == "ar");
}

TEST_CASE("readers keep a consistent site while publishes race them", "[content][site]") {
    site_holder holder(site_with("l0"));
    std::atomic<bool> stop{false};
    std::atomic<int> bad{0};
    std::vector<std::thread> readers;
    for (int i = 0; i < 3; ++i)
        readers.emplace_back([&] {
            while (!stop) {
                auto const s = holder.current();
                if (s->languages.size() != 1 || s->languages[0] != s->default_language) ++bad;
            }
        });
    for (int i = 1; i < 500; ++i) holder.publish(site_with("l" + std::to_string(i)));
    stop = true;
    for (auto& t : readers) t.join();
    CHECK(bad == 0);
    CHECK(holder.current()->default_language == "l499");
}

TEST_CASE("lookups find pages, error pages and materials by their keys", "[content][site]") {
    auto s = std::make_shared<site>();
    s->languages = {"pt-BR", "ar"};
    s->pages["/ar/"] = {};
    s->errors["ar 404"] = {};
    s->materials["0123456789abcdef/folheto.pdf"] = {};
    CHECK(s->has_language("ar"));
    CHECK(!s->has_language("xx"));
    CHECK(s->page("/ar/") != nullptr);
    CHECK(s->page("/ar") == nullptr);
    CHECK(s->error("ar", 404) != nullptr);
    CHECK(s->error("ar", 500) == nullptr);
    CHECK(s->material("0123456789abcdef", "folheto.pdf") != nullptr);
    CHECK(s->material("0123456789abcdef", "other.pdf") == nullptr);
}

TEST_CASE("a replaced site is freed even if a thread that read it stays idle", "[content][site]") {
    site_holder holder(site_with("old"));
    std::weak_ptr<site const> old = holder.snapshot();
    std::thread([&] { CHECK(holder.current()->default_language == "old"); }).join();
    CHECK(holder.current()->default_language == "old");
    holder.publish(site_with("new"));
    CHECK(old.expired());
}
