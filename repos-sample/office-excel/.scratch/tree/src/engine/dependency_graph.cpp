// dependency_graph.cpp - precedent/dependent bookkeeping and ordering.

#include "engine/dependency_graph.hpp"

#include <algorithm>
#include <deque>

namespace oxl {

bool DependencyGraph::is_wide(const CellRange& range) noexcept {
    const std::uint32_t bands = range.last.col / kBandWidth - range.first.col / kBandWidth + 1;
    return bands > kMaxBandsPerRange;
}

void DependencyGraph::add_range_edge(CellKey dependent, const CellRange& range) {
    const RangeEdge edge{range, dependent};
    if (is_wide(range)) {
        wide_ranges_[dependent.sheet].push_back(edge);
    } else {
        for (std::uint32_t band = range.first.col / kBandWidth; band <= range.last.col / kBandWidth; ++band) {
            range_bands_[band_key(dependent.sheet, band)].push_back(edge);
        }
    }
    ++range_edge_count_;
}

void DependencyGraph::remove_range_edge(CellKey dependent, const CellRange& range) {
    auto erase_from = [&](EdgeList& list) {
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const RangeEdge& e) { return e.dependent == dependent && e.range == range; }),
                   list.end());
    };

    if (is_wide(range)) {
        const auto it = wide_ranges_.find(dependent.sheet);
        if (it != wide_ranges_.end()) {
            erase_from(it->second);
            if (it->second.empty()) wide_ranges_.erase(it);
        }
    } else {
        for (std::uint32_t band = range.first.col / kBandWidth; band <= range.last.col / kBandWidth; ++band) {
            const auto it = range_bands_.find(band_key(dependent.sheet, band));
            if (it == range_bands_.end()) continue;
            erase_from(it->second);
            if (it->second.empty()) range_bands_.erase(it);
        }
    }
    --range_edge_count_;
}

void DependencyGraph::unlink(CellKey cell) {
    const auto it = precedents_.find(cell);
    if (it == precedents_.end()) return;

    for (const CellRange& r : it->second) {
        if (!r.is_single()) {
            remove_range_edge(cell, r);
            continue;
        }
        const CellKey source{cell.sheet, r.first};
        auto dep = cell_dependents_.find(source);
        if (dep == cell_dependents_.end()) continue;
        auto& list = dep->second;
        list.erase(std::remove(list.begin(), list.end(), cell), list.end());
        if (list.empty()) cell_dependents_.erase(dep);
    }
    precedents_.erase(it);
}

void DependencyGraph::set_precedents(CellKey cell, const std::vector<CellRange>& ranges) {
    unlink(cell);
    for (const CellRange& r : ranges) {
        if (r.is_single()) {
            cell_dependents_[CellKey{cell.sheet, r.first}].push_back(cell);
        } else {
            add_range_edge(cell, r);
        }
    }
    precedents_.emplace(cell, ranges);
}

std::vector<CellKey> DependencyGraph::dependents_of(CellKey cell) const {
    std::vector<CellKey> out;
    if (const auto it = cell_dependents_.find(cell); it != cell_dependents_.end()) {
        out = it->second;
    }
    auto scan = [&](const EdgeList& list) {
        for (const RangeEdge& e : list) {
            if (e.range.contains(cell.addr)) out.push_back(e.dependent);
        }
    };
    if (const auto it = range_bands_.find(band_key(cell.sheet, cell.addr.col / kBandWidth));
        it != range_bands_.end()) {
        scan(it->second);
    }
    if (const auto it = wide_ranges_.find(cell.sheet); it != wide_ranges_.end()) {
        scan(it->second);
    }
    return out;
}

std::vector<CellKey> DependencyGraph::affected_by(const std::vector<CellKey>& changed) const {
    CellKeySet seen;
    std::vector<CellKey> result;
    std::deque<CellKey> queue;

    for (const CellKey& k : changed) {
        if (has_formula(k) && seen.insert(k).second) result.push_back(k);
        queue.push_back(k);
    }
    while (!queue.empty()) {
        const CellKey k = queue.front();
        queue.pop_front();
        for (const CellKey& d : dependents_of(k)) {
            if (seen.insert(d).second) {
                result.push_back(d);
                queue.push_back(d);
            }
        }
    }
    return result;
}

void DependencyGraph::members_in(const CellKeySet& set, std::uint32_t sheet,
                                 const CellRange& range, std::vector<CellKey>& out) {
    // Probe address by address when the range is smaller than the set,
    // otherwise filter the set. Either way the cost is min(|range|, |set|).
    if (range.size() <= set.size()) {
        for (std::uint32_t r = range.first.row; r <= range.last.row; ++r) {
            for (std::uint32_t c = range.first.col; c <= range.last.col; ++c) {
                const CellKey k{sheet, CellAddress{r, c}};
                if (set.count(k)) out.push_back(k);
            }
        }
        return;
    }
    for (const CellKey& k : set) {
        if (k.sheet == sheet && range.contains(k.addr)) out.push_back(k);
    }
}

DependencyGraph::Order DependencyGraph::evaluation_order(const std::vector<CellKey>& cells) const {
    const CellKeySet members(cells.begin(), cells.end());

    // Depth-first search over precedents with an explicit stack; a cell is
    // emitted after everything it reads. `on_stack` maps a cell to its frame
    // index while it is being explored: meeting such a cell again is a back
    // edge, and every frame from there to the top lies on the cycle.
    struct Frame {
        CellKey key;
        std::vector<CellKey> inputs;
        std::size_t next = 0;
    };
    std::vector<Frame> stack;
    std::unordered_map<CellKey, std::size_t, CellKeyHash> on_stack;
    CellKeySet done;
    CellKeySet cyclic;
    Order order;

    auto push = [&](const CellKey& k) {
        Frame frame{k, {}, 0};
        if (const auto it = precedents_.find(k); it != precedents_.end()) {
            for (const CellRange& r : it->second) members_in(members, k.sheet, r, frame.inputs);
        }
        on_stack.emplace(k, stack.size());
        stack.push_back(std::move(frame));
    };

    for (const CellKey& root : cells) {
        if (done.count(root) || on_stack.count(root)) continue;
        push(root);

        while (!stack.empty()) {
            Frame& top = stack.back();
            if (top.next < top.inputs.size()) {
                const CellKey input = top.inputs[top.next++];
                if (done.count(input)) continue;
                if (const auto pos = on_stack.find(input); pos != on_stack.end()) {
                    for (std::size_t i = pos->second; i < stack.size(); ++i) cyclic.insert(stack[i].key);
                    continue;
                }
                push(input);  // invalidates `top`; the loop re-reads stack.back()
                continue;
            }

            const CellKey finished = top.key;
            stack.pop_back();
            on_stack.erase(finished);
            done.insert(finished);
            if (!cyclic.count(finished)) order.sequence.push_back(finished);
        }
    }

    order.cyclic.assign(cyclic.begin(), cyclic.end());
    return order;
}

}  // namespace oxl
