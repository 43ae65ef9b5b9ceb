#pragma once
#include <optional>
#include <string_view>

namespace farol::http {

// A list member with its weight, e.g. "gzip;q=0.5" or "pt-BR;q=0.8" (RFC 9110 §12.4.2).
struct weighted_member {
    std::string_view value; // the coding, language range or media range; "*" stays "*"
    int weight = 1000;      // thousandths: 0 means "not acceptable", 1000 is the default
};

// RFC 9110 qvalue, ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths; nullopt if malformed.
std::optional<int> parse_qvalue(std::string_view v);

// One list member: value [ OWS ";" OWS "q=" qvalue ], the weight's "q" in either case (RFC 9110 §12.4.2).
// nullopt for an empty value, a malformed weight or any other parameter (Accept-Encoding and
// Accept-Language allow none), so a member the client spelled wrong never counts as acceptable.
std::optional<weighted_member> parse_weighted_member(std::string_view member);

} // namespace farol::http
