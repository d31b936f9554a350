#include "format/run_list.h"

#include <algorithm>
#include <stdexcept>

namespace office::word {

FormatPool::FormatPool() {
    formats_.emplace_back();
    index_.emplace(formats_.front(), kDefault);
}

FormatId FormatPool::intern(const RunFormat& format) {
    if (auto it = index_.find(format); it != index_.end()) return it->second;
    const auto id = static_cast<FormatId>(formats_.size());
    formats_.push_back(format);
    index_.emplace(format, id);
    return id;
}

const RunFormat& FormatPool::get(FormatId id) const {
    if (id >= formats_.size()) throw std::out_of_range("FormatPool::get: unknown format id");
    return formats_[id];
}

RunList::RunList(std::size_t length, FormatId format) : length_(length) {
    if (length > 0) runs_.push_back({0, length, format});
}

std::size_t RunList::indexOf(std::size_t pos) const {
    // First run that starts after pos, then step back one.
    const auto it = std::upper_bound(runs_.begin(), runs_.end(), pos,
                                     [](std::size_t p, const Run& run) { return p < run.start; });
    return static_cast<std::size_t>(it - runs_.begin()) - 1;
}

std::size_t RunList::boundaryIndex(std::size_t pos) const {
    if (pos >= length_) return runs_.size();
    const std::size_t index = indexOf(pos);
    return runs_[index].start == pos ? index : index + 1;
}

FormatId RunList::formatAt(std::size_t pos) const {
    if (runs_.empty()) return FormatPool::kDefault;
    if (pos >= length_) return runs_.back().format;
    return runs_[indexOf(pos)].format;
}

void RunList::splitAt(std::size_t pos) {
    if (pos == 0 || pos >= length_) return;
    const std::size_t index = indexOf(pos);
    Run& run = runs_[index];
    if (run.start == pos) return;

    const Run tail{pos, run.end() - pos, run.format};
    run.length = pos - run.start;
    runs_.insert(runs_.begin() + static_cast<std::ptrdiff_t>(index) + 1, tail);
}

void RunList::reindexFrom(std::size_t index) {
    std::size_t start = index > 0 ? runs_[index - 1].end() : 0;
    for (std::size_t i = index; i < runs_.size(); ++i) {
        runs_[i].start = start;
        start += runs_[i].length;
    }
}

void RunList::coalesce(std::size_t index) {
    // Merge with the following run first so that `index` stays meaningful.
    if (index + 1 < runs_.size() && runs_[index].format == runs_[index + 1].format) {
        runs_[index].length += runs_[index + 1].length;
        runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(index) + 1);
    }
    if (index > 0 && index < runs_.size() && runs_[index - 1].format == runs_[index].format) {
        runs_[index - 1].length += runs_[index].length;
        runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(index));
    }
}

void RunList::insert(std::size_t pos, std::size_t length, FormatId format) {
    if (pos > length_) throw std::out_of_range("RunList::insert: position past end");
    if (length == 0) return;

    splitAt(pos);
    const std::size_t index = boundaryIndex(pos);
    runs_.insert(runs_.begin() + static_cast<std::ptrdiff_t>(index), Run{pos, length, format});
    length_ += length;
    reindexFrom(index);
    coalesce(index);
}

void RunList::erase(std::size_t pos, std::size_t length) {
    if (pos > length_) throw std::out_of_range("RunList::erase: position past end");
    length = std::min(length, length_ - pos);
    if (length == 0) return;

    splitAt(pos);
    splitAt(pos + length);
    const std::size_t first = boundaryIndex(pos);
    const std::size_t last = boundaryIndex(pos + length);
    runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(first),
                runs_.begin() + static_cast<std::ptrdiff_t>(last));
    length_ -= length;
    reindexFrom(first);
    coalesce(first);
}

void RunList::assign(std::size_t pos, std::size_t length, FormatId format) {
    if (pos > length_) throw std::out_of_range("RunList::assign: position past end");
    length = std::min(length, length_ - pos);
    if (length == 0) return;

    splitAt(pos);
    splitAt(pos + length);
    const std::size_t first = boundaryIndex(pos);
    const std::size_t last = boundaryIndex(pos + length);
    runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(first),
                runs_.begin() + static_cast<std::ptrdiff_t>(last));
    runs_.insert(runs_.begin() + static_cast<std::ptrdiff_t>(first), Run{pos, length, format});
    coalesce(first);
}

std::vector<RunList::Run> RunList::runsIn(std::size_t pos, std::size_t length) const {
    std::vector<Run> result;
    if (pos >= length_ || length == 0) return result;
    const std::size_t end = std::min(length_, pos + length);

    for (std::size_t i = indexOf(pos); i < runs_.size() && runs_[i].start < end; ++i) {
        const std::size_t start = std::max(pos, runs_[i].start);
        const std::size_t stop = std::min(end, runs_[i].end());
        result.push_back({start, stop - start, runs_[i].format});
    }
    return result;
}

}  // namespace office::word
