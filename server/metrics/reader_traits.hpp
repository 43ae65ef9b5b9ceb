#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace farol::metrics {

// What reach metrics keep of a request: coarse classes computed from its headers on the read path,
// with no I/O, no shared state, and nothing of the request retained. Each costs well under a
// microsecond for real headers (the user-agent words are found in one RE2 pass).

enum class device_class { phone, tablet, desktop };

// The device class from User-Agent and Sec-CH-UA-Mobile (the values as received; either may be
// empty). "?1" in Sec-CH-UA-Mobile is a phone (its "?0" is also sent by tablets, so it decides
// nothing). Otherwise, in order, case-insensitively: iPad → tablet (before "Mobile", which iPad
// Safari sends); iPhone, iPod, Opera Mini/Mobi, KaiOS, Windows Phone, BlackBerry → phone; Kindle,
// Silk/, PlayBook, "Tablet", or Android without "Mobi" → tablet (Google's rule for Android tablets);
// "Mobi" → phone (MDN's advice); anything else → desktop. An iPad asking for desktop sites sends a
// Mac user-agent and counts as desktop.
device_class classify_device(std::string_view user_agent, std::string_view sec_ch_ua_mobile);
// The same rule in two steps, for a caller that remembers a user-agent's class: the class the
// user-agent alone gives, then Sec-CH-UA-Mobile's "?1" over it.
device_class device_of_user_agent(std::string_view user_agent);
device_class classify_device(device_class from_user_agent, std::string_view sec_ch_ua_mobile);

// Whether the request is a messenger or social network fetching the page to render a link preview
// (counted as a preview, not a view): WhatsApp (also Signal, which sends "WhatsApp/2"),
// facebookexternalhit and Facebot (also iMessage and LINE, which borrow it), TelegramBot,
// Twitterbot, Slackbot-LinkExpanding and Slack-ImgProxy, Discordbot, LinkedInBot, SkypeUriPreview
// (Skype, Teams), Viber, Pinterest, Snapchat, Mastodon, redditbot. Case-insensitive substrings.
// Applebot is a search crawler, not a preview. The crawler list matches most of these too:
// check this first.
bool is_link_preview(std::string_view user_agent);

// Both rules above from one reading of the user-agent (metrics/agent_words).
struct user_agent_class {
    bool preview = false;
    device_class device = device_class::desktop; // before Sec-CH-UA-Mobile
};
user_agent_class read_user_agent(std::string_view user_agent);

// Whether the request is a speculative fetch the reader may never see (not a view), from the
// values of Sec-Purpose, Purpose, X-Purpose and X-Moz (empty when absent): a list item whose token
// is "prefetch" or "prerender" in Sec-Purpose or Purpose ("prefetch;prerender" included, per the
// Fetch spec's Sec-Purpose), "preview" or "prefetch" in X-Purpose (Safari), "prefetch" in X-Moz
// (Firefox). Case-insensitive.
bool is_prefetch(std::string_view sec_purpose, std::string_view purpose, std::string_view x_purpose,
                 std::string_view x_moz);

// Whether a material request counts as one download (RFC 9110 §14.2 Range): a GET without Range,
// or whose first range starts at byte 0 ("bytes=0-", "bytes = 0-499, 900-"; unit case-insensitive,
// whitespace tolerated). A first range starting elsewhere ("bytes=500-") or a suffix range
// ("bytes=-500") is the rest of a download already counted: false. A malformed header or another
// unit makes the server send the whole file: true. Anything but GET (HEAD...): false.
bool counts_as_download(bool is_get, std::string_view range_header);

enum class source_kind { direct, partner, qr, whatsapp, facebook, search, other };

struct source {
    source_kind kind = source_kind::direct;
    std::string partner; // the partner id (lower case) when kind is partner; empty otherwise
};

// Where a reader came from. src_param is the decoded ?src= value (empty when absent), compared
// case-insensitively: "qr", "whatsapp" and "facebook" name those kinds (so no partner can use these
// ids); another value matching [a-z0-9-]{1,40} for which is_partner(lower-cased id) is true names
// that partner, as does "partner:<id>" (the widget's links); any other value is ignored.
// Without a usable src, only the Referer's host is looked at (parsed with Boost.URL; credentials, port, path and query are never read or kept):
//   absent, unparseable, without a host, or equal to own_host (a host name; a port is ignored)
//                                                         → direct
//   whatsapp.com, wa.me, whatsapp.net and their subdomains → whatsapp
//   facebook.com, fb.com, fb.me, messenger.com, m.me and subdomains (m., l., lm.) → facebook
//   google.<tld>, google.com.<cc>, google.co.<cc>, yandex.* likewise, bing.com, duckduckgo.com,
//   search.yahoo.com, baidu.com, ecosia.org, search.brave.com, startpage.com, qwant.com (with their
//   subdomains), and the Google app on Android (android-app://com.google.android.googlequicksearchbox)
//                                                         → search
//   anything else, Instagram included                      → other
// Instagram is not folded into facebook: a report saying "facebook" must mean Facebook.
source categorize_source(std::string_view src_param, std::string_view referer, std::string_view own_host,
                         std::function<bool(std::string_view)> const& is_partner);

// What a Referer tells reach, from one parse: its host's source category (the rule above) and
// whether it is one of this site's editor pages (from_editor_page). An absent Referer is direct.
struct referer_facts {
    source_kind kind = source_kind::direct;
    bool editor_page = false;
};
referer_facts read_referer(std::string_view referer, std::string_view own_host);

// categorize_source with the Referer already read: `referer_kind` is read_referer's kind.
source categorize_source(std::string_view src_param, source_kind referer_kind,
                         std::function<bool(std::string_view)> const& is_partner);

// Whether a Referer names one of this site's editor pages (own_host's host, a path under /editor/):
// the request was made by an editor (a file opened from a preview), not by a reader.
bool from_editor_page(std::string_view referer, std::string_view own_host);

// Lower-case names for reports and labels: "phone", "tablet", "desktop"; "direct", "partner", "qr",
// "whatsapp", "facebook", "search", "other".
std::string_view to_string(device_class d);
std::string_view to_string(source_kind k);

} // namespace farol::metrics
