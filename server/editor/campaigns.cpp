#include "editor/campaigns.hpp"

#include "content/front_matter.hpp"
#include "content/markdown.hpp"
#include "content/text_rules.hpp"
#include "store/account_store.hpp"
#include "store/store_error.hpp"

#include <algorithm>

namespace farol::editor {

namespace {
std::string object_of(std::string_view slug, std::string_view language = {}) {
    return "campaign:" + std::string(slug) + (language.empty() ? "" : "/" + std::string(language));
}
} // namespace

std::vector<std::string> split_tags(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto const start = text.find_first_not_of(" \t,", i);
        if (start == std::string_view::npos) break;
        auto const end = std::min(text.find_first_of(" \t,", start), text.size());
        std::string tag(text.substr(start, end - start));
        if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
        i = end;
    }
    return out;
}

bool campaigns::known_language(std::string_view tag) const {
    return std::find(languages_.begin(), languages_.end(), tag) != languages_.end();
}

std::int64_t campaigns::position_of(std::string_view language) const {
    return std::find(languages_.begin(), languages_.end(), language) - languages_.begin();
}

std::vector<field_problem> campaigns::check(campaign_form const& form) const {
    std::vector<field_problem> out;
    if (!content::is_id(form.slug) || form.slug.size() > 80) out.push_back({"slug", "campaign.slug_invalid", {}});
    if (!known_language(form.default_language)) out.push_back({"default_language", "campaign.language_invalid", {}});
    for (auto const& tag : split_tags(form.tags))
        if (!content::is_tag(tag)) out.push_back({"tags", "campaign.tag_invalid", tag});
    return out;
}

std::vector<field_problem> campaigns::create(std::string_view actor, campaign_form const& form) {
    auto problems = check(form);
    if (!problems.empty()) return problems;
    store::campaign_entry e{0, form.slug, form.default_language, split_tags(form.tags), form.hotlines, false, {}};
    try {
        store_.create(e);
    } catch (store::name_taken const&) {
        return {{"slug", "campaign.slug_taken", {}}};
    } catch (store::store_error const&) {
        return {{"hotlines", "campaign.hotline_invalid", {}}};
    }
    audit_.record(actor, "campaign.create", object_of(form.slug));
    return {};
}

std::vector<field_problem> campaigns::set_metadata(std::string_view actor, campaign_form const& form) {
    auto problems = check(form);
    if (!problems.empty()) return problems;
    try {
        store_.set_metadata({0, form.slug, form.default_language, split_tags(form.tags), form.hotlines, false, {}});
    } catch (store::store_error const&) {
        return {{"hotlines", "campaign.hotline_invalid", {}}};
    }
    audit_.record(actor, "campaign.save", object_of(form.slug));
    republish_();
    return {};
}

void campaigns::set_archived(std::string_view actor, std::string_view slug, bool archived) {
    store_.set_archived(slug, archived);
    audit_.record(actor, archived ? "campaign.archive" : "campaign.unarchive", object_of(slug));
    republish_();
}

save_result campaigns::save(std::string_view actor, std::string_view slug, translation_form const& form) {
    save_result out;
    if (!known_language(form.language)) out.problems.push_back({"language", "campaign.language_invalid", {}});
    if (auto why = content::plain_text_problem(form.title, content::max_title_chars))
        out.problems.push_back({"title", "translation.title_invalid", *why});
    if (auto why = content::plain_text_problem(form.summary, content::max_summary_chars))
        out.problems.push_back({"summary", "translation.summary_invalid", *why});
    if (form.body.size() > content::max_markdown_bytes) {
        out.problems.push_back({"body", "translation.body_too_long", {}});
    } else {
        for (auto const& issue : content::check_markdown(form.body))
            out.problems.push_back({"body", "translation.body_invalid",
                                    std::to_string(issue.line) + ": " + issue.reason.english});
    }
    if (!out.problems.empty()) return out;
    content::translation text{form.language, form.title, form.summary, form.body, content::render_markdown(form.body)};
    auto const saved = store_.save(slug, text, form.base, actor, clock_.now().time_since_epoch().count());
    out.kind = saved.kind;
    out.latest = saved.latest;
    if (saved.kind == store::save_outcome::saved)
        audit_.record(actor, "translation.save", object_of(slug, form.language) + " r" + std::to_string(saved.latest.revision));
    return out;
}

save_result campaigns::restore(std::string_view actor, std::string_view slug, std::string_view language,
                               std::int64_t n, std::int64_t base) {
    auto const old = store_.revision(slug, language, n);
    if (!old) return {store::save_outcome::stale, {{"revision", "revision.unknown", {}}}, {}};
    auto const t = old->text;
    auto out = save(actor, slug, {t.language, t.title, t.summary, t.body_markdown, base});
    if (out.kind == store::save_outcome::saved)
        audit_.record(actor, "translation.restore", object_of(slug, language) + " r" + std::to_string(n));
    return out;
}

void campaigns::confirm(std::string_view actor, std::string_view slug, std::string_view language) {
    store_.confirm(slug, language);
    audit_.record(actor, "translation.confirm", object_of(slug, language));
}

bool campaigns::publish(std::string_view actor, std::string_view slug, std::string_view language) {
    if (!store_.publish(slug, language, position_of(language))) return false;
    audit_.record(actor, "translation.publish", object_of(slug, language));
    republish_();
    return true;
}

std::size_t campaigns::publish_all(std::string_view actor, std::string_view slug) {
    std::size_t n = 0;
    if (auto const entry = store_.find(slug))
        for (auto const& t : entry->translations)
            if (t.draft() && store_.publish(slug, t.language, position_of(t.language))) {
                audit_.record(actor, "translation.publish", object_of(slug, t.language));
                ++n;
            }
    if (n) republish_();
    return n;
}

bool campaigns::unpublish(std::string_view actor, std::string_view slug, std::string_view language) {
    if (!store_.unpublish(slug, language)) return false;
    audit_.record(actor, "translation.unpublish", object_of(slug, language));
    republish_();
    return true;
}

} // namespace farol::editor
