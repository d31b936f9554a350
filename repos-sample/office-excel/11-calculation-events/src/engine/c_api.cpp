// c_api.cpp - implementation of oxl_api.h on top of oxl::Workbook.
//
// Every entry point funnels through guarded() so that no C++ exception ever
// crosses the C boundary; the .NET layer turns the status and the thread's
// last error message into an EngineException.

#include "oxl/oxl_api.h"

#include "oxl/csv.hpp"
#include "oxl/formula.hpp"
#include "oxl/workbook.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <exception>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>

// Set by the build from the project version.
#ifndef OXL_VERSION_MAJOR
#define OXL_VERSION_MAJOR 0
#define OXL_VERSION_MINOR 0
#define OXL_VERSION_PATCH 0
#endif

struct oxl_workbook {
    oxl::Workbook book;
};

namespace {

thread_local std::string t_last_error;

oxl_status fail(oxl_status status, std::string message) {
    t_last_error = std::move(message);
    return status;
}

template <typename Body>
oxl_status guarded(Body&& body) noexcept {
    try {
        t_last_error.clear();
        return body();
    } catch (const oxl::FormulaSyntaxError& e) {
        return fail(OXL_E_SYNTAX, std::string(e.what()) + " (at offset " + std::to_string(e.offset()) + ")");
    } catch (const std::invalid_argument& e) {
        return fail(OXL_E_ARGUMENT, e.what());
    } catch (const std::out_of_range& e) {
        return fail(OXL_E_ARGUMENT, e.what());
    } catch (const std::bad_alloc&) {
        return fail(OXL_E_INTERNAL, "out of memory");
    } catch (const std::exception& e) {
        return fail(OXL_E_INTERNAL, e.what());
    } catch (...) {
        return fail(OXL_E_INTERNAL, "unknown failure");
    }
}

void require(const void* p, const char* what) {
    if (!p) throw std::invalid_argument(std::string(what) + " must not be null");
}

std::size_t sheet_index(const oxl_workbook* wb, std::int32_t sheet) {
    if (sheet < 0 || static_cast<std::size_t>(sheet) >= wb->book.sheet_count()) {
        throw std::invalid_argument("sheet index " + std::to_string(sheet) + " is out of range");
    }
    return static_cast<std::size_t>(sheet);
}

oxl::CellAddress address(const char* a1) {
    require(a1, "cell address");
    const auto parsed = oxl::CellAddress::parse(a1);
    if (!parsed) throw std::invalid_argument(std::string("'") + a1 + "' is not a cell address");
    return *parsed;
}

}  // namespace

