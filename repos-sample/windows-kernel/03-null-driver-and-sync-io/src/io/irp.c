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
    KEVENT *UserEvent;

    if (UNLIKELY(Irp->Flags & IRP_FLAG_COMPLETED)) {
        /* Completing twice means two parties think they own the IRP. */
        KeBugCheck(BUGCHECK_ASSERTION_FAILED, (uintptr_t)"IRP completed twice",
                   (uintptr_t)__FILE__, __LINE__, (uintptr_t)Irp);
    }
    KASSERT(Irp->IoStatus.Status != STATUS_PENDING);

    Irp->Flags |= IRP_FLAG_COMPLETED;

    /*
     * Run the completion routine first and signal the waiter last. The
     * waiter owns the IRP again the moment the event is set and normally
     * frees it straight away, so nothing here may touch the IRP after
     * KeSetEvent.
     */
    if (Irp->CompletionRoutine != NULL) {
        Irp->CompletionRoutine(Irp, Irp->CompletionContext);
    }
    UserEvent = Irp->UserEvent;
    if (UserEvent != NULL) {
        KeSetEvent(UserEvent, PriorityBoost);
    }
}

/* Sends Irp, waits for it if the driver pends it, then frees it. */
static KSTATUS IopCallAndWait(DEVICE_OBJECT *Device, IRP *Irp, IO_STATUS_BLOCK *IoStatus)
{
    KEVENT Event;
    KSTATUS Status;

    KeInitializeEvent(&Event, NotificationEvent, false);
    Irp->UserEvent = &Event;

    if (IoCallDriver(Device, Irp) == STATUS_PENDING) {
        KeWaitForSingleObject(&Event);
    }

    /*
     * The dispatch routine's return value only says whether the IRP was
     * pended; the outcome is in IoStatus, which is final once the IRP has
     * completed.
     */
    Status = Irp->IoStatus.Status;
    if (IoStatus != NULL) {
        *IoStatus = Irp->IoStatus;
    }
    IoFreeIrp(Irp);
    return Status;
}

KSTATUS IoSendSynchronousRequest(DEVICE_OBJECT *Device, uint8_t MajorFunction,
                                 void *Buffer, size_t Length, uint64_t ByteOffset,
                                 IO_STATUS_BLOCK *IoStatus)
{
    IRP *Irp;

    KASSERT(KeGetCurrentIrql() < DISPATCH_LEVEL);

    if (MajorFunction != IRP_MJ_READ && MajorFunction != IRP_MJ_WRITE) {
        return STATUS_INVALID_PARAMETER;
    }

    Irp = IoAllocateIrp();
    if (Irp == NULL) {
        return STATUS_NO_MEMORY;
    }
    Irp->MajorFunction = MajorFunction;
    Irp->Parameters.ReadWrite.Buffer = Buffer;
    Irp->Parameters.ReadWrite.Length = Length;
    Irp->Parameters.ReadWrite.ByteOffset = ByteOffset;
    return IopCallAndWait(Device, Irp, IoStatus);
}

KSTATUS IoSendDeviceControl(DEVICE_OBJECT *Device, uint32_t ControlCode,
                            const void *InputBuffer, size_t InputLength,
                            void *OutputBuffer, size_t OutputLength,
                            IO_STATUS_BLOCK *IoStatus)
{
    IRP *Irp;

    KASSERT(KeGetCurrentIrql() < DISPATCH_LEVEL);

    Irp = IoAllocateIrp();
    if (Irp == NULL) {
        return STATUS_NO_MEMORY;
    }
    Irp->MajorFunction = IRP_MJ_DEVICE_CONTROL;
    Irp->Parameters.DeviceControl.ControlCode = ControlCode;
    Irp->Parameters.DeviceControl.InputBuffer = InputBuffer;
    Irp->Parameters.DeviceControl.InputLength = InputLength;
    Irp->Parameters.DeviceControl.OutputBuffer = OutputBuffer;
    Irp->Parameters.DeviceControl.OutputLength = OutputLength;
    return IopCallAndWait(Device, Irp, IoStatus);
}
