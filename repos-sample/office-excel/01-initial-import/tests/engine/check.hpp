// check.hpp - a deliberately small test harness.
//
// The engine has no third-party dependencies and the tests keep it that way.
// OXL_TEST registers a case; CHECK* macros record failures and carry on so a
// single run reports every broken expectation.
#pragma once

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace oxl::test {

struct Case {
    const char* name;
    void (*fn)();
};

inline std::vector<Case>& registry() {
    static std::vector<Case> cases;
    return cases;
}

inline int& failure_count() {
    static int count = 0;
    return count;
}

struct Registrar {
    Registrar(const char* name, void (*fn)()) { registry().push_back({name, fn}); }
};

inline void report(const char* file, int line, const std::string& message) {
    std::fprintf(stderr, "  %s:%d: %s\n", file, line, message.c_str());
    ++failure_count();
}

template <typename A, typename B>
std::string describe(const char* expr_a, const char* expr_b, const A& a, const B& b) {
    std::ostringstream out;
    out << expr_a << " == " << expr_b << " failed: got " << a << " vs " << b;
    return out.str();
}

}  // namespace oxl::test

#define OXL_TEST(name)                                                   \
    static void name();                                                  \
    static const ::oxl::test::Registrar name##_registrar(#name, &name);  \
    static void name()

#define CHECK(expr)                                                           \
    do {                                                                      \
        if (!(expr)) ::oxl::test::report(__FILE__, __LINE__, "CHECK(" #expr ") failed"); \
    } while (0)

#define CHECK_EQ(a, b)                                                                  \
    do {                                                                                \
        const auto check_a_ = (a);                                                      \
        const auto check_b_ = (b);                                                      \
        if (!(check_a_ == check_b_)) {                                                  \
            ::oxl::test::report(__FILE__, __LINE__,                                     \
                                ::oxl::test::describe(#a, #b, check_a_, check_b_));     \
        }                                                                               \
    } while (0)

#define CHECK_NEAR(a, b, tolerance)                                                     \
    do {                                                                                \
        const double check_a_ = (a);                                                    \
        const double check_b_ = (b);                                                    \
        if (!(std::fabs(check_a_ - check_b_) <= (tolerance))) {                         \
            ::oxl::test::report(__FILE__, __LINE__,                                     \
                                ::oxl::test::describe(#a, #b, check_a_, check_b_));     \
        }                                                                               \
    } while (0)

#define CHECK_THROWS(expr, exception_type)                                              \
    do {                                                                                \
        bool check_thrown_ = false;                                                     \
        try {                                                                           \
            (void)(expr);                                                               \
        } catch (const exception_type&) {                                               \
            check_thrown_ = true;                                                       \
        }                                                                               \
        if (!check_thrown_) {                                                           \
            ::oxl::test::report(__FILE__, __LINE__, #expr " did not throw " #exception_type); \
        }                                                                               \
    } while (0)
