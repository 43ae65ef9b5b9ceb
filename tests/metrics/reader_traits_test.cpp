#include "metrics/reader_traits.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace farol::metrics;

namespace {

// Real user-agents, as sent by the browsers and fetchers named.
constexpr char chrome_android[] = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                                  "Chrome/124.0.0.0 Mobile Safari/537.36";
constexpr char samsung_phone[] = "Mozilla/5.0 (Linux; Android 13; SM-A135M) AppleWebKit/537.36 (KHTML, like "
                                 "Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36";
constexpr char facebook_in_app[] = "Mozilla/5.0 (Linux; Android 13; SM-A135M Build/TP1A.220624.014; wv) "
                                   "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 "
                                   "Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.48.109;]";
constexpr char iphone_safari[] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 "
                                 "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
constexpr char firefox_android[] = "Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0";
constexpr char opera_mini[] = "Opera/9.80 (Android; Opera Mini/36.2.2254/119.132; U; id) Presto/2.12.423 "
                              "Version/12.16";
constexpr char kaios[] = "Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i; Android; rv:48.0) "
                         "Gecko/48.0 Firefox/48.0 KAIOS/2.5";
constexpr char windows_phone[] = "Mozilla/5.0 (Mobile; Windows Phone 8.1; Android 4.0; ARM; Trident/7.0; Touch; "
                                 "rv:11.0; IEMobile/11.0; NOKIA; Lumia 635) like iPhone OS 7_0_3 Mac OS X "
                                 "AppleWebKit/537 (KHTML, like Gecko) Mobile Safari/537";
constexpr char ipad_safari[] = "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                               "Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
constexpr char galaxy_tab[] = "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) "
                              "Chrome/124.0.0.0 Safari/537.36";
constexpr char firefox_tablet[] = "Mozilla/5.0 (Android 14; Tablet; rv:125.0) Gecko/125.0 Firefox/125.0";
constexpr char kindle_fire[] = "Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) "
                               "Silk/124.2.4 like Chrome/124.0.6367.219 Safari/537.36";
constexpr char windows_chrome[] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                                  "Gecko) Chrome/124.0.0.0 Safari/537.36";
constexpr char mac_safari[] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
                              "Gecko) Version/17.4 Safari/605.1.15";
constexpr char linux_firefox[] = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";
constexpr char telegram_in_app[] = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like "
                                   "Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36 Telegram-Android/10.12.0 "
                                   "(Google Pixel 7; Android 14; SDK 34; AVERAGE)";
constexpr char instagram_in_app[] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                                    "(KHTML, like Gecko) Mobile/15E148 Instagram 327.0.1.35.91 (iPhone14,7; iOS "
                                    "17_4; pt_BR; pt; scale=3.00; 1170x2532; 581004187)";

bool no_partners(std::string_view) { return false; }

source_kind from(std::string_view referer, std::string_view own_host = "farol.example.org") {
    return categorize_source("", referer, own_host, no_partners).kind;
}

} // namespace

TEST_CASE("device class: phones", "[reach][metrics]") {
    for (auto ua : {chrome_android, samsung_phone, facebook_in_app, iphone_safari, firefox_android, opera_mini,
                    kaios, windows_phone, telegram_in_app, instagram_in_app}) {
        INFO(ua);
        CHECK(classify_device(ua, "") == device_class::phone);
    }
    CHECK(classify_device("Mozilla/5.0 (BB10; Touch) AppleWebKit/537.35+ (KHTML, like Gecko) Version/10.3.3.2205 "
                          "Mobile Safari/537.35+", "") == device_class::phone);
}

TEST_CASE("device class: Sec-CH-UA-Mobile ?1 is a phone, ?0 decides nothing", "[reach][metrics]") {
    CHECK(classify_device(windows_chrome, "?1") == device_class::phone); // a phone asking for desktop pages
    CHECK(classify_device("", " ?1 ") == device_class::phone);
    CHECK(classify_device(galaxy_tab, "?0") == device_class::tablet); // Chrome on tablets sends ?0
    CHECK(classify_device(windows_chrome, "?0") == device_class::desktop);
}

