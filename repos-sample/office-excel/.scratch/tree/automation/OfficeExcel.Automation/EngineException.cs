using System;

namespace Office.Excel.Automation;

/// <summary>Category of a failure reported by the native engine.</summary>
public enum EngineErrorKind
{
    /// <summary>A null, malformed or out-of-range argument (bad address, unknown sheet index).</summary>
    InvalidArgument,

    /// <summary>A named sheet or an input file does not exist.</summary>
    NotFound,

    /// <summary>Formula text could not be parsed.</summary>
    FormulaSyntax,

    /// <summary>Reading an input file failed part-way.</summary>
    IO,

    /// <summary>An unexpected engine failure; the message carries the details.</summary>
    Internal,
}

/// <summary>
/// Raised when the engine rejects an operation. Spreadsheet-level errors such
/// as #DIV/0! are not exceptions; they are ordinary <see cref="CellValue"/>s.
/// </summary>
public sealed class EngineException : Exception
{
    public EngineException(EngineErrorKind kind, string message)
        : base(string.IsNullOrEmpty(message) ? $"Engine call failed ({kind})." : message)
    {
        Kind = kind;
    }

    /// <summary>What went wrong, for callers that branch on the failure type.</summary>
    public EngineErrorKind Kind { get; }
}
