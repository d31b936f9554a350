#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "format/run_format.h"

namespace office::word {

using FormatId = std::uint32_t;

// Interns RunFormat values so that runs can refer to them by a small id.
// Ids are stable for the lifetime of the pool; formats are never removed,
// which keeps ids held by the undo stack valid. A typical document uses a
// few dozen distinct formats, so the lack of garbage collection is harmless.
class FormatPool {
public:
    static constexpr FormatId kDefault = 0;

    FormatPool();

    FormatId intern(const RunFormat& format);
    const RunFormat& get(FormatId id) const;
    std::size_t size() const noexcept { return formats_.size(); }

private:
    std::vector<RunFormat> formats_;
    std::unordered_map<RunFormat, FormatId, RunFormatHash> index_;
};

// Maps every text position to a FormatId, stored as a sorted list of runs.
// Adjacent runs never share a format; every mutation re-merges neighbours.
class RunList {
public:
    struct Run {
        std::size_t start;
        std::size_t length;
        FormatId format;

        std::size_t end() const noexcept { return start + length; }
        friend bool operator==(const Run&, const Run&) = default;
    };

    explicit RunList(std::size_t length = 0, FormatId format = FormatPool::kDefault);

    std::size_t length() const noexcept { return length_; }
    const std::vector<Run>& runs() const noexcept { return runs_; }

    // Format of the character at `pos`. Positions at or past the end report
    // the last run's format, which is what typing at the end should continue.
    FormatId formatAt(std::size_t pos) const;

    void insert(std::size_t pos, std::size_t length, FormatId format);
    void erase(std::size_t pos, std::size_t length);
    void assign(std::size_t pos, std::size_t length, FormatId format);

    // Runs overlapping [pos, pos + length), clipped to that range. Positions
    // in the result are absolute.
    std::vector<Run> runsIn(std::size_t pos, std::size_t length) const;

private:
    std::size_t indexOf(std::size_t pos) const;  // run containing pos
    std::size_t boundaryIndex(std::size_t pos) const;  // first run starting at or after pos
    void splitAt(std::size_t pos);
    void reindexFrom(std::size_t index);
    void coalesce(std::size_t index);

    std::vector<Run> runs_;
    std::size_t length_ = 0;
};

}  // namespace office::word