TEST_CASE("device class: tablets", "[reach][metrics]") {
    for (auto ua : {ipad_safari, galaxy_tab, firefox_tablet, kindle_fire}) {
        INFO(ua);
        CHECK(classify_device(ua, "") == device_class::tablet);
    }
    // A Kindle e-reader's experimental browser.
    CHECK(classify_device("Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like "
                          "Gecko) Version/5.0 Safari/531.2+ Kindle/3.0+", "") == device_class::tablet);
}

TEST_CASE("device class: desktops, and what is left", "[reach][metrics]") {
    for (auto ua : {windows_chrome, mac_safari, linux_firefox}) {
        INFO(ua);
        CHECK(classify_device(ua, "") == device_class::desktop);
    }
    CHECK(classify_device("", "") == device_class::desktop);
    CHECK(classify_device("curl/7.88.1", "") == device_class::desktop);
    CHECK(classify_device("MOZILLA/5.0 (IPHONE; CPU IPHONE OS 17_4 LIKE MAC OS X)", "") == device_class::phone);
}

TEST_CASE("link previews: messengers and social networks fetching a page for its card", "[reach][metrics]") {
    for (auto ua : {"WhatsApp/2.23.20.0 A", "WhatsApp/2.2413.51 i", "WhatsApp/2", // the last: Signal
                    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                    "facebookexternalhit/1.1;line-poker/1.0",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) "
                    "Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0", // iMessage
                    "TelegramBot (like TwitterBot)", "Twitterbot/1.0",
                    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                    "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
                    "Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)",
                    "Mozilla/5.0 (Linux; Android 9) Viber/21.6.0.0"}) {
        INFO(ua);
        CHECK(is_link_preview(ua));
    }
}

TEST_CASE("link previews: readers in in-app browsers and search crawlers are not previews", "[reach][metrics]") {
    for (auto ua : {chrome_android, iphone_safari, facebook_in_app, telegram_in_app, instagram_in_app, windows_chrome,
                    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    "Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)", ""}) {
        INFO(ua);
        CHECK_FALSE(is_link_preview(ua));
    }
}

TEST_CASE("prefetch: the headers browsers send for speculative fetches", "[reach][metrics]") {
    CHECK(is_prefetch("prefetch", "", "", ""));
    CHECK(is_prefetch("prefetch;prerender", "", "", ""));
    CHECK(is_prefetch("prefetch; anonymous-client-ip", "", "", ""));
    CHECK(is_prefetch(" Prefetch ", "", "", ""));
    CHECK(is_prefetch("", "prefetch", "", ""));
    CHECK(is_prefetch("", "", "preview", ""));
    CHECK(is_prefetch("", "", "", "prefetch"));
    CHECK(is_prefetch("", "", "", "PREFETCH"));
    CHECK_FALSE(is_prefetch("", "", "", ""));
    CHECK_FALSE(is_prefetch("nothing-to-see", "", "", ""));
    CHECK_FALSE(is_prefetch("prefetcher", "", "", "")); // a token, not a prefix
    CHECK_FALSE(is_prefetch("", "", "", "foo"));
}

TEST_CASE("download once: a full GET or a range from byte 0", "[reach][metrics]") {
    CHECK(counts_as_download(true, ""));
    CHECK(counts_as_download(true, "bytes=0-"));
    CHECK(counts_as_download(true, "bytes=0-499"));
    CHECK(counts_as_download(true, "  bytes = 0 - 499 "));
    CHECK(counts_as_download(true, "BYTES=0-"));
    CHECK(counts_as_download(true, "Bytes=000-"));
    CHECK(counts_as_download(true, "bytes=0-0"));
    CHECK(counts_as_download(true, "bytes=0-99, 500-"));
    CHECK(counts_as_download(true, "bytes=, 0-99")); // empty list elements are skipped
}

TEST_CASE("download once: the rest of a download is not another one", "[reach][metrics]") {
    CHECK_FALSE(counts_as_download(true, "bytes=500-"));
    CHECK_FALSE(counts_as_download(true, "bytes=500-999"));
    CHECK_FALSE(counts_as_download(true, "bytes=1-"));
    CHECK_FALSE(counts_as_download(true, "bytes=-500"));
    CHECK_FALSE(counts_as_download(true, "bytes = - 500"));
    CHECK_FALSE(counts_as_download(true, "bytes=500-999,0-99"));
    CHECK_FALSE(counts_as_download(true, "bytes=-500, 0-"));
    CHECK_FALSE(counts_as_download(false, ""));          // HEAD
    CHECK_FALSE(counts_as_download(false, "bytes=0-")); // HEAD
}

