// csv.hpp - importing delimited text into a sheet.
#pragma once

#include "oxl/address.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace oxl {

class Workbook;

struct CsvOptions {
    char delimiter = ',';
    // Treat fields beginning with '=' as formulas. Turn off for data coming
    // from untrusted sources.
    bool formulas = true;
    bool trim_whitespace = false;
    // Rows to skip before importing (e.g. report banners).
    std::size_t skip_rows = 0;
};

struct CsvImportResult {
    std::size_t rows = 0;
    std::size_t cells = 0;
    // One entry per field that could not be imported as written, e.g. a
    // formula with a syntax error (stored as text instead).
    std::vector<std::string> warnings;
};

// Splits one record into fields. Quoted fields may contain the delimiter and
// doubled quotes ("" -> ").
std::vector<std::string> split_csv_line(const std::string& line, const CsvOptions& options);

// Imports rows from the stream starting at `origin`. Recalculation happens
// once at the end, not per cell.
CsvImportResult import_csv(std::istream& in, Workbook& workbook, std::size_t sheet,
                           CellAddress origin = {}, const CsvOptions& options = {});

// Throws std::runtime_error if the file cannot be opened.
CsvImportResult import_csv_file(const std::string& path, Workbook& workbook, std::size_t sheet,
                                CellAddress origin = {}, const CsvOptions& options = {});

}  // namespace oxl
