/*
 * namespace.c - The object namespace.
 *
 * Directories are ordinary objects of type "Directory" holding a small
 * hash table of named children. Names compare case-insensitively. Only
 * absolute paths are accepted; there is no notion of a current directory
 * and no symbolic links yet.
 *
 * One spin lock protects the whole namespace. Lookups are short and rare
 * (driver start, device open), so contention is not a concern.
 */

#include "obp.h"
#include "kd.h"

#define OB_DIRECTORY_BUCKETS    16

struct _OBJECT_DIRECTORY {
    LIST_ENTRY Buckets[OB_DIRECTORY_BUCKETS];
    uint32_t EntryCount;
};

static OBJECT_DIRECTORY *ObpRootDirectory;
static KSPIN_LOCK ObpNamespaceLock = KSPIN_LOCK_INIT;

static uint32_t ObpHashName(const KSTRING *Name)
{
    uint32_t Hash = 0;
    uint16_t Index;

    for (Index = 0; Index < Name->Length; Index++) {
        char Character = Name->Buffer[Index];

        if (Character >= 'a' && Character <= 'z') {
            Character = (char)(Character - 'a' + 'A');
        }
        Hash = Hash * 37u + (uint8_t)Character;
    }
    return Hash;
}

static OBJECT_HEADER *ObpLookupEntry(OBJECT_DIRECTORY *Directory, const KSTRING *Name)
{
    LIST_ENTRY *Bucket = &Directory->Buckets[ObpHashName(Name) % OB_DIRECTORY_BUCKETS];
    LIST_ENTRY *Entry;

    for (Entry = Bucket->Next; Entry != Bucket; Entry = Entry->Next) {
        OBJECT_HEADER *Header = CONTAINER_OF(Entry, OBJECT_HEADER, DirectoryLink);

        if (RtlEqualString(&Header->Name, Name, true)) {
            return Header;
        }
    }
    return NULL;
}

/*
 * Walks every component of Path except the last one. On success returns
 * the directory that should contain the last component, and that
 * component (pointing into Path). Called with the namespace lock held.
 */
static KSTATUS ObpResolveParent(const char *Path, OBJECT_DIRECTORY **Parent, KSTRING *Leaf)
{
    OBJECT_DIRECTORY *Directory = ObpRootDirectory;
    OBJECT_HEADER *Header;
    KSTRING Remaining;
    KSTRING Component;
    KSTRING Next;

    RtlInitString(&Remaining, Path);
    if (Remaining.Length == 0 || Remaining.Buffer[0] != OB_PATH_SEPARATOR) {
        return STATUS_INVALID_PARAMETER;
    }
    if (!RtlNextPathComponent(&Remaining, &Component, OB_PATH_SEPARATOR)) {
        return STATUS_INVALID_PARAMETER;
    }

    while (RtlNextPathComponent(&Remaining, &Next, OB_PATH_SEPARATOR)) {
        Header = ObpLookupEntry(Directory, &Component);
        if (Header == NULL) {
            return STATUS_OBJECT_NAME_NOT_FOUND;
        }
        if (Header->Type != ObDirectoryType) {
            return STATUS_OBJECT_TYPE_MISMATCH;
        }
        Directory = HEADER_TO_OBJECT(Header);
        Component = Next;
    }

    if (Component.Length > OB_NAME_MAX) {
        return STATUS_NAME_TOO_LONG;
    }
    *Parent = Directory;
    *Leaf = Component;
    return STATUS_SUCCESS;
}

KSTATUS ObInsertObject(void *Object, const char *Path)
{
    OBJECT_HEADER *Header = OBJECT_TO_HEADER(Object);
    OBJECT_DIRECTORY *Parent;
    const char *LeafStart;
    const char *Cursor;
    KSTRING Leaf;
    KSTRING Name;
    KSTATUS Status;
    KIRQL OldIrql;

    if (Path == NULL || (Header->Flags & OB_FLAG_NAMED)) {
        return STATUS_INVALID_PARAMETER;
    }

    /*
     * Copy the leaf name before taking the lock; the allocation may have
     * to go to the page allocator.
     */
    LeafStart = Path;
    for (Cursor = Path; *Cursor != '\0'; Cursor++) {
        if (*Cursor == OB_PATH_SEPARATOR) {
            LeafStart = Cursor + 1;
        }
    }
    Status = ObpCopyName(&Name, LeafStart, (size_t)(Cursor - LeafStart), OB_TAG_NAME);
    if (!K_SUCCESS(Status)) {
        return Status;
    }

    OldIrql = KeAcquireSpinLock(&ObpNamespaceLock);
    Status = ObpResolveParent(Path, &Parent, &Leaf);
    if (K_SUCCESS(Status) && ObpLookupEntry(Parent, &Leaf) != NULL) {
        Status = STATUS_OBJECT_NAME_COLLISION;
    }
    if (!K_SUCCESS(Status)) {
        KeReleaseSpinLock(&ObpNamespaceLock, OldIrql);
        ExFreePoolWithTag(Name.Buffer, OB_TAG_NAME);
        return Status;
    }

    Header->Name = Name;
    Header->Directory = Parent;
    Header->Flags |= OB_FLAG_NAMED;
    RtlInsertTailList(&Parent->Buckets[ObpHashName(&Name) % OB_DIRECTORY_BUCKETS],
                      &Header->DirectoryLink);
    Parent->EntryCount++;
    ObReferenceObject(Object);              /* the namespace's reference */
    KeReleaseSpinLock(&ObpNamespaceLock, OldIrql);

    KdPrintTrace("ob: inserted %s\n", Path);
    return STATUS_SUCCESS;
}

