/*
 * ob.h - Object manager: typed, reference-counted kernel objects and the
 * hierarchical object namespace ("\Device\Null", "\Driver\Beep", ...).
 *
 * Every object is allocated by ObCreateObject with an OBJECT_HEADER in
 * front of its body. Callers only ever see the body pointer.
 */

#ifndef OB_H
#define OB_H

#include "kbase.h"
#include "rtl.h"
#include "ke.h"
#include "mm.h"

#define OB_NAME_MAX             64      /* one path component */
#define OB_PATH_SEPARATOR       '\\'

typedef void (*OB_DELETE_PROCEDURE)(void *Object);

typedef struct _OBJECT_TYPE {
    KSTRING Name;
    POOL_TYPE PoolType;
    uint32_t PoolTag;
    OB_DELETE_PROCEDURE DeleteProcedure;   /* may be NULL */
    volatile uint32_t ObjectCount;
    uint32_t HighWaterCount;
} OBJECT_TYPE;

typedef struct _OBJECT_DIRECTORY OBJECT_DIRECTORY;

#define OB_FLAG_NAMED           0x0001u /* linked into a directory */
#define OB_FLAG_DELETING        0x0002u

typedef struct _OBJECT_HEADER {
    volatile int64_t PointerCount;
    OBJECT_TYPE *Type;
    OBJECT_DIRECTORY *Directory;            /* parent while named */
    LIST_ENTRY DirectoryLink;
    KSTRING Name;                           /* leaf name, pool-allocated */
    uint32_t Flags;
    uint32_t Reserved;
    _Alignas(16) uint8_t Body[];
} OBJECT_HEADER;

#define OBJECT_TO_HEADER(Object)    CONTAINER_OF((Object), OBJECT_HEADER, Body)
#define HEADER_TO_OBJECT(Header)    ((void *)(Header)->Body)

extern OBJECT_TYPE *ObDirectoryType;
extern OBJECT_TYPE *ObTypeType;

KSTATUS ObInitSystem(void);

KSTATUS ObCreateObjectType(const char *Name, POOL_TYPE PoolType, uint32_t PoolTag,
                           OB_DELETE_PROCEDURE DeleteProcedure,
                           OBJECT_TYPE **ObjectType);

/* Returns a zeroed body with one reference owned by the caller. */
KSTATUS ObCreateObject(OBJECT_TYPE *Type, size_t BodySize, void **Object);

void ObReferenceObject(void *Object);
void ObDereferenceObject(void *Object);
KSTATUS ObReferenceObjectByPointer(void *Object, OBJECT_TYPE *Type);
int64_t ObQueryPointerCount(void *Object);

/*
 * Namespace (src/ob/namespace.c). Inserting an object gives the namespace
 * its own reference; ObMakeTemporaryObject removes the name and drops it.
 */
KSTATUS ObCreateDirectory(const char *Path, OBJECT_DIRECTORY **Directory);
KSTATUS ObInsertObject(void *Object, const char *Path);
void ObMakeTemporaryObject(void *Object);
KSTATUS ObReferenceObjectByName(const char *Path, OBJECT_TYPE *Type, void **Object);

#endif /* OB_H */