TEST_CASE("download once: a malformed Range is ignored by the server, which sends the whole file", "[reach][metrics]") {
    for (auto range : {"bytes", "bytes=", "bytes=-", "bytes=abc", "bytes=0x10-", "bytes=5-2", "bytes=10-9",
                       "bytes=500-abc", "items=500-", "500-", "bytes=5", "=0-"}) {
        INFO(range);
        CHECK(counts_as_download(true, range));
    }
}

TEST_CASE("source: ?src= names qr, whatsapp, facebook or a partner, case-insensitively", "[reach][metrics]") {
    auto const partners = [](std::string_view id) { return id == "cáritas" || id == "sjmr-boa-vista"; };
    auto const src = [&](std::string_view v) { return categorize_source(v, "https://www.google.com/", "", partners); };
    CHECK(src("qr").kind == source_kind::qr);
    CHECK(src("QR").kind == source_kind::qr);
    CHECK(src("whatsapp").kind == source_kind::whatsapp);
    CHECK(src("Facebook").kind == source_kind::facebook);
    auto const p = src("SJMR-Boa-Vista");
    CHECK(p.kind == source_kind::partner);
    CHECK(p.partner == "sjmr-boa-vista");
    CHECK(src("qr").partner.empty());
    // Not partners, or not valid ids: ignored, and the Referer decides.
    CHECK(src("unknown-partner").kind == source_kind::search);
    CHECK(src("cáritas").kind == source_kind::search);
    CHECK(src(std::string(41, 'a')).kind == source_kind::search);
    CHECK(src("a b").kind == source_kind::search);
    CHECK(categorize_source("ngo", "", "", nullptr).kind == source_kind::direct);
}

TEST_CASE("source: the partner id's shape is checked before the partner is looked up", "[reach][metrics]") {
    std::vector<std::string> asked;
    auto const record = [&](std::string_view id) { asked.emplace_back(id); return true; };
    CHECK(categorize_source(std::string(40, 'z'), "", "", record).kind == source_kind::partner);
    CHECK(categorize_source("a_b", "", "", record).kind == source_kind::direct);
    CHECK(categorize_source("<script>", "", "", record).kind == source_kind::direct);
    CHECK(categorize_source("", "", "", record).kind == source_kind::direct);
    CHECK(asked == std::vector<std::string>{std::string(40, 'z')});
}

TEST_CASE("source: the Referer's host, never more", "[reach][metrics]") {
    CHECK(from("") == source_kind::direct);
    CHECK(from("not a url") == source_kind::direct);
    CHECK(from("https://") == source_kind::direct);
    CHECK(from("about:blank") == source_kind::direct);
    CHECK(from("https://farol.example.org/pt/campanha") == source_kind::direct);
    CHECK(from("https://FAROL.example.org./pt/") == source_kind::direct);
    CHECK(from("http://farol.example.org:8080/", "farol.example.org:8080") == source_kind::direct);
    CHECK(from("http://[::1]:8080/", "[::1]:8080") == source_kind::direct);
    CHECK(from("https://example.com/page?x=1") == source_kind::other);
    CHECK(from("https://www.farol.example.org/") == source_kind::other); // another host
}

TEST_CASE("source: WhatsApp and Facebook by host", "[reach][metrics]") {
    CHECK(from("https://wa.me/5595999999999") == source_kind::whatsapp);
    CHECK(from("https://web.whatsapp.com/") == source_kind::whatsapp);
    CHECK(from("https://api.whatsapp.com/send?text=x") == source_kind::whatsapp);
    CHECK(from("https://notwa.me/") == source_kind::other);
    for (auto r : {"https://facebook.com/", "https://m.facebook.com/story.php?id=1", "https://l.facebook.com/l.php?u=x",
                   "https://lm.facebook.com/", "http://fb.com/", "https://fb.me/abc", "https://www.messenger.com/",
                   "https://m.me/page"}) {
        INFO(r);
        CHECK(from(r) == source_kind::facebook);
    }
    CHECK(from("https://l.instagram.com/?u=https%3A%2F%2Ffarol.example.org") == source_kind::other);
    CHECK(from("https://www.instagram.com/") == source_kind::other);
    CHECK(from("https://facebook.com.evil.example/") == source_kind::other);
}