void ObMakeTemporaryObject(void *Object)
{
    OBJECT_HEADER *Header = OBJECT_TO_HEADER(Object);
    bool WasNamed = false;
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&ObpNamespaceLock);
    if (Header->Flags & OB_FLAG_NAMED) {
        RtlRemoveEntryList(&Header->DirectoryLink);
        Header->Directory->EntryCount--;
        Header->Directory = NULL;
        Header->Flags &= ~OB_FLAG_NAMED;
        WasNamed = true;
    }
    KeReleaseSpinLock(&ObpNamespaceLock, OldIrql);

    if (WasNamed) {
        ObDereferenceObject(Object);
    }
}

KSTATUS ObReferenceObjectByName(const char *Path, OBJECT_TYPE *Type, void **Object)
{
    OBJECT_DIRECTORY *Parent;
    OBJECT_HEADER *Header;
    KSTRING Leaf;
    KSTATUS Status;
    KIRQL OldIrql;

    if (Path == NULL || Object == NULL) {
        return STATUS_INVALID_PARAMETER;
    }

    OldIrql = KeAcquireSpinLock(&ObpNamespaceLock);
    Status = ObpResolveParent(Path, &Parent, &Leaf);
    if (K_SUCCESS(Status)) {
        Header = ObpLookupEntry(Parent, &Leaf);
        if (Header == NULL) {
            Status = STATUS_OBJECT_NAME_NOT_FOUND;
        } else if (Type != NULL && Header->Type != Type) {
            Status = STATUS_OBJECT_TYPE_MISMATCH;
        } else {
            ObReferenceObject(HEADER_TO_OBJECT(Header));
            *Object = HEADER_TO_OBJECT(Header);
        }
    }
    KeReleaseSpinLock(&ObpNamespaceLock, OldIrql);
    return Status;
}

static void ObpInitializeDirectory(OBJECT_DIRECTORY *Directory)
{
    uint32_t Index;

    for (Index = 0; Index < OB_DIRECTORY_BUCKETS; Index++) {
        RtlInitializeListHead(&Directory->Buckets[Index]);
    }
    Directory->EntryCount = 0;
}

static void ObpDeleteDirectory(void *Object)
{
    OBJECT_DIRECTORY *Directory = Object;

    /*
     * Children do not reference their parent, so a directory must already
     * be empty when its last reference goes away.
     */
    KASSERT(Directory->EntryCount == 0);
}

KSTATUS ObCreateDirectory(const char *Path, OBJECT_DIRECTORY **Directory)
{
    OBJECT_DIRECTORY *New;
    KSTATUS Status;

    Status = ObCreateObject(ObDirectoryType, sizeof(OBJECT_DIRECTORY), (void **)&New);
    if (!K_SUCCESS(Status)) {
        return Status;
    }
    ObpInitializeDirectory(New);

    Status = ObInsertObject(New, Path);
    if (!K_SUCCESS(Status)) {
        ObDereferenceObject(New);
        return Status;
    }

    if (Directory != NULL) {
        *Directory = New;
    } else {
        ObDereferenceObject(New);
    }
    return STATUS_SUCCESS;
}

KSTATUS ObpInitializeNamespace(void)
{
    static const char *const StandardDirectories[] = { "\\Device", "\\Driver", "\\Kernel" };
    KSTATUS Status;
    size_t Index;

    Status = ObCreateObjectType("Directory", NonPagedPool, OB_TAG_DIRECTORY,
                                ObpDeleteDirectory, &ObDirectoryType);
    if (!K_SUCCESS(Status)) {
        return Status;
    }

    /* The root is unnamed and keeps its creation reference forever. */
    Status = ObCreateObject(ObDirectoryType, sizeof(OBJECT_DIRECTORY),
                            (void **)&ObpRootDirectory);
    if (!K_SUCCESS(Status)) {
        return Status;
    }
    ObpInitializeDirectory(ObpRootDirectory);

    for (Index = 0; Index < ARRAY_COUNT(StandardDirectories); Index++) {
        Status = ObCreateDirectory(StandardDirectories[Index], NULL);
        if (!K_SUCCESS(Status)) {
            return Status;
        }
    }
    return STATUS_SUCCESS;
}
