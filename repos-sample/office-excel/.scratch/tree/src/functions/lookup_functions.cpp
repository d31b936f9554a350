// lookup_functions.cpp - VLOOKUP, HLOOKUP, INDEX, MATCH.
//
// All four work on range arguments without copying them: a LookupVector is
// a view of one row or column of a range, read cell by cell through the
// evaluation context. Exact matches scan linearly; approximate matches
// binary-search and therefore assume the searched vector is sorted.

#include "oxl/functions.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace oxl {

namespace {

// One row or one column of an argument.
class LookupVector {
public:
    LookupVector(const Argument& arg, bool along_rows, std::uint32_t fixed)
        : arg_(arg), along_rows_(along_rows), fixed_(fixed) {}

    std::uint32_t size() const { return along_rows_ ? arg_.rows() : arg_.cols(); }
    Value at(std::uint32_t i) const { return along_rows_ ? arg_.at(i, fixed_) : arg_.at(fixed_, i); }

    // Length without trailing empty cells. Lookup ranges are routinely drawn
    // larger than the data ("A2:B1000" for 40 rows of data); in a binary
    // search the empty tail compares as zero and drags the search past the
    // real entries.
    std::uint32_t used_size() const {
        std::uint32_t n = size();
        while (n > 0 && at(n - 1).is_empty()) --n;
        return n;
    }

private:
    const Argument& arg_;
    bool along_rows_;  // true: walk down a column
    std::uint32_t fixed_;
};

int type_rank(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Text: return 1;
        case Value::Kind::Boolean: return 2;
        default: return 0;  // numbers and empty cells
    }
}

