/*
 * kbase.h - Base types, status codes and helper macros shared by every
 * component of the executive.
 *
 * This header must stay free of hardware-specific code so that the host
 * unit tests (KERNEL_HOST_TEST) can include it unchanged.
 */

#ifndef KBASE_H
#define KBASE_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>

/*
 * Status codes. A KSTATUS is negative on failure so that K_SUCCESS() is a
 * single sign test. Informational codes are small positive values.
 */
typedef int32_t KSTATUS;

#define K_SUCCESS(Status)   ((KSTATUS)(Status) >= 0)

#define STATUS_SUCCESS                  ((KSTATUS)0x00000000)
#define STATUS_PENDING                  ((KSTATUS)0x00000001)
#define STATUS_TIMEOUT                  ((KSTATUS)0x00000002)
#define STATUS_NO_MORE_ENTRIES          ((KSTATUS)0x00000003)

#define STATUS_UNSUCCESSFUL             ((KSTATUS)0xE0000001)
#define STATUS_NOT_IMPLEMENTED          ((KSTATUS)0xE0000002)
#define STATUS_INVALID_PARAMETER        ((KSTATUS)0xE0000003)
#define STATUS_NO_MEMORY                ((KSTATUS)0xE0000004)
#define STATUS_BUFFER_TOO_SMALL         ((KSTATUS)0xE0000005)
#define STATUS_NAME_TOO_LONG            ((KSTATUS)0xE0000006)
#define STATUS_OBJECT_NAME_NOT_FOUND    ((KSTATUS)0xE0000007)
#define STATUS_OBJECT_NAME_COLLISION    ((KSTATUS)0xE0000008)
#define STATUS_OBJECT_TYPE_MISMATCH     ((KSTATUS)0xE0000009)
#define STATUS_INVALID_DEVICE_REQUEST   ((KSTATUS)0xE000000A)
#define STATUS_END_OF_FILE              ((KSTATUS)0xE000000B)
#define STATUS_DEVICE_BUSY              ((KSTATUS)0xE000000C)
#define STATUS_REGISTRY_CORRUPT         ((KSTATUS)0xE000000D)
#define STATUS_NOT_SUPPORTED            ((KSTATUS)0xE000000E)

/*
 * Bug check codes. Parameters are documented next to each KeBugCheck call
 * site; docs/architecture.md lists the codes an engineer is likely to meet.
 */
#define BUGCHECK_ASSERTION_FAILED       0x0001u
#define BUGCHECK_IRQL_MISMATCH          0x0002u
#define BUGCHECK_SPINLOCK_NOT_OWNED     0x0003u
#define BUGCHECK_POOL_CORRUPTION        0x0004u
#define BUGCHECK_POOL_TAG_MISMATCH      0x0005u
#define BUGCHECK_OBJECT_REFCOUNT        0x0006u
#define BUGCHECK_PFN_CORRUPTION         0x0007u
#define BUGCHECK_INVALID_WAIT           0x0008u
#define BUGCHECK_PHASE0_INIT_FAILED     0x0009u
#define BUGCHECK_NO_MEMORY_MAP          0x000Au
#define BUGCHECK_SPINLOCK_RECURSION     0x000Bu

#define NORETURN        __attribute__((noreturn))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define LIKELY(x)       __builtin_expect(!!(x), 1)
#define UNLIKELY(x)     __builtin_expect(!!(x), 0)
#define UNUSED(x)       ((void)(x))

#define ARRAY_COUNT(a)  (sizeof(a) / sizeof((a)[0]))

#define ALIGN_UP(Value, Align) \
    (((Value) + ((Align) - 1)) & ~((__typeof__(Value))(Align) - 1))
#define ALIGN_DOWN(Value, Align) \
    ((Value) & ~((__typeof__(Value))(Align) - 1))
#define IS_ALIGNED(Value, Align) \
    (((Value) & ((__typeof__(Value))(Align) - 1)) == 0)

#define CONTAINER_OF(Pointer, Type, Field) \
    ((Type *)((char *)(Pointer) - offsetof(Type, Field)))

#define KPAGE_SHIFT     12
#define KPAGE_SIZE      (1u << KPAGE_SHIFT)

/*
 * Four-character pool and object tags, stored so that they read correctly
 * in a memory dump: POOL_TAG('O','b','j','D') shows up as "ObjD".
 */
#define POOL_TAG(a, b, c, d) \
    ((uint32_t)(uint8_t)(a) | ((uint32_t)(uint8_t)(b) << 8) | \
     ((uint32_t)(uint8_t)(c) << 16) | ((uint32_t)(uint8_t)(d) << 24))

NORETURN void KeBugCheck(uint32_t Code, uintptr_t P1, uintptr_t P2,
                         uintptr_t P3, uintptr_t P4);

/*
 * Assertions stay enabled in release builds. They are cheap, and a bug
 * check with a file and line is worth more than silent corruption.
 */
#define KASSERT(Condition)                                                  \
    do {                                                                    \
        if (UNLIKELY(!(Condition))) {                                       \
            KeBugCheck(BUGCHECK_ASSERTION_FAILED, (uintptr_t)#Condition,    \
                       (uintptr_t)__FILE__, (uintptr_t)__LINE__, 0);        \
        }                                                                   \
    } while (0)

#endif /* KBASE_H */
