/*
 * object.c - Object types, creation and reference counting.
 *
 * PointerCount is the only count: the object manager has no handles yet,
 * so every holder of a pointer owns a reference. The last dereference
 * runs the type's delete procedure and frees the memory.
 */

#include "obp.h"
#include "kd.h"

/* Objects are small; anything bigger belongs in a separate allocation. */
#define OB_MAX_BODY_SIZE    (64u * 1024)

OBJECT_TYPE *ObTypeType;
OBJECT_TYPE *ObDirectoryType;

/*
 * The "Type" type describes object types themselves. It cannot be created
 * through ObCreateObjectType (which needs it), so it is built by hand in
 * static storage.
 */
static struct {
    OBJECT_HEADER Header;
    OBJECT_TYPE Type;
} ObpTypeTypeStorage;

/*
 * Copies Length characters of Source into a new NUL-terminated pool
 * buffer. Used for type names here and for leaf names by namespace.c.
 */
KSTATUS ObpCopyName(KSTRING *Dest, const char *Source, size_t Length, uint32_t Tag)
{
    if (Length == 0) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Length > OB_NAME_MAX) {
        return STATUS_NAME_TOO_LONG;
    }

    Dest->Buffer = ExAllocatePoolWithTag(NonPagedPool, Length + 1, Tag);
    if (Dest->Buffer == NULL) {
        return STATUS_NO_MEMORY;
    }
    RtlCopyMemory(Dest->Buffer, Source, Length);
    Dest->Buffer[Length] = '\0';
    Dest->Length = (uint16_t)Length;
    Dest->MaximumLength = (uint16_t)(Length + 1);
    return STATUS_SUCCESS;
}

KSTATUS ObCreateObjectType(const char *Name, POOL_TYPE PoolType, uint32_t PoolTag,
                           OB_DELETE_PROCEDURE DeleteProcedure,
                           OBJECT_TYPE **ObjectType)
{
    OBJECT_TYPE *Type;
    KSTATUS Status;

    if (Name == NULL || ObjectType == NULL || PoolType >= MaxPoolType) {
        return STATUS_INVALID_PARAMETER;
    }

    Status = ObCreateObject(ObTypeType, sizeof(OBJECT_TYPE), (void **)&Type);
    if (!K_SUCCESS(Status)) {
        return Status;
    }

    Status = ObpCopyName(&Type->Name, Name, RtlStringLength(Name, OB_NAME_MAX + 1),
                         OB_TAG_TYPE);
    if (!K_SUCCESS(Status)) {
        ObDereferenceObject(Type);
        return Status;
    }

    Type->PoolType = PoolType;
    Type->PoolTag = PoolTag;
    Type->DeleteProcedure = DeleteProcedure;
    *ObjectType = Type;
    return STATUS_SUCCESS;
}

KSTATUS ObCreateObject(OBJECT_TYPE *Type, size_t BodySize, void **Object)
{
    OBJECT_HEADER *Header;
    uint32_t Count;

    KASSERT(Type != NULL && Object != NULL);

    if (BodySize > OB_MAX_BODY_SIZE) {
        return STATUS_INVALID_PARAMETER;
    }

    Header = ExAllocatePoolWithTag(Type->PoolType, sizeof(OBJECT_HEADER) + BodySize,
                                   Type->PoolTag);
    if (Header == NULL) {
        return STATUS_NO_MEMORY;
    }

    RtlZeroMemory(Header, sizeof(OBJECT_HEADER) + BodySize);
    Header->PointerCount = 1;
    Header->Type = Type;
    RtlInitializeListHead(&Header->DirectoryLink);

    Count = __atomic_add_fetch(&Type->ObjectCount, 1, __ATOMIC_RELAXED);
    if (Count > Type->HighWaterCount) {
        Type->HighWaterCount = Count;   /* statistics only; races are harmless */
    }

    *Object = HEADER_TO_OBJECT(Header);
    return STATUS_SUCCESS;
}

