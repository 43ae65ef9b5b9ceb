#include "support/json_schema.hpp"

#include <stdexcept>

namespace farol::test {

namespace json = boost::json;

namespace {

json::value const& resolve(json::value const& schema, json::value const& root) {
    auto const* o = schema.if_object();
    if (!o || !o->contains("$ref")) return schema;
    auto const ref = std::string(o->at("$ref").as_string());
    if (!ref.starts_with("#/")) throw std::invalid_argument("only local $ref: " + ref);
    std::error_code ec;
    auto const* target = root.find_pointer(ref.substr(1), ec);
    if (!target) throw std::invalid_argument("unresolved $ref: " + ref);
    return resolve(*target, root);
}

bool has_type(json::value const& v, std::string_view type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_bool();
    if (type == "null") return v.is_null();
    if (type == "integer") return v.is_int64() || v.is_uint64() || (v.is_double() && v.as_double() == static_cast<double>(static_cast<long long>(v.as_double())));
    if (type == "number") return v.is_number();
    return false;
}

double number(json::value const& v) { return v.to_number<double>(); }

struct checker {
    json::value const& root;
    std::vector<std::string> out;

    void type(json::value const& v, json::value const& t, std::string const& path) {
        if (t.is_string()) {
            if (!has_type(v, t.as_string())) out.push_back(path + ": not " + std::string(t.as_string()));
            return;
        }
        for (auto const& one : t.as_array())
            if (has_type(v, one.as_string())) return;
        out.push_back(path + ": none of the allowed types");
    }

    void object(json::object const& v, json::object const& s, std::string const& path) {
        if (auto const* req = s.if_contains("required"))
            for (auto const& name : req->as_array())
                if (!v.contains(name.as_string())) out.push_back(path + "." + std::string(name.as_string()) + ": missing");
        if (auto const* props = s.if_contains("properties"))
            for (auto const& [name, sub] : props->as_object())
                if (auto const* field = v.if_contains(name)) check(*field, sub, path + "." + std::string(name));
    }

    void check(json::value const& v, json::value const& raw, std::string const& path) {
        auto const& schema = resolve(raw, root);
        auto const* s = schema.if_object();
        if (!s) return;
        if (auto const* t = s->if_contains("type")) type(v, *t, path);
        if (auto const* c = s->if_contains("const"); c && v != *c) out.push_back(path + ": not the constant");
        if (auto const* e = s->if_contains("enum")) {
            bool found = false;
            for (auto const& x : e->as_array()) found = found || x == v;
            if (!found) out.push_back(path + ": not one of the enum");
        }
        if (v.is_number()) {
            if (auto const* m = s->if_contains("minimum"); m && number(v) < number(*m)) out.push_back(path + ": below minimum");
            if (auto const* m = s->if_contains("maximum"); m && number(v) > number(*m)) out.push_back(path + ": above maximum");
        }
        if (v.is_object()) object(v.as_object(), *s, path);
        if (auto const* items = s->if_contains("items"); items && v.is_array())
            for (std::size_t i = 0; i < v.as_array().size(); ++i)
                check(v.as_array()[i], *items, path + "[" + std::to_string(i) + "]");
        if (auto const* all = s->if_contains("allOf"))
            for (auto const& sub : all->as_array()) check(v, sub, path);
        if (auto const* one = s->if_contains("oneOf")) {
            int matched = 0;
            for (auto const& sub : one->as_array()) matched += schema_violations(v, sub, root).empty() ? 1 : 0;
            if (matched != 1) out.push_back(path + ": matches " + std::to_string(matched) + " of oneOf");
        }
    }
};

} // namespace

std::vector<std::string> schema_violations(json::value const& instance, json::value const& schema,
                                           json::value const& root) {
    checker c{root, {}};
    c.check(instance, schema, "$");
    return std::move(c.out);
}

} // namespace farol::test
