using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Office.Excel.Automation.Interop;

namespace Office.Excel.Automation;

/// <summary>How the engine reacts to edits.</summary>
public enum CalculationMode
{
    /// <summary>Every edit recalculates the cells that depend on it.</summary>
    Automatic,

    /// <summary>Edits only mark cells dirty; call <see cref="Workbook.Recalculate"/>.</summary>
    Manual,
}

/// <summary>
/// A workbook held by the native engine.
/// </summary>
/// <remarks>
/// Instances are not thread-safe: the engine requires that a workbook is used
/// by one thread at a time. Dispose the workbook to release native memory
/// promptly; the finalizer of the underlying handle is only a safety net.
/// </remarks>
public sealed class Workbook : IDisposable
{
    private readonly WorkbookHandle _handle;
    private readonly List<Worksheet> _worksheets = new();
    private CalculationMode _mode = CalculationMode.Automatic;

    /// <summary>Creates an empty workbook with no worksheets.</summary>
    public Workbook()
    {
        NativeMethods.Check(NativeMethods.oxl_workbook_create(out var handle));
        _handle = handle;
        Worksheets = new ReadOnlyCollection<Worksheet>(_worksheets);
    }

    /// <summary>Version of the loaded native engine.</summary>
    public static Version EngineVersion
    {
        get
        {
            uint packed = NativeMethods.oxl_version();
            return new Version((int)(packed >> 16), (int)((packed >> 8) & 0xFF), (int)(packed & 0xFF));
        }
    }

    /// <summary>Worksheets in creation order.</summary>
    public IReadOnlyList<Worksheet> Worksheets { get; }

    /// <summary>Finds a worksheet by name, ignoring case.</summary>
    /// <exception cref="KeyNotFoundException">No worksheet has that name.</exception>
    public Worksheet this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            foreach (var sheet in _worksheets)
            {
                if (string.Equals(sheet.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return sheet;
                }
            }
            throw new KeyNotFoundException($"No worksheet named '{name}'.");
        }
    }

    /// <summary>Current calculation mode. Switching back to Automatic recalculates pending edits.</summary>
    public CalculationMode CalculationMode
    {
        get => _mode;
        set
        {
            NativeMethods.Check(NativeMethods.oxl_set_manual_calc(Handle, value == CalculationMode.Manual ? 1 : 0));
            _mode = value;
        }
    }

    /// <summary>Adds a worksheet.</summary>
    /// <exception cref="EngineException">The name is empty or already used.</exception>
    public Worksheet AddWorksheet(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        NativeMethods.Check(NativeMethods.oxl_sheet_add(Handle, name, out int index));
        var sheet = new Worksheet(this, index, name);
        _worksheets.Add(sheet);
        return sheet;
    }

    /// <summary>Recalculates every cell affected by edits since the last calculation.</summary>
    public void Recalculate() => NativeMethods.Check(NativeMethods.oxl_recalculate(Handle));

    /// <summary>Releases the native workbook. Worksheets of a disposed workbook become unusable.</summary>
    public void Dispose() => _handle.Dispose();

    internal WorkbookHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }
}
