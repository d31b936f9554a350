using System;
using System.Globalization;
using System.IO;
using System.Text;
using Office.Excel.Automation.Interop;

namespace Office.Excel.Automation;

/// <summary>
/// A worksheet of a <see cref="Workbook"/>. Cells are addressed in A1
/// notation ("B7", "$C$2"); addresses are validated by the engine.
/// </summary>
public sealed class Worksheet
{
    private readonly int _index;

    internal Worksheet(Workbook workbook, int index, string name)
    {
        Workbook = workbook;
        _index = index;
        Name = name;
    }

    /// <summary>The owning workbook.</summary>
    public Workbook Workbook { get; }

    /// <summary>The worksheet name as given when it was added.</summary>
    public string Name { get; }

    /// <summary>
    /// Sets a cell as if the text had been typed into it: "=SUM(A1:A3)"
    /// becomes a formula, "12.5%" a number, "TRUE" a boolean, anything else text.
    /// </summary>
    /// <exception cref="EngineException">The address is invalid or the formula does not parse.</exception>
    public void SetInput(string address, string input)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(input);
        NativeMethods.Check(NativeMethods.oxl_cell_set_input(Workbook.Handle, _index, address, input));
    }

    /// <summary>Sets a cell to a number.</summary>
    public void SetNumber(string address, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Cells cannot hold NaN or infinity.");
        }
        SetInput(address, value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Sets a cell to a formula. The leading '=' is optional.</summary>
    public void SetFormula(string address, string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        SetInput(address, formula.StartsWith('=') ? formula : "=" + formula);
    }

    /// <summary>Removes the cell's content and format.</summary>
    public void Clear(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        NativeMethods.Check(NativeMethods.oxl_cell_clear(Workbook.Handle, _index, address));
    }

    /// <summary>Applies a number format code such as "#,##0.00" or "0.0%".</summary>
    public void SetNumberFormat(string address, string formatCode)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(formatCode);
        NativeMethods.Check(NativeMethods.oxl_cell_set_format(Workbook.Handle, _index, address, formatCode));
    }

    /// <summary>The cell's current value (the computed result for formula cells).</summary>
    public CellValue GetValue(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        NativeMethods.Check(NativeMethods.oxl_cell_get_value(Workbook.Handle, _index, address, out var info));
        return (CellValueKind)info.Kind switch
        {
            CellValueKind.Number => CellValue.FromNumber(info.Number),
            CellValueKind.Boolean => CellValue.FromBoolean(info.Number != 0),
            CellValueKind.Text => CellValue.FromText(GetText(address, NativeMethods.TextRaw)),
            CellValueKind.Error => CellValue.FromError((CellError)info.Error),
            _ => CellValue.Empty,
        };
    }

    /// <summary>The value as displayed, with the cell's number format applied.</summary>
    public string GetDisplayText(string address) => GetText(address, NativeMethods.TextDisplay);

    /// <summary>The formula including '=', or an empty string for constants.</summary>
    public string GetFormula(string address) => GetText(address, NativeMethods.TextFormula);

    /// <summary>Imports a CSV file with its first field placed at <paramref name="origin"/>.</summary>
    /// <exception cref="EngineException">The file cannot be opened or read.</exception>
    public void ImportCsv(string path, string origin = "A1")
    {
        ArgumentNullException.ThrowIfNull(path);
        NativeMethods.Check(NativeMethods.oxl_import_csv(Workbook.Handle, _index, Path.GetFullPath(path), origin));
    }

    public override string ToString() => Name;

    private string GetText(string address, int which)
    {
        ArgumentNullException.ThrowIfNull(address);
        var handle = Workbook.Handle;

        // First call sizes the buffer; the second fills it.
        var status = NativeMethods.oxl_cell_get_text(handle, _index, address, which, null, 0, out int length);
        if (status != NativeStatus.BufferTooSmall)
        {
            NativeMethods.Check(status);
        }
        if (length == 0)
        {
            return string.Empty;
        }

        var buffer = new byte[length + 1];
        NativeMethods.Check(NativeMethods.oxl_cell_get_text(handle, _index, address, which, buffer, buffer.Length, out length));
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
