#include "content/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>

namespace farol::content {

namespace {

constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8; // never CMARK_OPT_UNSAFE
constexpr char const* extension_names[] = {"table", "strikethrough", "autolink", "tagfilter"};

struct parser_free {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct node_free {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct iter_free {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// The parser owns the extension list the renderer needs, so both live together.
struct document {
    std::unique_ptr<cmark_parser, parser_free> parser;
    std::unique_ptr<cmark_node, node_free> root;
};

void register_extensions() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

document parse(std::string_view md) {
    if (md.size() > max_markdown_bytes)
        throw std::length_error("Markdown is " + std::to_string(md.size()) + " bytes; at most " +
                                std::to_string(max_markdown_bytes));
    register_extensions();
    document doc;
    doc.parser.reset(cmark_parser_new(options));
    if (!doc.parser) throw std::bad_alloc();
    for (char const* name : extension_names) {
        cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
        if (ext == nullptr || cmark_parser_attach_syntax_extension(doc.parser.get(), ext) == 0)
            throw std::runtime_error(std::string("cmark-gfm extension missing: ") + name);
    }
    {
        // Parsing adds and removes the extensions' characters in a process-wide table
        // (cmark_manage_extensions_special_characters): concurrent parses corrupt each other.
        static std::mutex parsing;
        std::lock_guard lock(parsing);
        cmark_parser_feed(doc.parser.get(), md.data(), md.size());
        doc.root.reset(cmark_parser_finish(doc.parser.get()));
    }
    if (!doc.root) throw std::bad_alloc();
    return doc;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The scheme of an absolute URL in lower case ("" for a relative one), after the leading
// white space and control characters browsers ignore.
std::string scheme_of(std::string_view url) {
    while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
    auto const end = url.find_first_of(":/?#");
    if (end == std::string_view::npos || url[end] != ':') return {};
    return lower_ascii(url.substr(0, end)) + ":";
}

bool allowed_url(std::string_view url) {
    std::string const scheme = scheme_of(url);
    return scheme.empty() || scheme == "http:" || scheme == "https:" || scheme == "mailto:" || scheme == "tel:";
}

bool leaves_site(std::string_view url) { return !scheme_of(url).empty() || url.starts_with("//"); }

// Calls fn(node) for every node on entry.
template <class Fn>
void each_node(cmark_node* root, Fn fn) {
    std::unique_ptr<cmark_iter, iter_free> it(cmark_iter_new(root));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;)
        if (ev == CMARK_EVENT_ENTER) fn(cmark_iter_get_node(it.get()));
}

// Inline nodes may carry no position of their own; their block's line is close enough.
int line_of(cmark_node* n) {
    for (; n != nullptr; n = cmark_node_parent(n))
        if (int const line = cmark_node_get_start_line(n); line > 0) return line;
    return 1;
}

// What the bundle format forbids about this node, if anything.
std::optional<markdown_issue> issue_of(cmark_node* n) {
    auto const type = cmark_node_get_type(n);
    char const* url = cmark_node_get_url(n);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
        return markdown_issue{line_of(n), reason("raw_html")};
    if (type == CMARK_NODE_IMAGE)
        return markdown_issue{line_of(n), reason("image")};
    if (type == CMARK_NODE_LINK && url != nullptr && leaves_site(url))
        return markdown_issue{line_of(n), reason("external_link", {{"url", url}})};
    return std::nullopt;
}

} // namespace

std::string render_markdown(std::string_view md) {
    document doc = parse(md);
    each_node(doc.root.get(), [](cmark_node* n) {
        auto const type = cmark_node_get_type(n);
        if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) return;
        char const* url = cmark_node_get_url(n);
        if (url != nullptr && !allowed_url(url)) cmark_node_set_url(n, "");
    });
    char* html = cmark_render_html(doc.root.get(), options, cmark_parser_get_syntax_extensions(doc.parser.get()));
    if (html == nullptr) throw std::bad_alloc();
    std::string out(html);
    cmark_get_default_mem_allocator()->free(html);
    return out;
}

std::vector<markdown_issue> check_markdown(std::string_view md) {
    document doc = parse(md);
    std::vector<markdown_issue> issues;
    each_node(doc.root.get(), [&](cmark_node* n) {
        auto issue = issue_of(n);
        // <b>x</b> is two inline HTML nodes: one report per line and reason is enough.
        if (issue && (issues.empty() || issues.back().line != issue->line || issues.back().reason.english != issue->reason.english))
            issues.push_back(std::move(*issue));
    });
    return issues;
}

} // namespace farol::content
