#include "content/bundle_writer.hpp"

#include "content/front_matter.hpp"
#include "content/text_rules.hpp"
#include "content/timestamp.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace farol::content {

namespace {

namespace fs = std::filesystem;

// Quotes like JSON writers that keep UTF-8 as is (Python's ensure_ascii=False).
std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        auto const c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\t') {
            out += "\\t";
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

// Pretty JSON with 2-space indent: one member or item a line, "[]"/"{}" when empty.
class pretty_json {
public:
    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    void key(std::string_view k) {
        start_item();
        out_ += quote(k) + ": ";
        after_key_ = true;
    }
    void string(std::string_view v) {
        start_item();
        out_ += quote(v);
    }
    void member(std::string_view k, std::string_view v) {
        key(k);
        string(v);
    }
    void string_array(std::string_view k, std::vector<std::string> const& items) {
        key(k);
        begin_array();
        for (auto const& i : items) string(i);
        end_array();
    }
    std::string text() const { return out_ + "\n"; }

private:
    // A value right after its key stays on the key's line; anything else starts a new line.
    void start_item() {
        if (std::exchange(after_key_, false) || counts_.empty()) return;
        if (counts_.back()++ > 0) out_ += ',';
        out_ += '\n';
        out_.append(2 * counts_.size(), ' ');
    }
    void open(char c) {
        start_item();
        out_ += c;
        counts_.push_back(0);
    }
    void close(char c) {
        bool const empty = counts_.back() == 0;
        counts_.pop_back();
        if (!empty) {
            out_ += '\n';
            out_.append(2 * counts_.size(), ' ');
        }
        out_ += c;
    }

    std::string out_;
    std::vector<int> counts_; // items so far, per open container
    bool after_key_ = false;
};

std::vector<std::string> ordered_keys(std::map<std::string, std::string> const& m,
                                      std::vector<std::string> const& order) {
    std::vector<std::string> keys;
    for (auto const& l : order)
        if (m.contains(l) && std::find(keys.begin(), keys.end(), l) == keys.end()) keys.push_back(l);
    for (auto const& [k, v] : m)
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    return keys;
}

std::string hotlines_json(std::vector<hotline> const& hotlines, std::vector<std::string> const& order) {
    pretty_json j;
    j.begin_object();
    for (auto const& h : hotlines) {
        j.key(h.id);
        j.begin_object();
        j.member("number", h.number);
        for (auto const* texts : {&h.label, &h.description}) {
            j.key(texts == &h.label ? "label" : "description");
            j.begin_object();
            for (auto const& l : ordered_keys(*texts, order)) j.member(l, texts->at(l));
            j.end_object();
        }
        j.end_object();
    }
    j.end_object();
    return j.text();
}

void write_file(fs::path const& p, std::string const& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::system_error(errno, std::generic_category(), "cannot write " + p.string());
}

// Names become paths: a stored value must not be able to write outside dir.
void check_names(campaign const& c) {
    auto const refuse = [&](std::string const& what) {
        throw std::runtime_error("campaign '" + c.slug + "': cannot export " + what);
    };
    if (!is_id(c.slug)) refuse("a campaign whose slug is not a valid folder name");
    for (auto const& t : c.translations)
        if (!is_language_tag_shape(t.language)) refuse("language '" + t.language + "'");
    for (auto const& m : c.materials)
        for (auto const& f : m.files)
            if (!is_safe_file_name(f.file_name)) refuse("material file name '" + f.file_name + "'");
}

void write_campaign(campaign const& c, material_store const& store, fs::path const& dir) {
    check_names(c);
    fs::path const folder = dir / c.slug;
    fs::create_directories(folder);
    write_file(folder / "campaign.json", campaign_json(c));
    for (auto const& t : c.translations)
        write_file(folder / (t.language + ".md"), format_page(t.title, t.summary, t.body_markdown));
    for (auto const& m : c.materials) {
        for (auto const& f : m.files) {
            if (!store.contains(f.sha256))
                throw std::runtime_error("campaign " + c.slug + ": material file " + f.file_name + " (" + f.sha256 +
                                         ") is missing from " + store.root().string());
            fs::create_directories(folder / "materials");
            fs::copy_file(store.path_of(f.sha256), folder / "materials" / f.file_name,
                          fs::copy_options::overwrite_existing);
        }
    }
}

} // namespace

std::string campaign_json(campaign const& c) {
    pretty_json j;
    j.begin_object();
    j.member("slug", c.slug);
    j.member("default_language", c.default_language);
    j.string_array("tags", c.tags);
    j.string_array("hotlines", c.hotlines);
    j.key("publish");
    j.begin_object();
    if (c.window.from) j.member("from", format_utc_timestamp(*c.window.from));
    if (c.window.until) j.member("until", format_utc_timestamp(*c.window.until));
    j.end_object();
    j.key("materials");
    j.begin_array();
    for (auto const& m : c.materials) {
        j.begin_object();
        j.member("id", m.id);
        j.member("kind", m.kind);
        j.key("files");
        j.begin_object();
        for (auto const& f : m.files) j.member(f.language, "materials/" + f.file_name);
        j.end_object();
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.text();
}

void write_bundles(library const& lib, material_store const& store, fs::path const& dir,
                   std::vector<std::string> const& language_order) {
    fs::create_directories(dir);
    write_file(dir / "hotlines.json", hotlines_json(lib.hotlines, language_order));
    for (auto const& c : lib.campaigns) write_campaign(c, store, dir);
}

} // namespace farol::content