void ObReferenceObject(void *Object)
{
    OBJECT_HEADER *Header = OBJECT_TO_HEADER(Object);
    int64_t Count;

    Count = __atomic_add_fetch(&Header->PointerCount, 1, __ATOMIC_RELAXED);
    if (UNLIKELY(Count <= 1)) {
        /* Referencing an object that was already on its way out. */
        KeBugCheck(BUGCHECK_OBJECT_REFCOUNT, (uintptr_t)Object, (uintptr_t)Count,
                   (uintptr_t)Header->Type, 1);
    }
}

KSTATUS ObReferenceObjectByPointer(void *Object, OBJECT_TYPE *Type)
{
    if (Type != NULL && OBJECT_TO_HEADER(Object)->Type != Type) {
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    ObReferenceObject(Object);
    return STATUS_SUCCESS;
}

int64_t ObQueryPointerCount(void *Object)
{
    return __atomic_load_n(&OBJECT_TO_HEADER(Object)->PointerCount, __ATOMIC_RELAXED);
}

static void ObpDeleteObject(OBJECT_HEADER *Header)
{
    OBJECT_TYPE *Type = Header->Type;

    /* A named object holds a namespace reference and cannot get here. */
    KASSERT(!(Header->Flags & OB_FLAG_NAMED));

    Header->Flags |= OB_FLAG_DELETING;
    if (Type->DeleteProcedure != NULL) {
        Type->DeleteProcedure(HEADER_TO_OBJECT(Header));
    }
    if (Header->Name.Buffer != NULL) {
        ExFreePoolWithTag(Header->Name.Buffer, OB_TAG_NAME);
    }
    __atomic_sub_fetch(&Type->ObjectCount, 1, __ATOMIC_RELAXED);
    ExFreePoolWithTag(Header, Type->PoolTag);
}

void ObDereferenceObject(void *Object)
{
    OBJECT_HEADER *Header = OBJECT_TO_HEADER(Object);
    int64_t Count;

    Count = __atomic_sub_fetch(&Header->PointerCount, 1, __ATOMIC_ACQ_REL);
    if (Count > 0) {
        return;
    }
    if (UNLIKELY(Count < 0)) {
        KeBugCheck(BUGCHECK_OBJECT_REFCOUNT, (uintptr_t)Object, (uintptr_t)Count,
                   (uintptr_t)Header->Type, 2);
    }

    /*
     * Deleting means freeing pool, which for paged-pool types is only
     * legal at APC_LEVEL or below. A deferred-delete worker will lift this
     * restriction; until then the last reference must be dropped at low
     * IRQL.
     */
    if (Header->Type->PoolType == PagedPool && KeGetCurrentIrql() > APC_LEVEL) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, KeGetCurrentIrql(), APC_LEVEL,
                   (uintptr_t)Object, 3);
    }
    ObpDeleteObject(Header);
}

KSTATUS ObInitSystem(void)
{
    OBJECT_TYPE *TypeType = &ObpTypeTypeStorage.Type;
    KSTATUS Status;

    /*
     * The static header sits right in front of the static body, exactly as
     * ObCreateObject would lay it out. It is never freed.
     */
    _Static_assert(offsetof(__typeof__(ObpTypeTypeStorage), Type) == sizeof(OBJECT_HEADER),
                   "static type object must look like a pool-allocated one");

    ObpTypeTypeStorage.Header.PointerCount = 1;
    ObpTypeTypeStorage.Header.Type = TypeType;
    RtlInitializeListHead(&ObpTypeTypeStorage.Header.DirectoryLink);
    RtlInitString(&TypeType->Name, "Type");
    TypeType->PoolType = NonPagedPool;
    TypeType->PoolTag = OB_TAG_TYPE;
    TypeType->ObjectCount = 1;
    ObTypeType = TypeType;

    Status = ObpInitializeNamespace();
    if (!K_SUCCESS(Status)) {
        KdPrintError("ob: namespace initialisation failed (0x%08x)\n", (unsigned int)Status);
        return Status;
    }
    return STATUS_SUCCESS;
}
