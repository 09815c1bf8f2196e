#pragma once
/// The occurrences of a repeated task or checkpoint (`repeat: 30min`, `until: 结束`): its start,
/// then every interval after, while not later than `until`. Each is dated on its own and named so
/// that a planner can tell them apart (开团跟进 10:30, 日常回访 12-03). Expanded here rather than
/// written as an RRULE so that every renderer (table, JSON, ICS, XLSX) and the report see plain
/// tasks and checkpoints, each with its own plan figure and its own status.

#include <chrono>
#include <string>
#include <vector>

#include "dacu/model/template.hpp"
#include "dacu/plan/timeline.hpp"

namespace dacu {

struct Occurrence {
  Point at;
  std::string name;         ///< the element's name with its date or time: 开团跟进 10:30
  std::string offset;       ///< the offset as written, with the repeat: 开团后30分钟 + 2 × 30min
  std::chrono::minutes since_anchor{0};  ///< from the milestone the offset names (分钟 in a plan)
};

/// Throws InputError D112.none when `until` is before the first occurrence, D112.too-many beyond
/// max_repeats occurrences.
std::vector<Occurrence> occurrences(Timeline& timeline, const std::string& name, const Offset& start, const Repeat& repeat);

}  // namespace dacu
