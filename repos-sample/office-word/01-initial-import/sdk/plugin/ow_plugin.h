/*
 * ow_plugin.h - native plugin ABI for the Office Word document core.
 *
 * A plugin is a shared library exporting one function, ow_plugin_entry.
 * The host calls it once after loading, passing a table of host functions;
 * the plugin fills in an ow_plugin_info describing itself and registers its
 * commands through the table. After that, the host calls the plugin only
 * through the callbacks it registered.
 *
 * Threading: every call in either direction happens on the host's UI
 * thread. Plugins that start their own threads must not call host
 * functions from them.
 *
 * Strings: const char* parameters are NUL-terminated UTF-8. Document text
 * is exchanged as UTF-16 (ow_char16) with explicit lengths.
 */
#ifndef OW_PLUGIN_H
#define OW_PLUGIN_H

#include "ow_types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OW_PLUGIN_ABI_VERSION 1

/* Called when the user invokes a command the plugin registered. */
typedef ow_status (OW_CALL *ow_command_fn)(ow_document* document, void* user_data);

typedef struct ow_host_api {
    uint32_t struct_size;  /* sizeof(ow_host_api) as compiled into the host */
    uint32_t abi_version;  /* highest ABI version the host implements */
    ow_host_context* context;

    /* Total length of the document in UTF-16 code units, including the
     * final paragraph mark (U+2029). */
    ow_status (OW_CALL *get_length)(ow_document* document, uint64_t* out_length);

    /* Copies text from `range` into `buffer`. If `capacity` is too small,
     * returns OW_ERR_BUFFER_TOO_SMALL and stores the required size in
     * *out_written without copying anything. */
    ow_status (OW_CALL *get_text)(ow_document* document, ow_range range, ow_char16* buffer,
                                  uint64_t capacity, uint64_t* out_written);

    /* Replaces `range` with `text`. Recorded as one undo step labelled with
     * the invoking command's label. Fails with OW_ERR_OUT_OF_RANGE if the
     * range would include the final paragraph mark. */
    ow_status (OW_CALL *replace_text)(ow_document* document, ow_range range,
                                      const ow_char16* text, uint64_t length);

    /* Registers a command. `command_id` must be unique and stable across
     * versions ("vendor.plugin.action"); `label` is shown in menus. */
    ow_status (OW_CALL *register_command)(ow_host_context* context, const char* command_id,
                                          const char* label, ow_command_fn callback,
                                          void* user_data);

    /* Writes to the host log. Messages may be truncated at 1 KiB. */
    void (OW_CALL *log)(ow_host_context* context, ow_log_level level, const char* message);
} ow_host_api;

typedef struct ow_plugin_info {
    uint32_t struct_size;   /* set by the host before calling the entry point */
    uint32_t abi_version;   /* plugin sets: ABI version it was built against */
    const char* id;         /* reverse-DNS identifier; static storage */
    const char* name;       /* display name; static storage */
    const char* version;    /* plugin's own version string; static storage */

    /* Optional. Called once before the library is unloaded. */
    void (OW_CALL *shutdown)(void* user_data);
    void* user_data;
} ow_plugin_info;

/* The one symbol every plugin exports. Return OW_OK to stay loaded; any
 * other status makes the host unload the library immediately (shutdown is
 * not called in that case). */
OW_PLUGIN_EXPORT ow_status OW_CALL ow_plugin_entry(const ow_host_api* host, ow_plugin_info* info);

typedef ow_status (OW_CALL *ow_plugin_entry_fn)(const ow_host_api* host, ow_plugin_info* info);

#define OW_PLUGIN_ENTRY_SYMBOL "ow_plugin_entry"

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* OW_PLUGIN_H */
