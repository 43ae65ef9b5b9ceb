#include "view/page_inputs.hpp"

#include "util/fingerprint.hpp"

#include <chrono>

namespace farol::view {

namespace {

void add_time(util::fingerprint& f, std::optional<content::time_point> t) {
    f.add(std::uint64_t{t ? 1u : 0u});
    if (t) f.add(static_cast<std::uint64_t>(t->time_since_epoch().count()));
}

void add_list(util::fingerprint& f, std::vector<std::string> const& values) {
    f.add(values.size());
    for (auto const& v : values) f.add(v);
}

void add_map(util::fingerprint& f, std::map<std::string, std::string> const& values) {
    f.add(values.size());
    for (auto const& [k, v] : values) f.add(k).add(v);
}

void add_materials(util::fingerprint& f, std::vector<content::material> const& materials) {
    f.add(materials.size());
    for (auto const& m : materials) {
        f.add(m.id).add(m.kind).add(m.files.size());
        for (auto const& file : m.files)
            f.add(file.language).add(file.file_name).add(file.sha256).add(file.size).add(file.content_type);
    }
}

} // namespace

std::string campaign_inputs(content::campaign const& c) {
    util::fingerprint f;
    f.add("campaign").add(c.slug).add(c.default_language);
    add_list(f, c.tags);
    add_list(f, c.hotlines);
    add_time(f, c.window.from);
    add_time(f, c.window.until);
    f.add(c.translations.size());
    for (auto const& t : c.translations)
        f.add(t.language).add(t.title).add(t.summary).add(t.body_markdown).add(t.body_html);
    add_materials(f, c.materials);
    return f.hex();
}

std::string listing_inputs(std::vector<content::campaign const*> const& published) {
    util::fingerprint f;
    f.add("listing").add(published.size());
    for (auto const* c : published) {
        f.add(c->slug).add(c->default_language).add(c->translations.size());
        for (auto const& t : c->translations) f.add(t.language).add(t.title).add(t.summary);
    }
    return f.hex();
}

std::string sitemap_inputs(std::vector<content::campaign const*> const& published) {
    util::fingerprint f;
    f.add("sitemap").add(published.size());
    for (auto const* c : published) {
        f.add(c->slug).add(c->translations.size());
        for (auto const& t : c->translations) f.add(t.language);
    }
    return f.hex();
}

std::string hotlines_inputs(std::vector<content::hotline> const& hotlines) {
    util::fingerprint f;
    f.add("hotlines").add(hotlines.size());
    for (auto const& h : hotlines) {
        f.add(h.id).add(h.number);
        add_map(f, h.label);
        add_map(f, h.description);
    }
    return f.hex();
}

std::string page_inputs(std::uint64_t renderer, std::string_view key, std::vector<std::string_view> const& content) {
    util::fingerprint f;
    f.add("page").add(renderer).add(key).add(content.size());
    for (auto const& part : content) f.add(part);
    return f.hex();
}

} // namespace farol::view
