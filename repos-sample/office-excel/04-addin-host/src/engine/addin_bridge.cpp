// addin_bridge.cpp - adapts functions registered through xll_abi.h to the
// engine's FunctionRegistry.

#include "oxl/addin.hpp"

#include "oxl/functions.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <stdexcept>

#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace oxl {

namespace {

// Per add-in host state. Deliberately never freed: the add-in may keep the
// host table pointer, and registered functions outlive any single workbook.
struct HostState {
    oxl_host_v1 table{};
    FunctionRegistry* registry = nullptr;
    AddinInfo* info = nullptr;  // only set while the entry point runs
    std::string origin;
};

// Memory for one add-in call: argument text and range buffers, plus text
// blocks the add-in allocated for its result.
struct CallFrame {
    std::deque<std::string> texts;
    std::deque<std::vector<oxl_xvalue>> ranges;
    std::vector<std::unique_ptr<char[]>> allocations;
};

thread_local CallFrame* t_frame = nullptr;

// Ranges larger than this are rejected rather than copied for the call.
constexpr std::uint64_t kMaxRangeCells = 1u << 20;

oxl_xvalue scalar_to_x(const Value& v, CallFrame& frame) {
    oxl_xvalue x{};
    switch (v.kind()) {
        case Value::Kind::Empty: x.type = OXL_XTYPE_EMPTY; break;
        case Value::Kind::Number: x.type = OXL_XTYPE_NUMBER; x.u.number = v.as_number(); break;
        case Value::Kind::Boolean: x.type = OXL_XTYPE_BOOLEAN; x.u.boolean = v.as_boolean() ? 1 : 0; break;
        case Value::Kind::Text:
            frame.texts.push_back(v.as_text());
            x.type = OXL_XTYPE_TEXT;
            x.u.text.data = frame.texts.back().data();
            x.u.text.length = static_cast<std::uint32_t>(frame.texts.back().size());
            break;
        case Value::Kind::Error: x.type = OXL_XTYPE_ERROR; x.u.error = static_cast<int32_t>(v.as_error()); break;
    }
    return x;
}

Value x_to_value(const oxl_xvalue& x) {
    switch (x.type) {
        case OXL_XTYPE_EMPTY: return Value::number(0.0);
        case OXL_XTYPE_NUMBER:
            return std::isfinite(x.u.number) ? Value::number(x.u.number) : Value::error(ErrorCode::Num);
        case OXL_XTYPE_BOOLEAN: return Value::boolean(x.u.boolean != 0);
        case OXL_XTYPE_TEXT:
            if (!x.u.text.data) return Value::text({});
            return Value::text(std::string(x.u.text.data, x.u.text.length));
        case OXL_XTYPE_ERROR:
            if (x.u.error >= OXL_XERR_NULL && x.u.error <= OXL_XERR_NA) {
                return Value::error(static_cast<ErrorCode>(x.u.error));
            }
            return Value::error(ErrorCode::Value);
        default: return Value::error(ErrorCode::Value);  // ranges are not valid results
    }
}

char* host_alloc_text(void*, uint32_t length) {
    if (!t_frame) return nullptr;  // only valid during a function call
    auto block = std::make_unique<char[]>(std::size_t{length} + 1);
    char* p = block.get();
    t_frame->allocations.push_back(std::move(block));
    return p;
}

void host_log(void* ctx, int level, const char* message) {
    auto* state = static_cast<HostState*>(ctx);
    static const char* const kLevels[] = {"info", "warning", "error"};
    std::string line = (level >= 0 && level <= 2) ? kLevels[level] : "log";
    line += ": ";
    line += message ? message : "(null)";
    if (state->info) {
        state->info->messages.push_back(std::move(line));
    } else {
        std::clog << "[addin " << state->origin << "] " << line << '\n';
    }
}

bool valid_name(const char* name) {
    if (!name || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
    for (const char* p = name; *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (!(std::isalnum(c) || c == '.' || c == '_')) return false;
    }
    return std::strlen(name) <= 64;
}

Value invoke_addin(oxl_addin_fn fn, void* user, const Arguments& args) {
    CallFrame frame;
    std::vector<oxl_xvalue> xargs;
    xargs.reserve(args.size());

    for (const Argument& a : args) {
        if (!a.is_range()) {
            xargs.push_back(scalar_to_x(a.scalar_value(), frame));
            continue;
        }
        if (a.range_ref().is_single()) {
            xargs.push_back(scalar_to_x(a.at(0, 0), frame));  // see OXL_XTYPE_RANGE
            continue;
        }
        if (a.range_ref().size() > kMaxRangeCells) return Value::error(ErrorCode::Num);
        auto& cells = frame.ranges.emplace_back();
        cells.reserve(static_cast<std::size_t>(a.range_ref().size()));
        a.for_each([&](const Value& v) {
            cells.push_back(scalar_to_x(v, frame));
            return true;
        });
        oxl_xvalue x{};
        x.type = OXL_XTYPE_RANGE;
        x.u.range.cells = cells.data();
        x.u.range.rows = a.rows();
        x.u.range.cols = a.cols();
        xargs.push_back(x);
    }

    oxl_xvalue result{};
    CallFrame* const outer = t_frame;
    t_frame = &frame;
    const int rc = fn(user, xargs.data(), static_cast<uint32_t>(xargs.size()), &result);
    t_frame = outer;

    if (rc != 0) return Value::error(ErrorCode::Value);
    return x_to_value(result);  // copies text before frame releases allocations
}

int host_register(void* ctx, const oxl_function_desc* desc) {
    auto* state = static_cast<HostState*>(ctx);
    if (!desc || desc->struct_size < offsetof(oxl_function_desc, help)) return 1;

    // Accept descriptors from older add-ins (smaller) and newer ones (larger).
    oxl_function_desc d{};
    std::memcpy(&d, desc, std::min<std::size_t>(desc->struct_size, sizeof d));
    if (!valid_name(d.name) || !d.invoke || d.min_args > d.max_args || d.max_args > kVariadic) {
        host_log(ctx, OXL_LOG_ERROR, "rejected function descriptor with invalid fields");
        return 1;
    }

    FunctionSpec spec;
    spec.name = d.name;
    std::transform(spec.name.begin(), spec.name.end(), spec.name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    spec.min_args = d.min_args;
    spec.max_args = d.max_args;
    spec.impl = [fn = d.invoke, user = d.user](const Arguments& args) { return invoke_addin(fn, user, args); };

    const std::string name = spec.name;
    try {
        state->registry->add(std::move(spec));
    } catch (const std::invalid_argument&) {
        host_log(ctx, OXL_LOG_ERROR, (name + " is already defined").c_str());
        return 2;
    }
    if (state->info) state->info->functions.push_back(name);
    return 0;
}

}  // namespace

AddinInfo register_addin(oxl_addin_main_fn entry, FunctionRegistry& registry, std::string origin) {
    if (!entry) throw std::invalid_argument("add-in entry point is null");

    auto* state = new HostState;  // intentionally leaked, see HostState
    state->registry = &registry;
    state->origin = origin;
    state->table.struct_size = sizeof(oxl_host_v1);
    state->table.abi_version = OXL_ADDIN_ABI_VERSION;
    state->table.host_ctx = state;
    state->table.register_function = &host_register;
    state->table.log = &host_log;
    state->table.alloc_text = &host_alloc_text;

    AddinInfo info;
    info.origin = std::move(origin);
    state->info = &info;
    const int rc = entry(&state->table);
    state->info = nullptr;

    if (rc != 0) {
        throw std::runtime_error("add-in '" + info.origin + "' failed to initialise (code " +
                                 std::to_string(rc) + ")");
    }
    return info;
}

AddinInfo load_addin(const std::string& path, FunctionRegistry& registry) {
#if defined(_WIN32)
    HMODULE lib = ::LoadLibraryA(path.c_str());
    if (!lib) throw std::runtime_error("cannot load add-in '" + path + "'");
    auto entry = reinterpret_cast<oxl_addin_main_fn>(::GetProcAddress(lib, OXL_ADDIN_ENTRY_NAME));
#else
    void* lib = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) throw std::runtime_error("cannot load add-in '" + path + "': " + ::dlerror());
    auto entry = reinterpret_cast<oxl_addin_main_fn>(::dlsym(lib, OXL_ADDIN_ENTRY_NAME));
#endif
    if (!entry) {
        throw std::runtime_error("'" + path + "' does not export " OXL_ADDIN_ENTRY_NAME);
    }
    return register_addin(entry, registry, path);
}

}  // namespace oxl
