using System;
using System.Collections.Generic;
using System.IO;
using Office.Excel.Automation;
using Xunit;

namespace Office.Excel.Automation.Tests;

public sealed class WorkbookTests : IDisposable
{
    private readonly Workbook _book = new();
    private readonly Worksheet _sheet;

    public WorkbookTests()
    {
        _sheet = _book.AddWorksheet("Sheet1");
    }

    public void Dispose() => _book.Dispose();

    [Fact]
    public void EngineVersionIsAtLeastOne()
    {
        Assert.True(Workbook.EngineVersion.Major >= 1, $"unexpected engine version {Workbook.EngineVersion}");
    }

    [Fact]
    public void FormulaFollowsItsInputs()
    {
        _sheet.SetNumber("A1", 2);
        _sheet.SetNumber("A2", 3);
        _sheet.SetFormula("A3", "SUM(A1:A2)*10");
        Assert.Equal(CellValue.FromNumber(50), _sheet.GetValue("A3"));

        _sheet.SetNumber("A1", 7);
        Assert.Equal(100, _sheet.GetValue("A3").Number);
        Assert.Equal("=SUM(A1:A2)*10", _sheet.GetFormula("A3"));
    }

    [Fact]
    public void SpreadsheetErrorsAreValuesNotExceptions()
    {
        _sheet.SetFormula("B1", "1/0");
        var value = _sheet.GetValue("B1");
        Assert.Equal(CellValueKind.Error, value.Kind);
        Assert.Equal(CellError.DivideByZero, value.Error);
        Assert.Equal("#DIV/0!", value.ToString());
    }

    [Fact]
    public void SyntaxErrorRaisesEngineException()
    {
        var ex = Assert.Throws<EngineException>(() => _sheet.SetFormula("C1", "SUM(1,"));
        Assert.Equal(EngineErrorKind.FormulaSyntax, ex.Kind);
        Assert.Contains("offset", ex.Message);
    }

    [Theory]
    [InlineData("A0")]
    [InlineData("1A")]
    [InlineData("XFE1")]
    public void InvalidAddressRaisesInvalidArgument(string address)
    {
        var ex = Assert.Throws<EngineException>(() => _sheet.SetNumber(address, 1));
        Assert.Equal(EngineErrorKind.InvalidArgument, ex.Kind);
    }

    [Fact]
    public void TextRoundTripsAsUtf8()
    {
        const string text = "Café – Q1 budget ✓";
        _sheet.SetInput("D1", text);
        Assert.Equal(text, _sheet.GetValue("D1").Text);
        Assert.Equal(text, _sheet.GetDisplayText("D1"));
    }

    [Fact]
    public void DisplayTextAppliesNumberFormat()
    {
        _sheet.SetNumber("E1", 1234567.891);
        _sheet.SetNumberFormat("E1", "#,##0.00");
        Assert.Equal("1,234,567.89", _sheet.GetDisplayText("E1"));
        Assert.Equal(1234567.891, _sheet.GetValue("E1").Number);
    }

    [Fact]
    public void ManualModeDefersCalculation()
    {
        _sheet.SetNumber("F1", 1);
        _sheet.SetFormula("F2", "F1+1");
        _book.CalculationMode = CalculationMode.Manual;

        _sheet.SetNumber("F1", 10);
        Assert.Equal(2, _sheet.GetValue("F2").Number);

        _book.Recalculate();
        Assert.Equal(11, _sheet.GetValue("F2").Number);
    }

    [Fact]
    public void CalculationCompletedReportsTheWorkDone()
    {
        _sheet.SetNumber("G1", 1);
        _sheet.SetFormula("G2", "G1*2");
        _sheet.SetFormula("G3", "G2+G1");
        _sheet.SetFormula("H1", "H2");
        _book.CalculationMode = CalculationMode.Manual;

        var events = new List<CalculationCompletedEventArgs>();
        _book.CalculationCompleted += (_, e) => events.Add(e);

        _sheet.SetNumber("G1", 5);
        _book.Recalculate();

        var pass = Assert.Single(events);
        Assert.Equal(2, pass.CellsEvaluated);
        Assert.Equal(0, pass.CyclesDetected);
        Assert.False(pass.Full);
        Assert.True(pass.Elapsed >= TimeSpan.Zero);
        Assert.Equal(15, _sheet.GetValue("G3").Number);

        _sheet.SetFormula("H2", "H1");
        _book.Recalculate();
        Assert.Equal(2, events[1].CyclesDetected);
    }

    [Fact]
    public void RecalculateAllEvaluatesEveryFormula()
    {
        _sheet.SetFormula("J1", "1+1");
        _sheet.SetFormula("J2", "J1*3");
        _sheet.SetFormula("J3", "TRUE");

        CalculationCompletedEventArgs? seen = null;
        _book.CalculationCompleted += (_, e) => seen = e;
        _book.RecalculateAll();

        Assert.NotNull(seen);
        Assert.True(seen!.Full);
        Assert.Equal(3, seen.CellsEvaluated);
    }

    [Fact]
    public void ImplicitRecalculationDoesNotRaiseTheEvent()
    {
        var raised = 0;
        _book.CalculationCompleted += (_, _) => raised++;
        _sheet.SetNumber("K1", 1);
        _sheet.SetFormula("K2", "K1+1");
        Assert.Equal(0, raised);
    }

    [Fact]
    public void WorksheetLookupIgnoresCase()
    {
        _book.AddWorksheet("Summary");
        Assert.Same(_book.Worksheets[1], _book["SUMMARY"]);
        Assert.Throws<KeyNotFoundException>(() => _book["Missing"]);
        Assert.Throws<EngineException>(() => _book.AddWorksheet("summary"));
    }

    [Fact]
    public void ImportsTheSampleBudget()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "budget.csv");
        var sheet = _book.AddWorksheet("Budget");
        sheet.ImportCsv(path);

        Assert.Equal("Category", sheet.GetValue("A1").Text);
        Assert.Equal(CellValueKind.Number, sheet.GetValue("E2").Kind);
        Assert.StartsWith("=SUM(", sheet.GetFormula("E2"));
    }

    [Fact]
    public void MissingCsvFileIsNotFound()
    {
        var ex = Assert.Throws<EngineException>(() => _sheet.ImportCsv("does-not-exist.csv"));
        Assert.Equal(EngineErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public void DisposedWorkbookRejectsCalls()
    {
        var book = new Workbook();
        var sheet = book.AddWorksheet("S");
        book.Dispose();
        Assert.Throws<ObjectDisposedException>(() => sheet.GetValue("A1"));
    }
}
