/*
 * irp.c - I/O request packet allocation, dispatch and completion.
 */

#include "io.h"

#define IO_TAG_IRP      POOL_TAG('I', 'o', 'I', 'r')

IRP *IoAllocateIrp(void)
{
    IRP *Irp;

    Irp = ExAllocatePoolWithTag(NonPagedPool, sizeof(IRP), IO_TAG_IRP);
    if (Irp == NULL) {
        return NULL;
    }
    RtlZeroMemory(Irp, sizeof(IRP));
    Irp->IoStatus.Status = STATUS_PENDING;
    RtlInitializeListHead(&Irp->DriverQueueEntry);
    return Irp;
}

void IoFreeIrp(IRP *Irp)
{
    /* Freeing an IRP that a driver still has queued is a use-after-free. */
    KASSERT(RtlIsListEmpty(&Irp->DriverQueueEntry));
    ExFreePoolWithTag(Irp, IO_TAG_IRP);
}

void IoSetCompletionRoutine(IRP *Irp, IO_COMPLETION_ROUTINE Routine, void *Context)
{
    Irp->CompletionRoutine = Routine;
    Irp->CompletionContext = Context;
}

KSTATUS IoCallDriver(DEVICE_OBJECT *Device, IRP *Irp)
{
    DRIVER_DISPATCH Dispatch;

    KASSERT(Device != NULL && Irp != NULL);
    KASSERT(KeGetCurrentIrql() <= DISPATCH_LEVEL);

    Irp->Device = Device;
    if (Irp->MajorFunction >= IRP_MJ_MAXIMUM) {
        Irp->IoStatus.Status = STATUS_INVALID_PARAMETER;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INVALID_PARAMETER;
    }

    Dispatch = Device->Driver->MajorFunction[Irp->MajorFunction];
    return Dispatch(Device, Irp);
}

/*
 * Finishes an IRP. The driver has filled in IoStatus. May be called at
 * DISPATCH_LEVEL or below, from any thread.
 */
void IoCompleteRequest(IRP *Irp, KPRIORITY PriorityBoost)
{
    if (UNLIKELY(Irp->Flags & IRP_FLAG_COMPLETED)) {
        /* Completing twice means two parties think they own the IRP. */
        KeBugCheck(BUGCHECK_ASSERTION_FAILED, (uintptr_t)"IRP completed twice",
                   (uintptr_t)__FILE__, __LINE__, (uintptr_t)Irp);
    }
    KASSERT(Irp->IoStatus.Status != STATUS_PENDING);

    Irp->Flags |= IRP_FLAG_COMPLETED;

    if (Irp->UserEvent != NULL) {
        KeSetEvent(Irp->UserEvent, PriorityBoost);
    }
    if (Irp->CompletionRoutine != NULL) {
        Irp->CompletionRoutine(Irp, Irp->CompletionContext);
    }
}
