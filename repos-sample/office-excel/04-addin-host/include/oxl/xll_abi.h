/*
 * xll_abi.h - binary interface for calculation add-ins.
 *
 * An add-in is a shared library that exports one C function named by
 * OXL_ADDIN_ENTRY_NAME. The host calls it once after loading the library and
 * the add-in registers its worksheet functions through the host table.
 *
 * Compatibility rules:
 *   - every struct starts with struct_size; the host accepts larger structs
 *     from newer add-ins and zero-fills fields an older add-in does not know;
 *   - enumerator values are frozen; new values are only appended;
 *   - memory crosses the boundary in one direction only: arguments are owned
 *     by the host and valid for the duration of the call; text in a result
 *     must be allocated with host->alloc_text so the host can free it.
 *
 * This header is C89-compatible so add-ins can be built with any toolchain.
 */
#ifndef OXL_XLL_ABI_H
#define OXL_XLL_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OXL_ADDIN_ABI_VERSION 1u
#define OXL_ADDIN_ENTRY_NAME "oxl_addin_main"

#if defined(_WIN32)
#  define OXL_ADDIN_EXPORT __declspec(dllexport)
#else
#  define OXL_ADDIN_EXPORT __attribute__((visibility("default")))
#endif

/* Value types. */
#define OXL_XTYPE_EMPTY   0u
#define OXL_XTYPE_NUMBER  1u
#define OXL_XTYPE_BOOLEAN 2u
#define OXL_XTYPE_TEXT    3u
#define OXL_XTYPE_ERROR   4u
#define OXL_XTYPE_RANGE   5u  /* arguments only; never valid in a result.
                                 A reference to a single cell arrives as
                                 that cell's value, not as a 1x1 range. */

/* Error ordinals, identical to oxl::ErrorCode. */
#define OXL_XERR_NULL     0
#define OXL_XERR_DIV0     1
#define OXL_XERR_VALUE    2
#define OXL_XERR_REF      3
#define OXL_XERR_NAME     4
#define OXL_XERR_NUM      5
#define OXL_XERR_NA       6
#define OXL_XERR_CIRC     7  /* seen in arguments only; not a valid result */

typedef struct oxl_xvalue oxl_xvalue;

struct oxl_xvalue {
    uint32_t type;      /* OXL_XTYPE_* */
    uint32_t reserved;  /* must be zero */
    union {
        double number;
        int32_t boolean;
        int32_t error;
        struct {
            const char* data;  /* UTF-8, not necessarily NUL-terminated */
            uint32_t length;
        } text;
        struct {
            const oxl_xvalue* cells;  /* rows * cols values, row-major */
            uint32_t rows;
            uint32_t cols;
        } range;
    } u;
};

/* Function flags. */
#define OXL_FN_VOLATILE    0x0001u  /* re-evaluate on every recalculation */
#define OXL_FN_THREAD_SAFE 0x0002u  /* may be called concurrently */

/*
 * Evaluates the function. Writes the result into *result and returns 0.
 * A non-zero return means the add-in failed internally; the host reports
 * #VALUE! in the calling cell and logs the failure.
 */
typedef int (*oxl_addin_fn)(void* user, const oxl_xvalue* args, uint32_t argc,
                            oxl_xvalue* result);

typedef struct oxl_function_desc {
    uint32_t struct_size;
    const char* name;      /* ASCII letters, digits, '.', '_'; case-insensitive */
    uint32_t min_args;
    uint32_t max_args;     /* 255 = variadic */
    uint32_t flags;        /* OXL_FN_* */
    oxl_addin_fn invoke;
    void* user;            /* passed back to invoke unchanged */
    const char* help;      /* optional one-line description, may be NULL */
} oxl_function_desc;

/* Log levels for host->log. */
#define OXL_LOG_INFO  0
#define OXL_LOG_WARN  1
#define OXL_LOG_ERROR 2

typedef struct oxl_host_v1 {
    uint32_t struct_size;
    uint32_t abi_version;  /* OXL_ADDIN_ABI_VERSION of the host */
    void* host_ctx;        /* pass as first argument to every callback */

    /* Returns 0 on success, non-zero if the name is invalid or taken. */
    int (*register_function)(void* host_ctx, const oxl_function_desc* desc);
    void (*log)(void* host_ctx, int level, const char* message);
    /* Allocates length + 1 bytes; the host frees it after copying the result. */
    char* (*alloc_text)(void* host_ctx, uint32_t length);
} oxl_host_v1;

/*
 * Entry point exported by the add-in. Returns 0 on success. An add-in that
 * requires a newer ABI than host->abi_version must return non-zero without
 * registering anything.
 */
typedef int (*oxl_addin_main_fn)(const oxl_host_v1* host);

#ifdef __cplusplus
}
#endif

#endif /* OXL_XLL_ABI_H */
