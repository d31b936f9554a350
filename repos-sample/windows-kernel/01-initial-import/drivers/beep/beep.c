/*
 * beep.c - PC speaker driver.
 *
 * Programs channel 2 of the 8254 interval timer as a square-wave
 * generator and gates it onto the speaker through the system control
 * port. Tones run until stopped: timed beeps need the timer queue, and
 * callers can sleep between START and STOP in the meantime.
 */

#include "beep.h"
#include "kd.h"
#include "arch/x64.h"

#define PIT_INPUT_FREQUENCY     1193182u    /* Hz */
#define PIT_CHANNEL2_DATA       0x42
#define PIT_COMMAND             0x43
#define PIT_CHANNEL2_SQUARE     0xB6        /* channel 2, lo/hi byte, mode 3, binary */

#define SYSTEM_CONTROL_PORT     0x61
#define SPEAKER_TIMER_GATE      0x01
#define SPEAKER_DATA_ENABLE     0x02

typedef struct _BEEP_EXTENSION {
    /*
     * Port 0x61 also carries the NMI status bits, so it is read-modified-
     * written with interrupts off to keep an NMI handler's view consistent.
     */
    KSPIN_LOCK Lock;
    uint32_t Frequency;
    uint64_t TonesStarted;
} BEEP_EXTENSION;

static void BeepProgramTone(uint32_t Frequency)
{
    uint32_t Divisor = PIT_INPUT_FREQUENCY / Frequency;
    uint8_t Control;

    ArchOutByte(PIT_COMMAND, PIT_CHANNEL2_SQUARE);
    ArchOutByte(PIT_CHANNEL2_DATA, (uint8_t)(Divisor & 0xFF));
    ArchOutByte(PIT_CHANNEL2_DATA, (uint8_t)(Divisor >> 8));

    Control = ArchInByte(SYSTEM_CONTROL_PORT);
    ArchOutByte(SYSTEM_CONTROL_PORT, Control | SPEAKER_TIMER_GATE | SPEAKER_DATA_ENABLE);
}

static void BeepSilence(void)
{
    uint8_t Control = ArchInByte(SYSTEM_CONTROL_PORT);

    ArchOutByte(SYSTEM_CONTROL_PORT,
                Control & (uint8_t)~(SPEAKER_TIMER_GATE | SPEAKER_DATA_ENABLE));
}

static KSTATUS BeepComplete(IRP *Irp, KSTATUS Status, size_t Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, K_SUCCESS(Status) ? IO_SOUND_INCREMENT : IO_NO_INCREMENT);
    return Status;
}

static KSTATUS BeepCreateClose(DEVICE_OBJECT *Device, IRP *Irp)
{
    UNUSED(Device);
    return BeepComplete(Irp, STATUS_SUCCESS, 0);
}

static KSTATUS BeepDeviceControl(DEVICE_OBJECT *Device, IRP *Irp)
{
    BEEP_EXTENSION *Extension = Device->DeviceExtension;
    const BEEP_PARAMETERS *Parameters;
    BEEP_STATE *State;
    uint64_t Flags;

    switch (Irp->Parameters.DeviceControl.ControlCode) {
    case IOCTL_BEEP_START:
        if (Irp->Parameters.DeviceControl.InputLength < sizeof(BEEP_PARAMETERS)) {
            return BeepComplete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        Parameters = Irp->Parameters.DeviceControl.InputBuffer;
        if (Parameters->Frequency < BEEP_MIN_FREQUENCY ||
            Parameters->Frequency > BEEP_MAX_FREQUENCY) {
            return BeepComplete(Irp, STATUS_INVALID_PARAMETER, 0);
        }
        spin_lock_irqsave(&Extension->Lock, Flags);
        BeepProgramTone(Parameters->Frequency);
        Extension->Frequency = Parameters->Frequency;
        Extension->TonesStarted++;
        spin_unlock_irqrestore(&Extension->Lock, Flags);
        return BeepComplete(Irp, STATUS_SUCCESS, 0);

    case IOCTL_BEEP_STOP:
        spin_lock_irqsave(&Extension->Lock, Flags);
        BeepSilence();
        Extension->Frequency = 0;
        spin_unlock_irqrestore(&Extension->Lock, Flags);
        return BeepComplete(Irp, STATUS_SUCCESS, 0);

    case IOCTL_BEEP_QUERY:
        if (Irp->Parameters.DeviceControl.OutputLength < sizeof(BEEP_STATE)) {
            return BeepComplete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
        }
        State = Irp->Parameters.DeviceControl.OutputBuffer;
        spin_lock_irqsave(&Extension->Lock, Flags);
        State->Frequency = Extension->Frequency;
        State->Reserved = 0;
        State->TonesStarted = Extension->TonesStarted;
        spin_unlock_irqrestore(&Extension->Lock, Flags);
        return BeepComplete(Irp, STATUS_SUCCESS, sizeof(BEEP_STATE));

    default:
        return BeepComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
}

static void BeepUnload(DRIVER_OBJECT *Driver)
{
    BEEP_EXTENSION *Extension;
    uint64_t Flags;

    while (Driver->DeviceList != NULL) {
        Extension = Driver->DeviceList->DeviceExtension;
        spin_lock_irqsave(&Extension->Lock, Flags);
        BeepSilence();
        spin_unlock_irqrestore(&Extension->Lock, Flags);
        IoDeleteDevice(Driver->DeviceList);
    }
}

KSTATUS BeepDriverEntry(DRIVER_OBJECT *Driver)
{
    BEEP_EXTENSION *Extension;
    DEVICE_OBJECT *Device;
    KSTATUS Status;

    Status = IoCreateDevice(Driver, sizeof(BEEP_EXTENSION), "Beep", DEVICE_TYPE_BEEP, &Device);
    if (!K_SUCCESS(Status)) {
        return Status;
    }

    Extension = Device->DeviceExtension;
    KeInitializeSpinLock(&Extension->Lock);
    Device->Flags |= DO_EXCLUSIVE;

    Driver->MajorFunction[IRP_MJ_CREATE] = BeepCreateClose;
    Driver->MajorFunction[IRP_MJ_CLOSE] = BeepCreateClose;
    Driver->MajorFunction[IRP_MJ_DEVICE_CONTROL] = BeepDeviceControl;
    Driver->Unload = BeepUnload;

    /* Firmware sometimes leaves the speaker gated on; start silent. */
    BeepSilence();
    return STATUS_SUCCESS;
}
