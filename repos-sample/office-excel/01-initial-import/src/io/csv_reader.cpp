// csv_reader.cpp - delimited text import.

#include "oxl/csv.hpp"

#include "oxl/formula.hpp"
#include "oxl/workbook.hpp"

#include <cctype>
#include <fstream>
#include <istream>
#include <stdexcept>

namespace oxl {

namespace {

std::string trimmed(const std::string& s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

// Restores the workbook's calculation mode even if the import throws.
class ManualCalcScope {
public:
    explicit ManualCalcScope(Workbook& wb) : wb_(wb), previous_(wb.calc_mode()) {
        wb_.set_calc_mode(CalcMode::Manual);
    }
    ~ManualCalcScope() {
        try {
            wb_.set_calc_mode(previous_);
        } catch (...) {
            // Leave the workbook dirty; the next recalculation will retry.
        }
    }
    ManualCalcScope(const ManualCalcScope&) = delete;
    ManualCalcScope& operator=(const ManualCalcScope&) = delete;

private:
    Workbook& wb_;
    CalcMode previous_;
};

}  // namespace

std::vector<std::string> split_csv_line(const std::string& line, const CsvOptions& options) {
    std::vector<std::string> fields;
    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;

    auto finish = [&] {
        fields.push_back(options.trim_whitespace && !was_quoted ? trimmed(field) : field);
        field.clear();
        was_quoted = false;
    };

    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_quotes) {
            if (c != '"') {
                field += c;
            } else if (i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                in_quotes = false;
            }
        } else if (c == '"' && field.empty()) {
            in_quotes = true;
            was_quoted = true;
        } else if (c == options.delimiter) {
            finish();
        } else if (c == '\r' && i + 1 == line.size()) {
            // Tolerate CRLF files read in text mode on POSIX.
        } else {
            field += c;
        }
    }
    finish();
    return fields;
}

CsvImportResult import_csv(std::istream& in, Workbook& workbook, std::size_t sheet,
                           CellAddress origin, const CsvOptions& options) {
    CsvImportResult result;
    ManualCalcScope manual(workbook);

    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line_no <= options.skip_rows) continue;

        const std::uint32_t row = origin.row + static_cast<std::uint32_t>(result.rows);
        if (row >= kMaxRows) {
            result.warnings.push_back("line " + std::to_string(line_no) + ": beyond the last row, import stopped");
            break;
        }

        const auto fields = split_csv_line(line, options);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string& text = fields[i];
            if (text.empty()) continue;

            const std::uint64_t col = std::uint64_t{origin.col} + i;
            if (col >= kMaxColumns) {
                result.warnings.push_back("line " + std::to_string(line_no) + ": columns beyond the grid dropped");
                break;
            }
            const CellAddress addr{row, static_cast<std::uint32_t>(col)};

            if (text.front() == '=' && !options.formulas) {
                workbook.set_value(sheet, addr, Value::text(text));
            } else {
                try {
                    workbook.set_input(sheet, addr, text);
                } catch (const FormulaSyntaxError& e) {
                    result.warnings.push_back(addr.to_a1() + ": " + e.what() + "; stored as text");
                    workbook.set_value(sheet, addr, Value::text(text));
                }
            }
            ++result.cells;
        }
        ++result.rows;
    }
    return result;
}

CsvImportResult import_csv_file(const std::string& path, Workbook& workbook, std::size_t sheet,
                                CellAddress origin, const CsvOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open '" + path + "'");
    return import_csv(in, workbook, sheet, origin, options);
}

}  // namespace oxl
