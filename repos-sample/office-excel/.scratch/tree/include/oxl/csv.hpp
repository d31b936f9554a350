// csv.hpp - importing delimited text into a sheet.
#pragma once

#include "oxl/address.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace oxl {

class Workbook;

struct CsvOptions {
    // Field separator. 0 means "detect": ',', ';' or tab, whichever occurs
    // most often outside quotes in the first record (',' wins ties).
    char delimiter = ',';
    // Treat fields beginning with '=' as formulas. Turn off for data coming
    // from untrusted sources.
    bool formulas = true;
    bool trim_whitespace = false;
    // Records to skip before importing (e.g. report banners).
    std::size_t skip_rows = 0;
};

struct CsvImportResult {
    std::size_t rows = 0;
    std::size_t cells = 0;
    char delimiter = ',';  // the delimiter actually used
    // One entry per field that could not be imported as written, e.g. a
    // formula with a syntax error (stored as text instead).
    std::vector<std::string> warnings;
};

// Reads records from a stream one at a time. A quoted field may contain the
// delimiter, doubled quotes ("" -> ") and line breaks. Accepts LF and CRLF
// line endings and skips a leading UTF-8 byte order mark.
class CsvReader {
public:
    CsvReader(std::istream& in, const CsvOptions& options);

    // Reads the next record into `fields`. Returns false at end of input.
    bool next(std::vector<std::string>& fields);

    // 1-based line on which the last record returned by next() started.
    std::size_t record_line() const noexcept { return record_line_; }
    // Resolved delimiter; valid after the first call to next().
    char delimiter() const noexcept { return delimiter_; }
    // True if input ended inside a quoted field.
    bool unterminated_quote() const noexcept { return unterminated_; }

private:
    int get();
    int peek();
    void start();

    std::istream& in_;
    CsvOptions options_;
    char delimiter_;
    std::string lookahead_;  // bytes read during start(), consumed first
    std::size_t look_pos_ = 0;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    bool started_ = false;
    bool unterminated_ = false;
};

// Picks ',', ';' or '\t' for a sample of text (normally the first record).
char detect_delimiter(std::string_view sample);

// Splits a single line into fields. Convenience wrapper over CsvReader.
std::vector<std::string> split_csv_line(const std::string& line, const CsvOptions& options);

// Imports records from the stream starting at `origin`. Recalculation
// happens once at the end, not per cell.
CsvImportResult import_csv(std::istream& in, Workbook& workbook, std::size_t sheet,
                           CellAddress origin = {}, const CsvOptions& options = {});

// Throws std::runtime_error if the file cannot be opened.
CsvImportResult import_csv_file(const std::string& path, Workbook& workbook, std::size_t sheet,
                                CellAddress origin = {}, const CsvOptions& options = {});

}  // namespace oxl
