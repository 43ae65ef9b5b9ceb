#pragma once
// A small JSON Schema (2020-12) check for the API tests: enough of the vocabulary to hold a real
// response to the OpenAPI document's schemas (type, required, properties, items, enum, const,
// minimum, maximum, allOf, oneOf, and "$ref" to "#/..." inside the same document).
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace farol::test {

// Every way `instance` breaks `schema`, as "<path>: <reason>" ("$.campaigns[0].title: missing");
// empty when it conforms. `root` is the document "$ref"s point into. Throws std::invalid_argument
// on a "$ref" that does not resolve.
std::vector<std::string> schema_violations(boost::json::value const& instance, boost::json::value const& schema,
                                           boost::json::value const& root);

} // namespace farol::test
