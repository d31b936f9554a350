using System;
using System.Runtime.InteropServices;

namespace Office.Excel.Automation.Interop;

/// <summary>Status codes returned by the C API (oxl_status).</summary>
internal enum NativeStatus
{
    Ok = 0,
    Argument = 1,
    NotFound = 2,
    Syntax = 3,
    BufferTooSmall = 4,
    IO = 5,
    Internal = 99,
}

/// <summary>Mirror of oxl_value_info. Field order and sizes must match oxl_api.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeValueInfo
{
    public int Kind;
    public int Error;
    public double Number;
    public int TextLength;
}

/// <summary>Mirror of oxl_recalc_stats (engine 2.0 and later).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeRecalcStats
{
    public uint StructSize;
    public uint Reserved;
    public ulong CellsEvaluated;
    public ulong CyclesDetected;

    public static NativeRecalcStats Create() =>
        new() { StructSize = (uint)Marshal.SizeOf<NativeRecalcStats>() };
}

/// <summary>Owns an oxl_workbook pointer and destroys it exactly once.</summary>
internal sealed class WorkbookHandle : SafeHandle
{
    public WorkbookHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.oxl_workbook_destroy(handle);
        return true;
    }
}

/// <summary>P/Invoke declarations for oxl_api.h. Strings cross the boundary as UTF-8.</summary>
internal static class NativeMethods
{
    private const string Library = "oxlengine";

    internal const int TextRaw = 0;
    internal const int TextDisplay = 1;
    internal const int TextFormula = 2;

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern uint oxl_version();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr oxl_last_error();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_workbook_create(out WorkbookHandle workbook);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void oxl_workbook_destroy(IntPtr workbook);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_sheet_add(
        WorkbookHandle workbook, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, out int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_sheet_find(
        WorkbookHandle workbook, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, out int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_cell_set_input(
        WorkbookHandle workbook, int sheet,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string address,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string input);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_cell_clear(
        WorkbookHandle workbook, int sheet, [MarshalAs(UnmanagedType.LPUTF8Str)] string address);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_cell_set_format(
        WorkbookHandle workbook, int sheet,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string address,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string formatCode);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_cell_get_value(
        WorkbookHandle workbook, int sheet,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string address, out NativeValueInfo info);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_cell_get_text(
        WorkbookHandle workbook, int sheet,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string address, int which,
        byte[]? buffer, int capacity, out int length);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_recalculate(WorkbookHandle workbook);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_recalculate_ex(
        WorkbookHandle workbook, int full, ref NativeRecalcStats stats);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_set_manual_calc(WorkbookHandle workbook, int manual);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern NativeStatus oxl_import_csv(
        WorkbookHandle workbook, int sheet,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string? origin);

    /// <summary>Message recorded by the engine for the last failure on this thread.</summary>
    internal static string LastError() =>
        Marshal.PtrToStringUTF8(oxl_last_error()) ?? string.Empty;

    /// <summary>Throws <see cref="EngineException"/> unless <paramref name="status"/> is Ok.</summary>
    internal static void Check(NativeStatus status)
    {
        if (status != NativeStatus.Ok)
        {
            throw new EngineException(Translate(status), LastError());
        }
    }

    private static EngineErrorKind Translate(NativeStatus status) => status switch
    {
        NativeStatus.Argument => EngineErrorKind.InvalidArgument,
        NativeStatus.NotFound => EngineErrorKind.NotFound,
        NativeStatus.Syntax => EngineErrorKind.FormulaSyntax,
        NativeStatus.IO => EngineErrorKind.IO,
        _ => EngineErrorKind.Internal,
    };
}
