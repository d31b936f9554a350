/*
 * entry.S - Kernel entry stub.
 *
 * The boot manager loads kernel.elf, builds the page tables (kernel image
 * at KERNEL_VIRTUAL_BASE, all physical memory at the direct map) and
 * jumps here in 64-bit mode with:
 *
 *   rdi     BOOT_INFO, addressed through the direct map
 *   rsp     undefined; we switch to our own stack immediately
 *   IF      clear
 *   CR8     0
 *
 * The stub clears .bss, loads a minimal GDT that the HAL later replaces,
 * and calls KiSystemStartup, which never returns.
 */

#define BOOT_STACK_SIZE     16384
#define KERNEL_CS           0x08
#define KERNEL_DS           0x10

        .section .text.entry, "ax", @progbits
        .globl  KiEntry
        .type   KiEntry, @function
KiEntry:
        cli
        cld
        movq    %rdi, %r12                  /* keep BOOT_INFO across the setup */

        leaq    KiBootStackTop(%rip), %rsp
        xorl    %ebp, %ebp

        /* Zero .bss. The boot manager only copies file-backed sections. */
        leaq    __bss_start(%rip), %rdi
        leaq    __bss_end(%rip), %rcx
        subq    %rdi, %rcx
        xorl    %eax, %eax
        rep stosb

        /* Our own GDT, so segment selectors no longer depend on the loader. */
        lgdt    KiBootGdtDescriptor(%rip)
        movl    $KERNEL_DS, %eax
        movl    %eax, %ds
        movl    %eax, %es
        movl    %eax, %ss
        xorl    %eax, %eax
        movl    %eax, %fs
        movl    %eax, %gs                   /* GS base is set from the PRCB later */

        /* Reload CS with a far return. */
        pushq   $KERNEL_CS
        leaq    1f(%rip), %rax
        pushq   %rax
        lretq
1:
        movq    %r12, %rdi
        call    KiSystemStartup

        /* Not reached. If it is, stop here rather than run into garbage. */
2:      hlt
        jmp     2b
        .size   KiEntry, . - KiEntry

        .section .rodata
        .balign 16
KiBootGdt:
        .quad   0x0000000000000000          /* null */
        .quad   0x00AF9A000000FFFF          /* 0x08: 64-bit code, ring 0 */
        .quad   0x00CF92000000FFFF          /* 0x10: data, ring 0 */
KiBootGdtEnd:

        .balign 2
KiBootGdtDescriptor:
        .word   KiBootGdtEnd - KiBootGdt - 1
        .quad   KiBootGdt

        .section .bss
        .balign 16
KiBootStack:
        .skip   BOOT_STACK_SIZE
KiBootStackTop:

        .section .note.GNU-stack, "", @progbits
