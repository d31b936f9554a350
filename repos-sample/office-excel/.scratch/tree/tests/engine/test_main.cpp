// test_main.cpp - runs every registered OXL_TEST case.
//
// Usage: oxl_tests [substring]   runs only cases whose name contains it.

#include "check.hpp"

#include <cstdio>
#include <cstring>
#include <exception>

int main(int argc, char** argv) {
    const char* filter = argc > 1 ? argv[1] : nullptr;
    int run = 0;
    int failed_cases = 0;

    for (const auto& c : oxl::test::registry()) {
        if (filter && std::strstr(c.name, filter) == nullptr) continue;
        ++run;
        const int before = oxl::test::failure_count();
        try {
            c.fn();
        } catch (const std::exception& e) {
            oxl::test::report(c.name, 0, std::string("unexpected exception: ") + e.what());
        } catch (...) {
            oxl::test::report(c.name, 0, "unexpected non-standard exception");
        }
        const bool ok = oxl::test::failure_count() == before;
        if (!ok) ++failed_cases;
        std::printf("[%s] %s\n", ok ? " ok " : "FAIL", c.name);
    }

    std::printf("\n%d case(s) run, %d failed, %d check(s) failed\n", run, failed_cases,
                oxl::test::failure_count());
    return failed_cases == 0 && run > 0 ? 0 : 1;
}
