#include "view/timeline_svg.hpp"

#include "schedule/schedule_fixtures.hpp"

#include <regex>

using namespace farol::schedule;
using namespace farol::schedule::testing;
using namespace std::chrono_literals;
using farol::view::timeline_colour;
using farol::view::timeline_labels;
using farol::view::timeline_row;
using farol::view::timeline_svg;

namespace {

timeline_labels const labels{"Nothing scheduled", "home-featured over the week"};

std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != text.npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

struct drawn_rect {
    double x, width;
    std::string fill, title;
};

// Every segment <rect> in document order (the chart draws no other rect).
std::vector<drawn_rect> rects(std::string const& svg) {
    static std::regex const re(R"re(<rect x="([-0-9.]+)" y="[-0-9.]+" width="([-0-9.]+)" height="[-0-9.]+" )re"
                               R"re(fill="([^"]+)"><title>([^<]*)</title></rect>)re");
    std::vector<drawn_rect> out;
    for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it)
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3], (*it)[4]});
    return out;
}

// The x of every vertical grid line.
std::vector<double> grid_lines(std::string const& svg) {
    static std::regex const re(R"re(<line x1="([-0-9.]+)")re");
    std::vector<double> out;
    for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it) out.push_back(std::stod((*it)[1]));
    return out;
}

// Two languages over Sao Paulo's week from Monday 2026-07-27 00:00 (-03): a short window, a fallback
// and a morning rule for pt-BR readers; nothing at all for French ones.
struct week {
    slot s = hourly("America/Sao_Paulo");
    instant from = utc(2026, 7, 27, 3);
    std::vector<entry> es;
    std::vector<timeline_row> rows;

    week() {
        auto curta = make_entry("curta");
        curta.from = utc(2026, 7, 30, 10, 20);
        curta.until = utc(2026, 7, 30, 11, 40, 30);
        es = {curta, make_entry("sempre", 1, priority::fallback), make_entry("verao", 2)};
        es[2].hours = hour_range{9, 12};
        for (auto const* lang : {"pt-BR", "fr"}) rows.push_back({lang, timeline(s, es, lang, from)});
    }
    std::string svg() const {
        return timeline_svg(s.tz, from, 168h, rows, [&](std::size_t i) { return es.at(i).campaign; }, labels);
    }
};

} // namespace

