#pragma once
#include <string>
#include <string_view>

namespace farol::editor {

// A coarse label for a session list ("Firefox on Linux"), so a user can tell their sessions
// apart: browser family and operating system only, never the user-agent string or a version.
std::string coarse_device(std::string_view user_agent);

} // namespace farol::editor