TEST_CASE("source: search engines, any national Google or Yandex", "[reach][metrics]") {
    for (auto r : {"https://www.google.com/", "https://www.google.com.br/search?q=abrigo", "https://google.com.br/",
                   "https://www.google.co.uk/", "https://www.google.de/", "https://www.bing.com/search?q=x",
                   "https://cn.bing.com/", "https://duckduckgo.com/", "https://html.duckduckgo.com/html/",
                   "https://search.yahoo.com/search?p=x", "https://br.search.yahoo.com/", "https://yandex.ru/",
                   "https://yandex.com.tr/", "https://www.baidu.com/s?wd=x", "https://www.ecosia.org/search?q=x",
                   "https://search.brave.com/search?q=x", "https://www.startpage.com/", "https://www.qwant.com/?q=x",
                   "android-app://com.google.android.googlequicksearchbox/https/www.google.com"}) {
        INFO(r);
        CHECK(from(r) == source_kind::search);
    }
    for (auto r : {"https://notgoogle.com/", "https://google.evil.com/", "https://mail.google.com/",
                   "https://docs.google.com/document/d/x", "https://www.google.example.com/", "https://yahoo.com/",
                   "https://google.com.evil/", "https://mygoogle.com.br/", "android-app://com.google.android.gm/"}) {
        INFO(r);
        CHECK(from(r) == source_kind::other);
    }
}

TEST_CASE("source: credentials, port and case in the Referer do not hide its host", "[reach][metrics]") {
    CHECK(from("https://user:secret@WWW.Google.COM.BR:8443/search?q=x#frag") == source_kind::search);
    CHECK(from("HTTPS://L.FACEBOOK.COM/l.php") == source_kind::facebook);
    CHECK(from("https://who@wa.me:443/") == source_kind::whatsapp);
    CHECK(from("https://www.google.com./") == source_kind::search);
}

TEST_CASE("names of classes and sources for reports", "[reach][metrics]") {
    CHECK(to_string(device_class::phone) == "phone");
    CHECK(to_string(device_class::tablet) == "tablet");
    CHECK(to_string(device_class::desktop) == "desktop");
    CHECK(to_string(source_kind::direct) == "direct");
    CHECK(to_string(source_kind::partner) == "partner");
    CHECK(to_string(source_kind::qr) == "qr");
    CHECK(to_string(source_kind::whatsapp) == "whatsapp");
    CHECK(to_string(source_kind::facebook) == "facebook");
    CHECK(to_string(source_kind::search) == "search");
    CHECK(to_string(source_kind::other) == "other");
}

TEST_CASE("editor pages: a Referer under this site's /editor/ is an editor's, anything else is not", "[reach][metrics]") {
    CHECK(from_editor_page("https://farol.example.org/editor/campaigns/nova/t/pt-BR/preview", "farol.example.org"));
    CHECK(from_editor_page("http://FAROL.example.org.:8080/editor/preview/at/1785412800/pt-BR/c/alfa",
                           "farol.example.org:8080"));
    CHECK(from_editor_page("http://[::1]:8080/editor/preview", "[::1]:8080"));
    CHECK_FALSE(from_editor_page("https://farol.example.org/pt-BR/c/alfa", "farol.example.org"));
    CHECK_FALSE(from_editor_page("https://farol.example.org/editor", "farol.example.org")); // not a page under it
    CHECK_FALSE(from_editor_page("https://farol.example.org/editorial/x", "farol.example.org"));
    CHECK_FALSE(from_editor_page("https://elsewhere.example/editor/preview", "farol.example.org"));
    CHECK_FALSE(from_editor_page("", "farol.example.org"));
    CHECK_FALSE(from_editor_page("/editor/preview", "farol.example.org")); // no authority: not a URL a browser sends
}