extern "C" {

uint32_t oxl_version(void) {
    return (OXL_VERSION_MAJOR << 16) | (OXL_VERSION_MINOR << 8) | OXL_VERSION_PATCH;
}

const char* oxl_last_error(void) { return t_last_error.c_str(); }

oxl_status oxl_workbook_create(oxl_workbook** out_workbook) {
    return guarded([&] {
        require(out_workbook, "out_workbook");
        *out_workbook = new oxl_workbook{};
        return OXL_OK;
    });
}

void oxl_workbook_destroy(oxl_workbook* workbook) { delete workbook; }

oxl_status oxl_sheet_add(oxl_workbook* workbook, const char* name, int32_t* out_index) {
    return guarded([&] {
        require(workbook, "workbook");
        require(name, "name");
        const std::size_t index = workbook->book.add_sheet(name);
        if (out_index) *out_index = static_cast<int32_t>(index);
        return OXL_OK;
    });
}

oxl_status oxl_sheet_find(oxl_workbook* workbook, const char* name, int32_t* out_index) {
    return guarded([&] {
        require(workbook, "workbook");
        require(name, "name");
        require(out_index, "out_index");
        const auto index = workbook->book.find_sheet(name);
        if (!index) return fail(OXL_E_NOT_FOUND, std::string("no sheet named '") + name + "'");
        *out_index = static_cast<int32_t>(*index);
        return OXL_OK;
    });
}

int32_t oxl_sheet_count(oxl_workbook* workbook) {
    return workbook ? static_cast<int32_t>(workbook->book.sheet_count()) : 0;
}

oxl_status oxl_cell_set_input(oxl_workbook* workbook, int32_t sheet, const char* a1, const char* input) {
    return guarded([&] {
        require(workbook, "workbook");
        require(input, "input");
        workbook->book.set_input(sheet_index(workbook, sheet), address(a1), input);
        return OXL_OK;
    });
}

oxl_status oxl_cell_clear(oxl_workbook* workbook, int32_t sheet, const char* a1) {
    return guarded([&] {
        require(workbook, "workbook");
        workbook->book.clear(sheet_index(workbook, sheet), address(a1));
        return OXL_OK;
    });
}

oxl_status oxl_cell_set_format(oxl_workbook* workbook, int32_t sheet, const char* a1, const char* format_code) {
    return guarded([&] {
        require(workbook, "workbook");
        require(format_code, "format_code");
        workbook->book.set_format(sheet_index(workbook, sheet), address(a1), format_code);
        return OXL_OK;
    });
}

oxl_status oxl_cell_get_value(oxl_workbook* workbook, int32_t sheet, const char* a1, oxl_value_info* out_info) {
    return guarded([&] {
        require(workbook, "workbook");
        require(out_info, "out_info");
        const oxl::Value v = workbook->book.value(sheet_index(workbook, sheet), address(a1));
        *out_info = oxl_value_info{};
        out_info->kind = static_cast<int32_t>(v.kind());
        switch (v.kind()) {
            case oxl::Value::Kind::Number: out_info->number = v.as_number(); break;
            case oxl::Value::Kind::Boolean: out_info->number = v.as_boolean() ? 1.0 : 0.0; break;
            case oxl::Value::Kind::Text: out_info->text_length = static_cast<int32_t>(v.as_text().size()); break;
            case oxl::Value::Kind::Error: out_info->error = static_cast<int32_t>(v.as_error()); break;
            case oxl::Value::Kind::Empty: break;
        }
        return OXL_OK;
    });
}

oxl_status oxl_cell_get_text(oxl_workbook* workbook, int32_t sheet, const char* a1, int32_t which,
                             char* buffer, int32_t capacity, int32_t* out_length) {
    return guarded([&] {
        require(workbook, "workbook");
        require(out_length, "out_length");
        const std::size_t s = sheet_index(workbook, sheet);
        const oxl::CellAddress addr = address(a1);

        std::string text;
        switch (which) {
            case 0: {
                const oxl::Value v = workbook->book.value(s, addr);
                if (v.is_text()) text = v.as_text();
                break;
            }
            case 1: text = workbook->book.display_text(s, addr); break;
            case 2: text = workbook->book.formula_text(s, addr); break;
            default: throw std::invalid_argument("unknown text selector " + std::to_string(which));
        }

        *out_length = static_cast<int32_t>(text.size());
        if (!buffer || capacity < 0 || static_cast<std::size_t>(capacity) <= text.size()) {
            return fail(OXL_E_BUFFER_TOO_SMALL, "buffer too small");
        }
        std::memcpy(buffer, text.data(), text.size());
        buffer[text.size()] = '\0';
        return OXL_OK;
    });
}

oxl_status oxl_recalculate(oxl_workbook* workbook) {
    return guarded([&] {
        require(workbook, "workbook");
        workbook->book.recalculate();
        return OXL_OK;
    });
}

oxl_status oxl_recalculate_ex(oxl_workbook* workbook, int32_t full, oxl_recalc_stats* out_stats) {
    return guarded([&] {
        require(workbook, "workbook");
        if (out_stats && out_stats->struct_size < offsetof(oxl_recalc_stats, cells_evaluated)) {
            throw std::invalid_argument("oxl_recalc_stats.struct_size is not set");
        }
        const oxl::RecalcStats stats = full ? workbook->book.recalculate_all() : workbook->book.recalculate();
        if (out_stats) {
            // Fill only what the caller's version of the struct can hold.
            oxl_recalc_stats filled{};
            filled.struct_size = static_cast<uint32_t>(std::min<std::size_t>(out_stats->struct_size, sizeof filled));
            filled.cells_evaluated = stats.cells_evaluated;
            filled.cycles_detected = stats.cycles_detected;
            std::memcpy(out_stats, &filled, filled.struct_size);
        }
        return OXL_OK;
    });
}

oxl_status oxl_set_manual_calc(oxl_workbook* workbook, int32_t manual) {
    return guarded([&] {
        require(workbook, "workbook");
        workbook->book.set_calc_mode(manual ? oxl::CalcMode::Manual : oxl::CalcMode::Automatic);
        return OXL_OK;
    });
}

oxl_status oxl_import_csv(oxl_workbook* workbook, int32_t sheet, const char* path, const char* origin_a1) {
    return guarded([&] {
        require(workbook, "workbook");
        require(path, "path");
        const std::size_t s = sheet_index(workbook, sheet);
        const oxl::CellAddress origin = origin_a1 ? address(origin_a1) : oxl::CellAddress{};

        std::ifstream in(path, std::ios::binary);
        if (!in) return fail(OXL_E_NOT_FOUND, std::string("cannot open '") + path + "'");
        oxl::import_csv(in, workbook->book, s, origin);
        if (in.bad()) return fail(OXL_E_IO, std::string("read error in '") + path + "'");
        return OXL_OK;
    });
}

}  // extern "C"