TEST_CASE("timeline_svg: one titled rect per segment inside an accessible, scalable svg", "[view][schedule]") {
    week const w;
    auto const svg = w.svg();
    auto const segments = w.rows[0].segments.size() + w.rows[1].segments.size();
    REQUIRE(w.rows[1].segments.size() == 1); // nobody shows in French
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 "));
    CHECK(svg.ends_with("</svg>"));
    CHECK(svg.find(" width=\"100%\"") != svg.npos);
    CHECK(count(svg, "<rect ") == segments);
    CHECK(count(svg, "</rect>") == segments);
    CHECK(rects(svg).size() == segments);
    CHECK(count(svg, "<title") == segments + 1);
    CHECK(count(svg, "<g>") == count(svg, "</g>"));
    std::smatch id;
    REQUIRE(std::regex_search(svg, id, std::regex(R"re(role="img" aria-labelledby="([^"]+)")re")));
    CHECK(svg.find("<title id=\"" + id[1].str() + "\">home-featured over the week</title>") != svg.npos);
    // Bands labelled with their tags; the window's hover text in Sao Paulo time.
    CHECK(svg.find(">pt-BR</text>") != svg.npos);
    CHECK(svg.find(">fr</text>") != svg.npos);
    CHECK(svg.find("<title>curta: 2026-07-30 07:20 \u2013 2026-07-30 08:40 (-03)</title>") != svg.npos);
    // French readers see nothing all week: one hatched segment, named, and the hatch in the legend.
    auto const fr = rects(svg).back();
    CHECK(fr.fill.starts_with("url(#"));
    CHECK(fr.title == "Nothing scheduled: 2026-07-27 00:00 \u2013 2026-08-03 00:00 (-03)");
    CHECK(svg.find(">Nothing scheduled</text>") != svg.npos);
    for (auto const* slug : {"curta", "sempre", "verao"}) { // each in the legend with its segments' colour
        std::string fill;
        for (auto const& r : rects(svg))
            if (r.title.starts_with(std::string(slug) + ":")) fill = r.fill;
        CHECK(svg.find("fill=\"" + fill + "\"/><text x=\"") != svg.npos);
    }
}

TEST_CASE("timeline_svg escapes every text it inserts", "[view][schedule]") {
    auto const z = must_zone("America/Sao_Paulo");
    auto const from = utc(2026, 7, 27, 3);
    std::vector<timeline_row> const rows{{"x<y>\"'&", {{from, from + 24h, 0}}}};
    auto const svg = timeline_svg(
        z, from, 24h, rows, [](std::size_t) { return std::string("<script>&\"'"); },
        timeline_labels{"<b>none</b>", "Tom & Jerry's \"chart\" <script>"});
    CHECK(svg.find("<script") == svg.npos);
    CHECK(svg.find("<b>") == svg.npos);
    CHECK(svg.find("&lt;script&gt;&amp;&quot;&#39;: 2026-07-27 00:00") != svg.npos);
    CHECK(svg.find(">x&lt;y&gt;&quot;&#39;&amp;</text>") != svg.npos);
    CHECK(svg.find(">Tom &amp; Jerry&#39;s &quot;chart&quot; &lt;script&gt;</title>") != svg.npos);
    // Every & starts an entity; no quote is left inside an attribute or text unescaped.
    CHECK(std::regex_search(svg, std::regex("&(?!amp;|lt;|gt;|quot;|#39;)")) == false);
    CHECK(count(svg, "<rect ") == 1);
}

TEST_CASE("timeline_svg colours a campaign the same everywhere, from a fixed palette", "[view][schedule]") {
    CHECK(timeline_colour("vacina-gripe") == timeline_colour(std::string("vacina-") + "gripe"));
    CHECK(timeline_colour("vacina-gripe") != timeline_colour("verao"));
    CHECK(std::regex_match(std::string(timeline_colour("verao")), std::regex("#[0-9a-f]{6}")));
    week w;
    auto const first = rects(w.svg());
    w.from += 24h; // another chart, the same campaigns
    for (auto& row : w.rows) row.segments = timeline(w.s, w.es, row.language, w.from);
    auto const second = rects(w.svg());
    std::map<std::string, std::string> fills; // slug -> its one colour in both charts
    for (auto const& drawn : {first, second}) {
        for (auto const& r : drawn) {
            INFO(r.title);
            auto const slug = r.title.substr(0, r.title.find(':'));
            if (slug == "Nothing scheduled") continue;
            CHECK(fills.emplace(slug, r.fill).first->second == r.fill);
        }
    }
    std::set<std::string> distinct;
    for (auto const& [slug, fill] : fills) distinct.insert(fill);
    CHECK(distinct.size() == fills.size());
}

TEST_CASE("timeline_svg draws a grid line at each local midnight of Sao Paulo", "[view][schedule]") {
    week const w;
    auto const svg = w.svg();
    auto const band = rects(svg).back(); // French: one segment over the whole span
    auto const lines = grid_lines(svg);
    REQUIRE(lines.size() == 7);
    for (std::size_t d = 0; d < 7; ++d)
        CHECK(lines[d] == Approx(band.x + band.width * static_cast<double>(d) / 7).margin(0.02));
    for (auto const* label : {">Mon 27<", ">Tue 28<", ">Wed 29<", ">Thu 30<", ">Fri 31<", ">Sat 1<", ">Sun 2<"})
        CHECK(svg.find(label) != svg.npos);
    // Starting at 12:00 local, the lines fall half a day in: still local midnights, 03:00 UTC.
    auto const noon = timeline_svg(w.s.tz, w.from + 12h, 48h, {}, [](std::size_t) { return std::string(); }, labels);
    auto const half = grid_lines(noon);
    REQUIRE(half.size() == 2);
    CHECK(half[1] - half[0] == Approx(2 * (half[0] - 80)).margin(0.02));
    // A midnight too near the right edge keeps its line but not a label that would be cut off.
    auto const edge = timeline_svg(w.s.tz, w.from, 24h + 30min, {}, [](std::size_t) { return std::string(); }, labels);
    CHECK(grid_lines(edge).size() == 2);
    CHECK(edge.find(">Mon 27<") != edge.npos);
    CHECK(edge.find(">Tue 28<") == edge.npos);
}

TEST_CASE("timeline_svg places each rect proportionally to its time", "[view][schedule]") {
    week const w;
    auto const drawn = rects(w.svg());
    auto const& segs = w.rows[0].segments;
    REQUIRE(drawn.size() == segs.size() + 1);
    auto const left = drawn.front().x;
    auto const right = drawn[segs.size() - 1].x + drawn[segs.size() - 1].width;
    auto const scale = (right - left) / (168.0 * 3600);
    for (std::size_t i = 0; i < segs.size(); ++i) {
        INFO("segment " << i << ": " << drawn[i].title);
        auto const start = static_cast<double>((segs[i].from - w.from).count());
        auto const length = static_cast<double>((segs[i].until - segs[i].from).count());
        CHECK(drawn[i].x == Approx(left + scale * start).margin(0.02));
        CHECK(drawn[i].width == Approx(scale * length).margin(0.02));
    }
    CHECK(right - left == Approx(drawn.back().width));
}

TEST_CASE("timeline_svg never gives two campaigns of one chart the same colour", "[view][schedule]") {
    REQUIRE(timeline_colour("vacina-gripe") == timeline_colour("doe-sangue")); // the palette's hash clashes
    auto const z = must_zone("America/Sao_Paulo");
    auto const from = utc(2026, 7, 27, 3);
    std::vector<std::string> const slugs{"vacina-gripe", "doe-sangue"};
    std::vector<timeline_row> const rows{{"pt-BR", {{from, from + 12h, 0}, {from + 12h, from + 24h, 1}}}};
    auto const svg = timeline_svg(z, from, 24h, rows, [&](std::size_t i) { return slugs[i]; }, {"none", "chart"});
    auto const drawn = rects(svg);
    REQUIRE(drawn.size() == 2);
    CHECK(drawn[0].fill != drawn[1].fill);
    CHECK(drawn[1].fill == timeline_colour("doe-sangue")); // first by slug keeps its own
}
