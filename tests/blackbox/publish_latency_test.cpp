// Publishing from the editor, timed from outside: an editor signs in over HTTP, saves and
// publishes a text, and the public page must show it within a second; unpublishing a language
// must make its page fall back within a second too. (scripts/bench's publish-1k case measures the
// same with 1,000 campaigns.)
#include "support/raw_client.hpp"
#include "support/test_server.hpp"

#include "editor/editor_services.hpp"
#include "http/access.hpp"

#include "support/request_builder.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace farol::test;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

namespace {

constexpr char const* password = "lighthouse orbit cashew pillow";
constexpr auto live_within = 1000ms;

std::string unescape(std::string s) {
    static constexpr std::pair<char const*, char> entities[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''},
        {"&#x2F;", '/'}, {"&#x3D;", '='}, {"&#x60;", '`'}, {"&amp;", '&'}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&')
            for (auto const& [name, ch] : entities)
                if (s.compare(i, std::char_traits<char>::length(name), name) == 0) {
                    out += ch;
                    i += std::char_traits<char>::length(name);
                    replaced = true;
                    break;
                }
        if (!replaced) out += s[i++];
    }
    return out;
}

// The value of <input ... name="NAME" ... value="...">, or of <textarea ... name="NAME" ...>...</textarea>.
std::string field(std::string const& html, std::string const& name) {
    auto const at = html.find("name=\"" + name + "\"");
    REQUIRE(at != std::string::npos);
    auto const tag = html.rfind('<', at);
    if (html.compare(tag, 9, "<textarea") == 0) {
        auto const start = html.find('>', at) + 1;
        return unescape(html.substr(start, html.find("</textarea>", start) - start));
    }
    auto const v = html.find("value=\"", at);
    REQUIRE(v < html.find('>', at));
    auto const start = v + 7;
    return unescape(html.substr(start, html.find('"', start) - start));
}

// A browser of one cookie over real connections, posting forms from the server's own origin.
class browser {
public:
    explicit browser(std::uint16_t port) : port_(port) {}

    reply get(std::string const& target) { return keep(farol::test::get(port_, target, cookie_header())); }

    reply post(std::string const& target, std::vector<std::pair<std::string, std::string>> fields) {
        auto const body = encode_form(fields);
        auto const host = "127.0.0.1:" + std::to_string(port_);
        return keep(request(port_, "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" + host +
                                       "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                       std::to_string(body.size()) + "\r\n" + cookie_header() +
                                       "Connection: close\r\n\r\n" + body));
    }

    std::string const& cookie() const { return cookie_; }

private:
    std::string cookie_header() const { return cookie_.empty() ? "" : "Cookie: " + cookie_ + "\r\n"; }
    reply keep(reply r) {
        if (r.has("set-cookie")) {
            auto const v = r.header("set-cookie");
            cookie_ = v.find("Max-Age=0") != std::string::npos ? "" : v.substr(0, v.find(';'));
        }
        return r;
    }
    std::uint16_t port_;
    std::string cookie_;
};

// Polls `path` every 10 ms until its body contains `needle`; how long that took, if within 10 s.
std::optional<std::chrono::milliseconds> time_until(std::uint16_t port, std::string const& path,
                                                    std::string const& needle, steady::time_point since) {
    auto const give_up = since + 10s;
    while (steady::now() < give_up) {
        auto const r = get(port, path);
        auto const at = steady::now();
        if (r.status == 200 && r.body.find(needle) != std::string::npos)
            return std::chrono::duration_cast<std::chrono::milliseconds>(at - since);
        std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("a text published in the editor is live within a second, an unpublished one falls back as fast",
          "[blackbox][editor]") {
    test_server s([](farol::app::config& c) { c.development_cookie = 1; }, sample_campaigns());
    auto const added = s.get().editor().accounts.add("test", "ana", farol::http::role::editor, password, true);
    REQUIRE(added.kind == farol::editor::account_change::done);
    browser b(s.port());
    auto const signed_in = b.post("/editor/sign-in", {{"name", "ana"}, {"password", password}, {"next", "/editor/"}});
    REQUIRE(signed_in.status == 303);
    REQUIRE(b.cookie().rfind("farol_session=", 0) == 0);

    auto const editor_path = std::string("/editor/campaigns/reconhecer-o-trafico/t/es");
    auto const public_path = std::string("/es/c/reconhecer-o-trafico");
    auto const form = b.get(editor_path);
    REQUIRE(form.status == 200);
    auto const marker = "Marcador-" + std::to_string(steady::now().time_since_epoch().count());
    auto const saved = b.post(editor_path, {{"title", field(form.body, "title")},
                                            {"summary", field(form.body, "summary")},
                                            {"body", field(form.body, "body") + "\n\n" + marker + "\n"},
                                            {"base", field(form.body, "base")},
                                            {"csrf", field(form.body, "csrf")}});
    REQUIRE(saved.status == 303);
    REQUIRE(saved.header("location").find("done=saved") != std::string::npos);
    // Saving is not publishing.
    CHECK(get(s.port(), public_path).body.find(marker) == std::string::npos);

    {
        auto const started = steady::now();
        auto const published = b.post(editor_path + "/publish", {{"csrf", field(form.body, "csrf")}});
        auto const answered = steady::now();
        REQUIRE(published.status == 303);
        REQUIRE(published.header("location").find("done=publish") != std::string::npos);
        auto const latency = time_until(s.port(), public_path, marker, answered);
        REQUIRE(latency);
        auto const total = std::chrono::duration_cast<std::chrono::milliseconds>(answered - started) + *latency;
        WARN("publish visible " << latency->count() << " ms after the POST's answer (" << total.count()
                                << " ms after it was sent)");
        CHECK(*latency <= live_within);

        // Unpublishing a language: its page falls back to the default language, with a notice.
        {
            auto const page = get(s.port(), public_path).body;
            REQUIRE(page.find("class=\"notice\" role=\"note\"") == std::string::npos);
            auto const sent = steady::now();
            auto const unpublished = b.post(editor_path + "/unpublish", {{"csrf", field(form.body, "csrf")}});
            auto const back = steady::now();
            REQUIRE(unpublished.status == 303);
            REQUIRE(unpublished.header("location").find("done=unpublish") != std::string::npos);
            auto const fallback = time_until(s.port(), public_path, "<p class=\"notice\" role=\"note\">", back);
            REQUIRE(fallback);
            WARN("fallback visible " << fallback->count() << " ms after the POST's answer ("
                                     << std::chrono::duration_cast<std::chrono::milliseconds>(back - sent).count() +
                                            fallback->count()
                                     << " ms after it was sent)");
            CHECK(*fallback <= live_within);
            auto const now = get(s.port(), public_path);
            CHECK(now.status == 200);
            CHECK(now.body.find(marker) == std::string::npos);
            CHECK(now.body.find("lang=\"pt-BR\"") != std::string::npos);
        }
    }
}
