#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace farol::http {

struct request_context;

// Who may call a route in an area that holds sessions (DESIGN.md, "Areas and route policy").
enum class role : std::uint8_t { admin = 1, editor = 2, analyst = 4, partner = 8 };
using role_set = std::uint8_t;
constexpr role_set any_role = 0x0f;
constexpr role_set only(role r) { return static_cast<role_set>(r); }
constexpr role_set operator|(role a, role b) { return static_cast<role_set>(static_cast<unsigned>(a) | static_cast<unsigned>(b)); }
constexpr bool allows(role_set set, role r) { return (set & static_cast<role_set>(r)) != 0; }

std::string_view to_string(role r);
std::optional<role> parse_role(std::string_view s); // "admin", "editor", "analyst", "partner"

// A step a signed-in user must take before anything else (OWASP ASVS: a one-time password is
// changed at first use; a second factor is checked before the session is whole).
enum class pending_step : std::uint8_t { none = 0, second_factor = 1, change_password = 2, enrol_second_factor = 4 };
using step_set = std::uint8_t;
constexpr step_set every_step = 0x07;

// The signed-in user behind a request, resolved once by the dispatcher from the session cookie.
struct principal {
    std::int64_t user_id = 0;
    std::int64_t session_id = 0;
    std::string name;
    http::role role = http::role::editor;
    pending_step step = pending_step::none;
    std::string csrf_token; // what every state-changing form of this session must carry
};

// How the dispatcher learns who is signed in; the editor module implements it. resolve() blocks
// (SQLite), so areas that hold sessions run their routes on the worker pool.
class session_resolver {
public:
    virtual ~session_resolver() = default;
    // The session named by ctx.cookies, if valid now; renews its idle time.
    virtual std::optional<principal> resolve(request_context const& ctx) const = 0;
    // From the head alone and without blocking: false when ctx.cookies cannot name a session, so an
    // upload from someone not signed in is refused before its body is read.
    virtual bool may_resolve(request_context const& ctx) const = 0;
    // Where a GET without a session is sent (303), with `next` the path it asked for.
    virtual std::string sign_in_location(std::string_view next) const = 0;
    // Where a user with a pending step is sent (303).
    virtual std::string step_location(pending_step step) const = 0;
};

// Why the route policy refused a request (the detail of its 403); the editor's error page shows
// each in the user's language.
namespace refusal {
inline constexpr std::string_view cross_origin = "This form was sent from another site and was refused.";
inline constexpr std::string_view not_signed_in = "You are not signed in, or your session has ended. Sign in again.";
inline constexpr std::string_view stale_form = "This form has expired. Load the page again and send it once more.";
inline constexpr std::string_view unfinished = "Finish signing in first.";
inline constexpr std::string_view role = "Your role does not allow this.";
} // namespace refusal

// The form field that carries the CSRF token (OWASP's synchroniser token pattern).
constexpr std::string_view csrf_field = "csrf";

} // namespace farol::http
