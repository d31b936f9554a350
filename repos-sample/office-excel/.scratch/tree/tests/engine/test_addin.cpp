// test_addin.cpp - the add-in ABI, exercised with an in-process add-in.

#include "check.hpp"
#include "sheet_fixture.hpp"

#include "oxl/addin.hpp"
#include "oxl/functions.hpp"

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>

using namespace oxl;

namespace {

const oxl_host_v1* g_host = nullptr;

void set_error(oxl_xvalue* result, int32_t code) {
    result->type = OXL_XTYPE_ERROR;
    result->u.error = code;
}

// TEST.HYPOT(a, b)
int hypot_fn(void*, const oxl_xvalue* args, uint32_t argc, oxl_xvalue* result) {
    if (argc != 2 || args[0].type != OXL_XTYPE_NUMBER || args[1].type != OXL_XTYPE_NUMBER) {
        set_error(result, OXL_XERR_VALUE);
        return 0;
    }
    result->type = OXL_XTYPE_NUMBER;
    result->u.number = std::hypot(args[0].u.number, args[1].u.number);
    return 0;
}

// TEST.NUMBERS(range) - counts numeric cells; checks range marshalling.
int count_numbers(void*, const oxl_xvalue* args, uint32_t, oxl_xvalue* result) {
    if (args[0].type != OXL_XTYPE_RANGE) {
        set_error(result, OXL_XERR_VALUE);
        return 0;
    }
    const auto& r = args[0].u.range;
    double count = 0;
    for (uint32_t i = 0; i < r.rows * r.cols; ++i) {
        if (r.cells[i].type == OXL_XTYPE_NUMBER) ++count;
    }
    result->type = OXL_XTYPE_NUMBER;
    result->u.number = count;
    return 0;
}

// TEST.GREET(name) - returns host-allocated text; `user` carries the prefix.
int greet(void* user, const oxl_xvalue* args, uint32_t, oxl_xvalue* result) {
    const char* prefix = static_cast<const char*>(user);
    if (args[0].type != OXL_XTYPE_TEXT) {
        set_error(result, OXL_XERR_VALUE);
        return 0;
    }
    const uint32_t length = static_cast<uint32_t>(std::strlen(prefix)) + args[0].u.text.length;
    char* out = g_host->alloc_text(g_host->host_ctx, length);
    if (!out) return 1;
    std::memcpy(out, prefix, std::strlen(prefix));
    std::memcpy(out + std::strlen(prefix), args[0].u.text.data, args[0].u.text.length);
    result->type = OXL_XTYPE_TEXT;
    result->u.text.data = out;
    result->u.text.length = length;
    return 0;
}

// TEST.BROKEN() - reports an internal failure.
int broken(void*, const oxl_xvalue*, uint32_t, oxl_xvalue*) { return 5; }

int register_one(const oxl_host_v1* host, const char* name, uint32_t min_args, uint32_t max_args,
                 oxl_addin_fn fn, void* user = nullptr) {
    oxl_function_desc d{};
    d.struct_size = sizeof d;
    d.name = name;
    d.min_args = min_args;
    d.max_args = max_args;
    d.invoke = fn;
    d.user = user;
    return host->register_function(host->host_ctx, &d);
}

char g_prefix[] = "Hello, ";

int test_addin_main(const oxl_host_v1* host) {
    if (host->abi_version < 1) return 1;
    g_host = host;
    register_one(host, "TEST.HYPOT", 2, 2, hypot_fn);
    register_one(host, "TEST.NUMBERS", 1, 1, count_numbers);
    register_one(host, "test.greet", 1, 1, greet, g_prefix);
    register_one(host, "TEST.BROKEN", 0, 0, broken);
    if (register_one(host, "SUM", 1, 255, hypot_fn) == 0) return 2;  // must be refused
    if (register_one(host, "1BAD", 0, 0, broken) == 0) return 3;     // invalid name
    host->log(host->host_ctx, OXL_LOG_INFO, "test add-in ready");
    return 0;
}

int failing_addin_main(const oxl_host_v1*) { return 42; }

}  // namespace

OXL_TEST(addin_registers_functions_and_reports_rejections) {
    FunctionRegistry registry = FunctionRegistry::builtins();
    const AddinInfo info = register_addin(&test_addin_main, registry, "in-process");

    CHECK_EQ(info.functions.size(), std::size_t{4});
    CHECK_EQ(info.functions[2], std::string("TEST.GREET"));
    CHECK(registry.find("test.hypot") != nullptr);
    CHECK(FunctionRegistry::builtins().find("TEST.HYPOT") == nullptr);  // builtins untouched

    bool saw_ready = false;
    bool saw_duplicate = false;
    for (const auto& m : info.messages) {
        saw_ready = saw_ready || m == "info: test add-in ready";
        saw_duplicate = saw_duplicate || m.find("SUM is already defined") != std::string::npos;
    }
    CHECK(saw_ready);
    CHECK(saw_duplicate);
}

OXL_TEST(addin_functions_evaluate_in_formulas) {
    FunctionRegistry registry = FunctionRegistry::builtins();
    register_addin(&test_addin_main, registry, "in-process");

    Workbook wb(registry);
    const std::size_t s = wb.add_sheet("S");
    auto at = [](const char* a1) { return *CellAddress::parse(a1); };

    wb.set_input(s, at("A1"), "3");
    wb.set_input(s, at("A2"), "four");
    wb.set_input(s, at("A3"), "4");
    wb.set_input(s, at("B1"), "=TEST.HYPOT(A1,A3)");
    wb.set_input(s, at("B2"), "=TEST.NUMBERS(A1:A5)");
    wb.set_input(s, at("B3"), "=TEST.GREET(A2)");
    wb.set_input(s, at("B4"), "=TEST.BROKEN()");
    wb.set_input(s, at("B5"), "=TEST.HYPOT(A1)");

    CHECK_EQ(wb.value(s, at("B1")), Value::number(5));
    CHECK_EQ(wb.value(s, at("B2")), Value::number(2));
    CHECK_EQ(wb.value(s, at("B3")), Value::text("Hello, four"));
    CHECK_EQ(wb.value(s, at("B4")), Value::error(ErrorCode::Value));
    CHECK_EQ(wb.value(s, at("B5")), Value::error(ErrorCode::Value));

    wb.set_input(s, at("A1"), "6");
    wb.set_input(s, at("A3"), "8");
    CHECK_EQ(wb.value(s, at("B1")), Value::number(10));
}

OXL_TEST(addin_entry_failure_and_missing_library_throw) {
    FunctionRegistry registry;
    CHECK_THROWS(register_addin(&failing_addin_main, registry, "failing"), std::runtime_error);
    CHECK_THROWS(register_addin(nullptr, registry, "null"), std::invalid_argument);
    CHECK_THROWS(load_addin("/nonexistent/liboxl_missing_addin.so", registry), std::runtime_error);
}
