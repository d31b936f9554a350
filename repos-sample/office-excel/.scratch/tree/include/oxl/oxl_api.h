/*
 * oxl_api.h - flat C interface to the calculation engine.
 *
 * This is the boundary used by the .NET automation layer and by any other
 * host that cannot consume the C++ headers. Rules:
 *   - all strings are UTF-8, NUL-terminated on input;
 *   - functions never throw; failures return a status and leave a message
 *     retrievable with oxl_last_error() on the calling thread;
 *   - a workbook handle must not be used from two threads at once.
 */
#ifndef OXL_API_H
#define OXL_API_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(OXL_BUILDING_LIBRARY)
#    define OXL_API __declspec(dllexport)
#  else
#    define OXL_API __declspec(dllimport)
#  endif
#else
#  define OXL_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct oxl_workbook oxl_workbook;

typedef enum oxl_status {
    OXL_OK = 0,
    OXL_E_ARGUMENT = 1,          /* null handle, bad address, bad sheet index */
    OXL_E_NOT_FOUND = 2,         /* named sheet or file does not exist */
    OXL_E_SYNTAX = 3,            /* formula could not be parsed */
    OXL_E_BUFFER_TOO_SMALL = 4,  /* required size returned in *out_length */
    OXL_E_IO = 5,
    OXL_E_INTERNAL = 99
} oxl_status;

typedef enum oxl_value_kind {
    OXL_VALUE_EMPTY = 0,
    OXL_VALUE_NUMBER = 1,
    OXL_VALUE_BOOLEAN = 2,
    OXL_VALUE_TEXT = 3,
    OXL_VALUE_ERROR = 4
} oxl_value_kind;

typedef struct oxl_value_info {
    int32_t kind;         /* oxl_value_kind */
    int32_t error;        /* error ordinal when kind == OXL_VALUE_ERROR */
    double number;        /* number; 0/1 for booleans */
    int32_t text_length;  /* UTF-8 bytes (without NUL) when kind == TEXT */
} oxl_value_info;

/*
 * Statistics of one recalculation pass. The caller sets struct_size to
 * sizeof(oxl_recalc_stats) as it knows it; the engine fills only the fields
 * that fit, so the struct can grow without breaking older callers.
 */
typedef struct oxl_recalc_stats {
    uint32_t struct_size;
    uint32_t reserved;
    uint64_t cells_evaluated;  /* formula cells evaluated */
    uint64_t cycles_detected;  /* cells set to #CIRC! */
} oxl_recalc_stats;

/* (major << 16) | (minor << 8) | patch */
OXL_API uint32_t oxl_version(void);

/* Message for the last failure on this thread; never NULL. */
OXL_API const char* oxl_last_error(void);

OXL_API oxl_status oxl_workbook_create(oxl_workbook** out_workbook);
OXL_API void oxl_workbook_destroy(oxl_workbook* workbook);

OXL_API oxl_status oxl_sheet_add(oxl_workbook* workbook, const char* name, int32_t* out_index);
OXL_API oxl_status oxl_sheet_find(oxl_workbook* workbook, const char* name, int32_t* out_index);
OXL_API int32_t oxl_sheet_count(oxl_workbook* workbook);

/* Input as a user would type it: "42", "TRUE", "=SUM(A1:A4)", "Rent". */
OXL_API oxl_status oxl_cell_set_input(oxl_workbook* workbook, int32_t sheet,
                                      const char* a1, const char* input);
OXL_API oxl_status oxl_cell_clear(oxl_workbook* workbook, int32_t sheet, const char* a1);
OXL_API oxl_status oxl_cell_set_format(oxl_workbook* workbook, int32_t sheet,
                                       const char* a1, const char* format_code);

OXL_API oxl_status oxl_cell_get_value(oxl_workbook* workbook, int32_t sheet,
                                      const char* a1, oxl_value_info* out_info);

/*
 * Copies UTF-8 text into buffer. `which` selects the text:
 *   0 - raw text value (TEXT cells only)
 *   1 - display text with the cell's number format applied
 *   2 - formula text including the leading '=' (empty for constants)
 * *out_length receives the byte count excluding the NUL. If capacity is too
 * small nothing is copied and OXL_E_BUFFER_TOO_SMALL is returned.
 */
OXL_API oxl_status oxl_cell_get_text(oxl_workbook* workbook, int32_t sheet, const char* a1,
                                     int32_t which, char* buffer, int32_t capacity,
                                     int32_t* out_length);

OXL_API oxl_status oxl_recalculate(oxl_workbook* workbook);

/*
 * Like oxl_recalculate, and reports what the pass did. With full != 0 every
 * formula is re-evaluated, not only those affected by edits. out_stats may
 * be NULL. Available since 2.0.
 */
OXL_API oxl_status oxl_recalculate_ex(oxl_workbook* workbook, int32_t full,
                                      oxl_recalc_stats* out_stats);
OXL_API oxl_status oxl_set_manual_calc(oxl_workbook* workbook, int32_t manual);

OXL_API oxl_status oxl_import_csv(oxl_workbook* workbook, int32_t sheet,
                                  const char* path, const char* origin_a1);

#ifdef __cplusplus
}
#endif

#endif /* OXL_API_H */
