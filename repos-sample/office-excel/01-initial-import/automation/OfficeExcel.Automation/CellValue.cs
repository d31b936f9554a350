using System;
using System.Globalization;

namespace Office.Excel.Automation;

/// <summary>Type of a cell value. Values match the engine's oxl_value_kind.</summary>
public enum CellValueKind
{
    Empty = 0,
    Number = 1,
    Boolean = 2,
    Text = 3,
    Error = 4,
}

/// <summary>Spreadsheet error values. Values match the engine's ErrorCode ordinals.</summary>
public enum CellError
{
    Null = 0,
    DivideByZero = 1,
    Value = 2,
    Reference = 3,
    Name = 4,
    Number = 5,
    NotAvailable = 6,
    Circular = 7,
}

/// <summary>An immutable snapshot of a cell's value.</summary>
public readonly struct CellValue : IEquatable<CellValue>
{
    private readonly double _number;
    private readonly string? _text;
    private readonly CellError _error;

    private CellValue(CellValueKind kind, double number, string? text, CellError error)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _error = error;
    }

    public static CellValue Empty => default;

    public static CellValue FromNumber(double value) => new(CellValueKind.Number, value, null, default);

    public static CellValue FromBoolean(bool value) => new(CellValueKind.Boolean, value ? 1 : 0, null, default);

    public static CellValue FromText(string value) =>
        new(CellValueKind.Text, 0, value ?? throw new ArgumentNullException(nameof(value)), default);

    public static CellValue FromError(CellError error) => new(CellValueKind.Error, 0, null, error);

    public CellValueKind Kind { get; }

    public bool IsEmpty => Kind == CellValueKind.Empty;

    /// <summary>The number. Throws unless <see cref="Kind"/> is Number.</summary>
    public double Number => Kind == CellValueKind.Number ? _number : throw WrongKind(CellValueKind.Number);

    /// <summary>The boolean. Throws unless <see cref="Kind"/> is Boolean.</summary>
    public bool Boolean => Kind == CellValueKind.Boolean ? _number != 0 : throw WrongKind(CellValueKind.Boolean);

    /// <summary>The text. Throws unless <see cref="Kind"/> is Text.</summary>
    public string Text => Kind == CellValueKind.Text ? _text! : throw WrongKind(CellValueKind.Text);

    /// <summary>The error. Throws unless <see cref="Kind"/> is Error.</summary>
    public CellError Error => Kind == CellValueKind.Error ? _error : throw WrongKind(CellValueKind.Error);

    public bool Equals(CellValue other) =>
        Kind == other.Kind && Kind switch
        {
            CellValueKind.Number or CellValueKind.Boolean => _number.Equals(other._number),
            CellValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
            CellValueKind.Error => _error == other._error,
            _ => true,
        };

    public override bool Equals(object? obj) => obj is CellValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _number, _text, _error);

    public static bool operator ==(CellValue left, CellValue right) => left.Equals(right);

    public static bool operator !=(CellValue left, CellValue right) => !left.Equals(right);

    /// <summary>Unformatted text, invariant culture: "12.5", "TRUE", "#N/A".</summary>
    public override string ToString() => Kind switch
    {
        CellValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        CellValueKind.Boolean => _number != 0 ? "TRUE" : "FALSE",
        CellValueKind.Text => _text!,
        CellValueKind.Error => ErrorText(_error),
        _ => string.Empty,
    };

    private static string ErrorText(CellError error) => error switch
    {
        CellError.Null => "#NULL!",
        CellError.DivideByZero => "#DIV/0!",
        CellError.Value => "#VALUE!",
        CellError.Reference => "#REF!",
        CellError.Name => "#NAME?",
        CellError.Number => "#NUM!",
        CellError.NotAvailable => "#N/A",
        CellError.Circular => "#CIRC!",
        _ => "#VALUE!",
    };

    private InvalidOperationException WrongKind(CellValueKind wanted) =>
        new($"Cell value is {Kind}, not {wanted}.");
}
