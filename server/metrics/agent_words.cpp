#include "metrics/agent_words.hpp"

#include "util/strings.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace farol::metrics {

namespace {

RE2::Options literal_options() {
    RE2::Options o;
    o.set_literal(true);
    o.set_case_sensitive(false);
    o.set_encoding(RE2::Options::EncodingLatin1); // a user-agent's bytes, valid UTF-8 or not
    o.set_log_errors(false);
    return o;
}

struct word_set {
    RE2::Set set{literal_options(), RE2::UNANCHORED};
    word_set() {
        for (auto w : agent_words)
            if (set.Add(re2::StringPiece(w.data(), w.size()), nullptr) < 0)
                throw std::logic_error("an agent word RE2 refuses");
        if (!set.Compile()) throw std::runtime_error("RE2 could not compile the user-agent words");
    }
};

// The slow way, for when RE2 gives up: a lower-case copy searched once per word.
agent_word_set search_each(std::string_view user_agent) {
    auto const lowered = util::to_lower(user_agent);
    agent_word_set found;
    for (std::size_t i = 0; i < agent_words.size(); ++i)
        found[i] = lowered.find(agent_words[i]) != std::string::npos;
    return found;
}

} // namespace

agent_word_set find_agent_words(std::string_view user_agent) {
    static word_set const words; // compiled once, on first use
    thread_local std::vector<int> hits;  // its capacity kept between calls
    hits.clear();
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    agent_word_set found;
    if (words.set.Match(re2::StringPiece(user_agent.data(), user_agent.size()), &hits, &error)) {
        for (int i : hits) found.set(static_cast<std::size_t>(i));
        return found;
    }
    return error.kind == RE2::Set::kNoError ? found : search_each(user_agent);
}

} // namespace farol::metrics
