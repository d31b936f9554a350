// resource.h - identifiers for shellres.dll.
//
// Ids are part of the contract with language packs: never renumber or reuse
// an id. Add new ones at the end of their range.

#pragma once

// Version and manifest
#define IDR_SHELL_MANIFEST              2

// Strings: taskbar (100-199)
#define IDS_TASKBAR_START_TOOLTIP       100
#define IDS_TASKBAR_SHOW_DESKTOP        101
#define IDS_TASKBAR_PIN                 102
#define IDS_TASKBAR_UNPIN               103
#define IDS_TASKBAR_CLOSE_WINDOW        104
#define IDS_TASKBAR_CLOSE_ALL_WINDOWS   105

// Strings: start menu (200-299)
#define IDS_START_ALL_APPS              200
#define IDS_START_MOST_USED             201
#define IDS_START_PIN_TO_START          202
#define IDS_START_UNPIN_FROM_START      203

// Strings: explorer (300-399)
#define IDS_VERB_OPEN                   300
#define IDS_VERB_RENAME                 301
#define IDS_VERB_DELETE                 302
#define IDS_VERB_PROPERTIES             303
#define IDS_COLUMN_NAME                 310
#define IDS_COLUMN_SIZE                 311
#define IDS_COLUMN_MODIFIED             312
#define IDS_COLUMN_TYPE                 313

// Strings: notification area (400-499)
#define IDS_NOTIFY_SHOW_HIDDEN_ICONS    400

// Menus
#define IDM_TASKBAR_CONTEXT             1000
#define IDM_TASKBAR_LOCK                1001
#define IDM_TASKBAR_SETTINGS            1002
#define IDM_TASKBAR_TASK_MANAGER        1003

// Dialogs and controls
#define IDD_TASKBAR_PROPERTIES          2000
#define IDC_EDGE_COMBO                  2001
#define IDC_AUTOHIDE_CHECK              2002
#define IDC_SMALL_BUTTONS_CHECK         2003
#define IDC_GROUPING_COMBO              2004
