// addin.hpp - loading calculation add-ins built against xll_abi.h.
#pragma once

#include "oxl/xll_abi.h"

#include <string>
#include <vector>

namespace oxl {

class FunctionRegistry;

struct AddinInfo {
    std::string origin;                   // library path, or a label for in-process add-ins
    std::vector<std::string> functions;   // names registered, upper case
    std::vector<std::string> messages;    // log lines and rejected registrations
};

// Loads a shared library exporting OXL_ADDIN_ENTRY_NAME and registers its
// functions into `registry`. Libraries are never unloaded: compiled formulas
// may hold pointers into them for the life of the process.
// Throws std::runtime_error if the library or the entry point is missing, or
// if the add-in's entry point reports failure.
AddinInfo load_addin(const std::string& path, FunctionRegistry& registry);

// Same as load_addin for an entry point that is already in memory, e.g. an
// add-in linked statically into the host or a test.
AddinInfo register_addin(oxl_addin_main_fn entry, FunctionRegistry& registry, std::string origin);

}  // namespace oxl