int compare_text(const std::string& a, const std::string& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int ca = std::tolower(static_cast<unsigned char>(a[i]));
        const int cb = std::tolower(static_cast<unsigned char>(b[i]));
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// Ordering used by lookups: numbers < text < booleans, text compared
// case-insensitively. An empty cell inside the data orders as zero; empty
// cells after the data are trimmed before searching (see used_size).
int lookup_compare(const Value& cell, const Value& key) {
    const int rc = type_rank(cell);
    const int rk = type_rank(key);
    if (rc != rk) return rc < rk ? -1 : 1;

    switch (key.kind()) {
        case Value::Kind::Text:
            return compare_text(cell.as_text(), key.as_text());
        case Value::Kind::Boolean:
            return static_cast<int>(cell.as_boolean()) - static_cast<int>(key.as_boolean());
        default: {
            const double a = cell.is_number() ? cell.as_number() : 0.0;
            const double b = key.is_number() ? key.as_number() : 0.0;
            return a == b ? 0 : (a < b ? -1 : 1);
        }
    }
}

// Exact matches require the same type: the number 1 does not match "1".
std::optional<std::uint32_t> exact_match(const LookupVector& v, const Value& key) {
    for (std::uint32_t i = 0; i < v.size(); ++i) {
        const Value cell = v.at(i);
        if (cell.kind() == key.kind() && lookup_compare(cell, key) == 0) return i;
    }
    return std::nullopt;
}

// Position of the last element <= key in an ascending vector.
std::optional<std::uint32_t> last_not_greater(const LookupVector& v, const Value& key) {
    std::uint32_t lo = 0;
    std::uint32_t hi = v.used_size();
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (lookup_compare(v.at(mid), key) <= 0) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return std::nullopt;
    return lo - 1;
}

// Position of the last element >= key in a descending vector.
std::optional<std::uint32_t> last_not_less(const LookupVector& v, const Value& key) {
    std::uint32_t lo = 0;
    std::uint32_t hi = v.used_size();
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (lookup_compare(v.at(mid), key) >= 0) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return std::nullopt;
    return lo - 1;
}

Coerced<Value> key_arg(const Argument& arg) {
    Value key = arg.is_range() ? (arg.range_ref().is_single() ? arg.at(0, 0) : Value::error(ErrorCode::Value))
                               : arg.scalar_value();
    if (key.is_error()) return Coerced<Value>::fail(key.as_error());
    if (key.is_empty()) return Coerced<Value>::fail(ErrorCode::NA);
    return Coerced<Value>::ok(std::move(key));
}

// 1-based index argument; 0, negative and non-numeric values are #VALUE!.
Coerced<std::uint32_t> index_arg(const Argument& arg) {
    const auto n = fn::number_arg(arg);
    if (!n) return Coerced<std::uint32_t>::fail(*n.error);
    const double i = std::trunc(n.value);
    if (i < 1 || i > 1e9) return Coerced<std::uint32_t>::fail(ErrorCode::Value);
    return Coerced<std::uint32_t>::ok(static_cast<std::uint32_t>(i));
}

// Shared body of VLOOKUP (vertical) and HLOOKUP.
Value table_lookup(const Arguments& args, bool vertical) {
    const auto key = key_arg(args[0]);
    if (!key) return Value::error(*key.error);

    const Argument& table = args[1];
    const auto index = index_arg(args[2]);
    if (!index) return Value::error(*index.error);
    if (index.value > (vertical ? table.cols() : table.rows())) return Value::error(ErrorCode::Ref);

    bool approximate = true;
    if (args.size() > 3) {
        const auto b = fn::boolean_arg(args[3]);
        if (!b) return Value::error(*b.error);
        approximate = b.value;
    }

    const LookupVector keys(table, vertical, 0);
    const auto pos = approximate ? last_not_greater(keys, key.value) : exact_match(keys, key.value);
    if (!pos) return Value::error(ErrorCode::NA);
    return vertical ? table.at(*pos, index.value - 1) : table.at(index.value - 1, *pos);
}

Value fn_vlookup(const Arguments& args) { return table_lookup(args, true); }
Value fn_hlookup(const Arguments& args) { return table_lookup(args, false); }

// INDEX(range, row, [col]). A one-row or one-column range may be indexed
// with a single position.
Value fn_index(const Arguments& args) {
    const Argument& range = args[0];
    const auto first = index_arg(args[1]);
    if (!first) return Value::error(*first.error);

    std::uint32_t row = first.value;
    std::uint32_t col = 1;
    if (args.size() > 2) {
        const auto second = index_arg(args[2]);
        if (!second) return Value::error(*second.error);
        col = second.value;
    } else if (range.rows() == 1) {
        col = row;
        row = 1;
    }
    if (row > range.rows() || col > range.cols()) return Value::error(ErrorCode::Ref);
    return range.at(row - 1, col - 1);
}

// MATCH(key, vector, [type]): type 1 (default) = largest value <= key in an
// ascending vector, 0 = exact, -1 = smallest value >= key in a descending one.
Value fn_match(const Arguments& args) {
    const auto key = key_arg(args[0]);
    if (!key) return Value::error(*key.error);

    const Argument& range = args[1];
    if (range.rows() != 1 && range.cols() != 1) return Value::error(ErrorCode::NA);

    int type = 1;
    if (args.size() > 2) {
        const auto t = fn::number_arg(args[2]);
        if (!t) return Value::error(*t.error);
        type = t.value > 0 ? 1 : (t.value < 0 ? -1 : 0);
    }

    const LookupVector v(range, range.cols() == 1, 0);
    std::optional<std::uint32_t> pos;
    switch (type) {
        case 0: pos = exact_match(v, key.value); break;
        case 1: pos = last_not_greater(v, key.value); break;
        default: pos = last_not_less(v, key.value); break;
    }
    if (!pos) return Value::error(ErrorCode::NA);
    return Value::number(static_cast<double>(*pos + 1));
}

}  // namespace

void register_lookup_functions(FunctionRegistry& r) {
    r.add({"VLOOKUP", 3, 4, fn_vlookup});
    r.add({"HLOOKUP", 3, 4, fn_hlookup});
    r.add({"INDEX", 2, 3, fn_index});
    r.add({"MATCH", 2, 3, fn_match});
}

}  // namespace oxl
