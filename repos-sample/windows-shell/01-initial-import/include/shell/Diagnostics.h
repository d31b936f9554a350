// Diagnostics.h - process-wide logging for shell components.
//
// The shell runs for the whole user session, so logging is cheap by default:
// messages below the minimum level are discarded before any formatting, and
// the sink is a plain function pointer that hosts replace during start-up
// (the session host routes it into the event trace; tests route it into a
// buffer).

#pragma once

#include <string>
#include <string_view>

#include "shell/ShellCore.h"

namespace shell::diag {

enum class Level { Verbose = 0, Info = 1, Warning = 2, Error = 3 };

using Sink = void (*)(Level level, std::string_view component, std::string_view message);

// Replaces the sink. nullptr restores the default, which writes to stderr.
void SetSink(Sink sink) noexcept;

void SetMinimumLevel(Level level) noexcept;
bool IsEnabled(Level level) noexcept;

void Log(Level level, std::string_view component, std::string_view message) noexcept;

// "<what> failed: SH_E_NOTFOUND (0x80070490)"
std::string DescribeFailure(std::string_view what, ShResult result);

// Logs a warning for a failed result and passes the result through, so that
// call sites can write `return diag::Check("component", "step", hr);`.
ShResult Check(std::string_view component, std::string_view what, ShResult result) noexcept;

}  // namespace shell::diag
