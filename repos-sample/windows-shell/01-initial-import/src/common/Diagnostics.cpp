// Diagnostics.cpp - logging sink management and result-code helpers.

#include "shell/Diagnostics.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace shell {

const char* ResultName(ShResult result) noexcept {
    switch (result) {
    case SH_OK: return "SH_OK";
    case SH_FALSE: return "SH_FALSE";
    case SH_E_NOTIMPL: return "SH_E_NOTIMPL";
    case SH_E_NOINTERFACE: return "SH_E_NOINTERFACE";
    case SH_E_POINTER: return "SH_E_POINTER";
    case SH_E_FAIL: return "SH_E_FAIL";
    case SH_E_UNEXPECTED: return "SH_E_UNEXPECTED";
    case SH_E_ACCESSDENIED: return "SH_E_ACCESSDENIED";
    case SH_E_INVALIDDATA: return "SH_E_INVALIDDATA";
    case SH_E_OUTOFMEMORY: return "SH_E_OUTOFMEMORY";
    case SH_E_INVALIDARG: return "SH_E_INVALIDARG";
    case SH_E_ALREADYEXISTS: return "SH_E_ALREADYEXISTS";
    case SH_E_NOTFOUND: return "SH_E_NOTFOUND";
    case SH_E_CANCELLED: return "SH_E_CANCELLED";
    default: return nullptr;
    }
}

ShResult ResultFromCurrentException() noexcept {
    try {
        throw;
    } catch (const std::bad_alloc&) {
        return SH_E_OUTOFMEMORY;
    } catch (const std::filesystem::filesystem_error& e) {
        const auto condition = e.code().default_error_condition();
        if (condition == std::errc::permission_denied) {
            return SH_E_ACCESSDENIED;
        }
        if (condition == std::errc::no_such_file_or_directory) {
            return SH_E_NOTFOUND;
        }
        return SH_E_FAIL;
    } catch (const std::invalid_argument&) {
        return SH_E_INVALIDARG;
    } catch (const std::out_of_range&) {
        return SH_E_INVALIDARG;
    } catch (...) {
        return SH_E_FAIL;
    }
}

namespace diag {
namespace {

const char* LevelTag(Level level) noexcept {
    switch (level) {
    case Level::Verbose: return "VERB";
    case Level::Info: return "INFO";
    case Level::Warning: return "WARN";
    case Level::Error: return "ERR ";
    }
    return "????";
}

void DefaultSink(Level level, std::string_view component, std::string_view message) {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                            now.time_since_epoch()).count() % 1000;

    std::tm utc{};
#if defined(_WIN32)
    gmtime_s(&utc, &seconds);
#else
    gmtime_r(&seconds, &utc);
#endif
    char stamp[32];
    std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &utc);

    std::fprintf(stderr, "%s.%03dZ %s [%.*s] %.*s\n", stamp, static_cast<int>(millis),
                 LevelTag(level), static_cast<int>(component.size()), component.data(),
                 static_cast<int>(message.size()), message.data());
}

std::atomic<Sink> g_sink{&DefaultSink};
std::atomic<int> g_minimumLevel{static_cast<int>(Level::Info)};

}  // namespace

void SetSink(Sink sink) noexcept {
    g_sink.store(sink != nullptr ? sink : &DefaultSink, std::memory_order_release);
}

void SetMinimumLevel(Level level) noexcept {
    g_minimumLevel.store(static_cast<int>(level), std::memory_order_relaxed);
}

bool IsEnabled(Level level) noexcept {
    return static_cast<int>(level) >= g_minimumLevel.load(std::memory_order_relaxed);
}

void Log(Level level, std::string_view component, std::string_view message) noexcept {
    if (!IsEnabled(level)) {
        return;
    }
    try {
        g_sink.load(std::memory_order_acquire)(level, component, message);
    } catch (...) {
        // A failing sink must never take the shell down with it.
    }
}

std::string DescribeFailure(std::string_view what, ShResult result) {
    char code[16];
    std::snprintf(code, sizeof(code), "0x%08X", static_cast<unsigned>(result));

    std::string text(what);
    text += " failed: ";
    if (const char* name = ResultName(result)) {
        text += name;
        text += " (";
        text += code;
        text += ')';
    } else {
        text += code;
    }
    return text;
}

ShResult Check(std::string_view component, std::string_view what, ShResult result) noexcept {
    if (Failed(result) && IsEnabled(Level::Warning)) {
        try {
            Log(Level::Warning, component, DescribeFailure(what, result));
        } catch (...) {
            // Formatting can only fail for lack of memory; drop the message.
        }
    }
    return result;
}

}  // namespace diag
}  // namespace shell
