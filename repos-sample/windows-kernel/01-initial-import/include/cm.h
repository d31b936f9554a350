/*
 * cm.h - Configuration manager: read-only access to the SYSTEM hive that
 * the boot manager loads into memory.
 *
 * Hive image format ("KHiv", version 1). All fields little endian; all
 * offsets are byte offsets from the start of the image.
 *
 *   CM_HIVE_HEADER    at offset 0
 *   cells             8-byte aligned, each starting with CM_CELL_HEADER
 *
 * A key cell names its subkeys and values through list cells: arrays of
 * cell indexes whose length is the count stored in the key. A value's
 * data lives in a separate data cell.
 */

#ifndef CM_H
#define CM_H

#include "kbase.h"

typedef uint32_t CM_CELL_INDEX;

#define CM_NULL_CELL            0xFFFFFFFFu
#define CM_CELL_ALIGNMENT       8u

#define CM_HIVE_SIGNATURE       POOL_TAG('K', 'H', 'i', 'v')
#define CM_HIVE_VERSION         1u

#define CM_CELL_KEY             0x796Bu     /* "ky" */
#define CM_CELL_VALUE           0x6C76u     /* "vl" */
#define CM_CELL_LIST            0x736Cu     /* "ls" */
#define CM_CELL_DATA            0x7464u     /* "dt" */

#define CM_TYPE_NONE            0u
#define CM_TYPE_STRING          1u          /* NUL-terminated 8-bit text */
#define CM_TYPE_BINARY          2u
#define CM_TYPE_UINT32          3u
#define CM_TYPE_UINT64          4u

#define CM_MAX_NAME             255u
#define CM_MAX_PATH_DEPTH       16u

typedef struct _CM_HIVE_HEADER {
    uint32_t Signature;
    uint16_t Version;
    uint16_t Flags;
    uint32_t Length;                        /* whole image */
    CM_CELL_INDEX RootCell;
    uint32_t Checksum;                      /* XOR of the other seven words */
    uint32_t Reserved[3];
} CM_HIVE_HEADER;

typedef struct _CM_CELL_HEADER {
    uint32_t Size;                          /* whole cell, header included */
    uint16_t Kind;                          /* CM_CELL_* */
    uint16_t NameLength;                    /* key and value cells only */
} CM_CELL_HEADER;

typedef struct _CM_KEY_CELL {
    CM_CELL_HEADER Header;
    uint32_t SubkeyCount;
    CM_CELL_INDEX SubkeyList;
    uint32_t ValueCount;
    CM_CELL_INDEX ValueList;
    char Name[];
} CM_KEY_CELL;

typedef struct _CM_VALUE_CELL {
    CM_CELL_HEADER Header;
    uint32_t Type;                          /* CM_TYPE_* */
    uint32_t DataLength;
    CM_CELL_INDEX Data;                     /* CM_CELL_DATA, or CM_NULL_CELL if empty */
    uint32_t Reserved;
    char Name[];
} CM_VALUE_CELL;

typedef struct _CM_LIST_CELL {
    CM_CELL_HEADER Header;
    CM_CELL_INDEX Entries[];
} CM_LIST_CELL;

typedef struct _CM_HIVE {
    const uint8_t *Image;
    uint32_t Length;
    CM_CELL_INDEX RootCell;
} CM_HIVE;

KSTATUS CmInitializeHive(CM_HIVE *Hive, const void *Image, uint32_t Length);

/* Path components are separated by '\'. Parent CM_NULL_CELL means the root. */
KSTATUS CmOpenKey(const CM_HIVE *Hive, CM_CELL_INDEX Parent, const char *Path,
                  CM_CELL_INDEX *Key);

/*
 * On entry *DataLength is the size of Data; on return it is the size of
 * the value, also when STATUS_BUFFER_TOO_SMALL is returned.
 */
KSTATUS CmQueryValue(const CM_HIVE *Hive, CM_CELL_INDEX Key, const char *Name,
                     uint32_t *Type, void *Data, uint32_t *DataLength);
KSTATUS CmQueryUint32(const CM_HIVE *Hive, CM_CELL_INDEX Key, const char *Name,
                      uint32_t *Value);

/* The system hive, set up during phase 0. */
KSTATUS CmInitSystem(const void *Image, uint32_t Length);
uint32_t CmGetSystemUint32(const char *KeyPath, const char *ValueName, uint32_t Default);

#endif /* CM_H */
