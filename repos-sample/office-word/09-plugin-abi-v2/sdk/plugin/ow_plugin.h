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
 *
 * Versioning: the host fills ow_host_api completely and sets struct_size.
 * A plugin built against an older header simply never looks at the newer
 * fields. A plugin built against this header that wants to run on older
 * hosts must test for each newer function with OW_HOST_HAS before calling
 * it. The host accepts plugins built for any ABI version from 1 up to the
 * one it implements.
 */
#ifndef OW_PLUGIN_H
#define OW_PLUGIN_H

#include "ow_types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define OW_PLUGIN_ABI_VERSION 2

/* Called when the user invokes a command the plugin registered. */
typedef ow_status (OW_CALL *ow_command_fn)(ow_document* document, void* user_data);

/* Events a plugin can subscribe to (ABI 2). Values are bit flags. */
typedef enum ow_event_kind {
    OW_EVENT_SELECTION_CHANGED = 1u << 0,
    OW_EVENT_DOCUMENT_SAVED = 1u << 1,
    OW_EVENT_KIND_FORCE_32BIT = 0x7FFFFFFF
} ow_event_kind;

/* Event callback. The document is read-only for the duration of the call:
 * replace_text fails with OW_ERR_READ_ONLY. Keep handlers fast; selection
 * events arrive on every caret movement. */
typedef void (OW_CALL *ow_event_fn)(ow_document* document, ow_event_kind event, void* user_data);

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

    /* ---- ABI version 2 ------------------------------------------------ */

    /* The selection in the view the command or event came from. An empty
     * range (length 0) is the caret position. */
    ow_status (OW_CALL *get_selection)(ow_document* document, ow_range* out_selection);

    /* Shows a short, non-modal message in the host's notification area.
     * Messages longer than 256 bytes are truncated. Rate-limited per
     * plugin; excess calls return OW_ERR_DENIED. */
    ow_status (OW_CALL *show_notification)(ow_host_context* context, const char* message);

    /* Subscribes `callback` to every event in `event_mask` (a combination
     * of ow_event_kind flags). Subscriptions last until the plugin is
     * unloaded. */
    ow_status (OW_CALL *subscribe)(ow_host_context* context, uint32_t event_mask,
                                   ow_event_fn callback, void* user_data);
} ow_host_api;

/* True if the host's function table includes `field`. Use before calling
 * any function added after ABI version 1:
 *
 *     if (OW_HOST_HAS(host, get_selection)) { ... }
 */
#define OW_HOST_HAS(api, field) \
    ((api)->struct_size >= offsetof(ow_host_api, field) + sizeof((api)->field) && \
     (api)->field != NULL)

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
