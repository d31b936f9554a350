// dependency_graph.cpp - precedent/dependent bookkeeping and ordering.

#include "engine/dependency_graph.hpp"

#include <algorithm>
#include <deque>
#include <functional>

namespace oxl {

void DependencyGraph::unlink(CellKey cell) {
    const auto it = precedents_.find(cell);
    if (it == precedents_.end()) return;

    for (const CellRange& r : it->second) {
        if (!r.is_single()) continue;
        const CellKey source{cell.sheet, r.first};
        auto dep = cell_dependents_.find(source);
        if (dep == cell_dependents_.end()) continue;
        auto& list = dep->second;
        list.erase(std::remove(list.begin(), list.end(), cell), list.end());
        if (list.empty()) cell_dependents_.erase(dep);
    }
    range_edges_.erase(std::remove_if(range_edges_.begin(), range_edges_.end(),
                                      [&](const RangeEdge& e) { return e.dependent == cell; }),
                       range_edges_.end());
    precedents_.erase(it);
}

void DependencyGraph::set_precedents(CellKey cell, const std::vector<CellRange>& ranges) {
    unlink(cell);
    for (const CellRange& r : ranges) {
        if (r.is_single()) {
            cell_dependents_[CellKey{cell.sheet, r.first}].push_back(cell);
        } else {
            range_edges_.push_back(RangeEdge{cell.sheet, r, cell});
        }
    }
    precedents_.emplace(cell, ranges);
}

std::vector<CellKey> DependencyGraph::dependents_of(CellKey cell) const {
    std::vector<CellKey> out;
    if (const auto it = cell_dependents_.find(cell); it != cell_dependents_.end()) {
        out = it->second;
    }
    for (const RangeEdge& e : range_edges_) {
        if (e.sheet == cell.sheet && e.range.contains(cell.addr)) out.push_back(e.dependent);
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
    enum class Mark { Unvisited, OnStack, Done };

    const CellKeySet members(cells.begin(), cells.end());
    std::unordered_map<CellKey, Mark, CellKeyHash> marks;
    CellKeySet cyclic;
    std::vector<CellKey> stack;
    Order order;

    // Depth-first search over precedents; a cell is emitted after everything
    // it reads. Meeting a cell that is still on the stack means a cycle, and
    // every cell from that point up the stack is part of it.
    //
    // NOTE: recursion depth equals the longest dependency chain. Chains of a
    // few thousand cells are fine; very long running totals are not.
    std::function<void(const CellKey&)> visit = [&](const CellKey& k) {
        marks[k] = Mark::OnStack;
        stack.push_back(k);

        std::vector<CellKey> inputs;
        if (const auto it = precedents_.find(k); it != precedents_.end()) {
            for (const CellRange& r : it->second) members_in(members, k.sheet, r, inputs);
        }
        for (const CellKey& p : inputs) {
            const Mark m = marks.count(p) ? marks[p] : Mark::Unvisited;
            if (m == Mark::Unvisited) {
                visit(p);
            } else if (m == Mark::OnStack) {
                const auto from = std::find(stack.begin(), stack.end(), p);
                cyclic.insert(from, stack.end());
            }
        }

        stack.pop_back();
        marks[k] = Mark::Done;
        if (!cyclic.count(k)) order.sequence.push_back(k);
    };

    for (const CellKey& k : cells) {
        if (!marks.count(k)) visit(k);
    }

    order.cyclic.assign(cyclic.begin(), cyclic.end());
    return order;
}

}  // namespace oxl
