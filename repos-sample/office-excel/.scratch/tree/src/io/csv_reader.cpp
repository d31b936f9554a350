// csv_reader.cpp - delimited text import.
//
// The reader is a single state machine over the byte stream. An earlier
// version split the input into lines first and parsed quotes per line,
// which broke quoted fields containing line breaks.

#include "oxl/csv.hpp"

#include "oxl/formula.hpp"
#include "oxl/workbook.hpp"

#include <cctype>
#include <fstream>
#include <istream>
#include <sstream>
#include <stdexcept>

namespace oxl {

namespace {

// Upper bound on bytes examined for delimiter detection.
constexpr std::size_t kDetectionWindow = 64 * 1024;

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

char detect_delimiter(std::string_view sample) {
    std::size_t comma = 0;
    std::size_t semicolon = 0;
    std::size_t tab = 0;
    bool quoted = false;
    for (char c : sample) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ',') ++comma;
        else if (c == ';') ++semicolon;
        else if (c == '\t') ++tab;
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

// ---------------------------------------------------------------- CsvReader

CsvReader::CsvReader(std::istream& in, const CsvOptions& options)
    : in_(in), options_(options), delimiter_(options.delimiter) {}

int CsvReader::get() {
    if (look_pos_ < lookahead_.size()) return static_cast<unsigned char>(lookahead_[look_pos_++]);
    return in_.get();
}

int CsvReader::peek() {
    if (look_pos_ < lookahead_.size()) return static_cast<unsigned char>(lookahead_[look_pos_]);
    return in_.peek();
}

void CsvReader::start() {
    started_ = true;

    // Skip a UTF-8 byte order mark; anything else read here is replayed.
    for (int i = 0; i < 3; ++i) {
        const int c = in_.get();
        if (c == std::char_traits<char>::eof()) break;
        lookahead_.push_back(static_cast<char>(c));
    }
    if (lookahead_ == "\xEF\xBB\xBF") lookahead_.clear();

    if (delimiter_ != 0) return;

    // Buffer the first record (up to a newline outside quotes) and detect.
    bool quoted = false;
    for (char c : lookahead_) {
        if (c == '"') quoted = !quoted;
    }
    while (lookahead_.size() < kDetectionWindow) {
        const int c = in_.get();
        if (c == std::char_traits<char>::eof()) break;
        lookahead_.push_back(static_cast<char>(c));
        if (c == '"') quoted = !quoted;
        if (c == '\n' && !quoted) break;
    }
    delimiter_ = detect_delimiter(lookahead_);
}

bool CsvReader::next(std::vector<std::string>& fields) {
    if (!started_) start();
    fields.clear();

    constexpr int kEof = std::char_traits<char>::eof();
    int c = get();
    if (c == kEof) return false;
    record_line_ = line_;

    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;
    auto finish = [&] {
        fields.push_back(options_.trim_whitespace && !was_quoted ? trimmed(field) : field);
        field.clear();
        was_quoted = false;
    };

    for (;; c = get()) {
        if (c == kEof) {
            unterminated_ = unterminated_ || in_quotes;
            finish();
            return true;
        }
        const char ch = static_cast<char>(c);

        if (in_quotes) {
            if (ch == '"') {
                if (peek() == '"') {
                    get();
                    field += '"';
                } else {
                    in_quotes = false;
                }
            } else if (ch == '\r' && peek() == '\n') {
                // Keep line breaks inside fields, normalised to LF.
            } else {
                if (ch == '\n') ++line_;
                field += ch;
            }
            continue;
        }

        if (ch == '"' && field.empty() && !was_quoted) {
            in_quotes = true;
            was_quoted = true;
        } else if (ch == delimiter_) {
            finish();
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && peek() == '\n') get();
            ++line_;
            finish();
            return true;
        } else {
            field += ch;
        }
    }
}

std::vector<std::string> split_csv_line(const std::string& line, const CsvOptions& options) {
    std::istringstream in(line);
    CsvReader reader(in, options);
    std::vector<std::string> fields;
    if (!reader.next(fields)) fields.assign(1, std::string());
    return fields;
}

// ------------------------------------------------------------------ import

CsvImportResult import_csv(std::istream& in, Workbook& workbook, std::size_t sheet,
                           CellAddress origin, const CsvOptions& options) {
    CsvImportResult result;
    ManualCalcScope manual(workbook);
    CsvReader reader(in, options);

    std::vector<std::string> fields;
    std::size_t record = 0;
    while (reader.next(fields)) {
        if (++record <= options.skip_rows) continue;
        const std::string where = "line " + std::to_string(reader.record_line());

        const std::uint32_t row = origin.row + static_cast<std::uint32_t>(result.rows);
        if (row >= kMaxRows) {
            result.warnings.push_back(where + ": beyond the last row, import stopped");
            break;
        }

        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string& text = fields[i];
            if (text.empty()) continue;

            const std::uint64_t col = std::uint64_t{origin.col} + i;
            if (col >= kMaxColumns) {
                result.warnings.push_back(where + ": columns beyond the grid dropped");
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

    result.delimiter = reader.delimiter();
    if (reader.unterminated_quote()) {
        result.warnings.push_back("input ends inside a quoted field; last record may be incomplete");
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
