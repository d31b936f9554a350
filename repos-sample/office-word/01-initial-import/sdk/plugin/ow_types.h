/*
 * ow_types.h - basic types shared by the Office Word plugin ABI.
 *
 * This header is plain C99 and must stay that way: plugins are built
 * with whatever toolchain their authors prefer, and the managed add-in SDK
 * generates its interop layer from these declarations.
 *
 * Rules for changing anything in sdk/plugin/:
 *   - never reorder, remove or retype an existing field or enumerator;
 *   - new fields go at the end of a struct, guarded by its struct_size;
 *   - bump OW_PLUGIN_ABI_VERSION only for additions a plugin must opt into.
 */
#ifndef OW_TYPES_H
#define OW_TYPES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  define OW_PLUGIN_EXPORT __declspec(dllexport)
#  define OW_CALL __cdecl
#else
#  define OW_PLUGIN_EXPORT __attribute__((visibility("default")))
#  define OW_CALL
#endif

/* UTF-16 code unit, identical to the document model's storage unit. */
typedef uint16_t ow_char16;

typedef enum ow_status {
    OW_OK = 0,
    OW_ERR_INVALID_ARGUMENT = 1,
    OW_ERR_OUT_OF_RANGE = 2,
    OW_ERR_BUFFER_TOO_SMALL = 3, /* required size is reported; call again */
    OW_ERR_READ_ONLY = 4,        /* document is protected or in a read-only view */
    OW_ERR_UNSUPPORTED = 5,      /* host is older than the feature requested */
    OW_ERR_DENIED = 6,           /* blocked by administrator policy */
    OW_ERR_INTERNAL = 100,
    OW_STATUS_FORCE_32BIT = 0x7FFFFFFF
} ow_status;

typedef enum ow_log_level {
    OW_LOG_DEBUG = 0,
    OW_LOG_INFO = 1,
    OW_LOG_WARNING = 2,
    OW_LOG_ERROR = 3,
    OW_LOG_LEVEL_FORCE_32BIT = 0x7FFFFFFF
} ow_log_level;

/* A range of UTF-16 code units in a document. */
typedef struct ow_range {
    uint64_t start;
    uint64_t length;
} ow_range;

/* Opaque handles. Valid only for the duration of the callback that
 * received them; plugins must not store them. */
typedef struct ow_document ow_document;
typedef struct ow_host_context ow_host_context;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* OW_TYPES_H */
