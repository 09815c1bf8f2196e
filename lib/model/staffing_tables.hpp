#pragma once
/// Staffing tables kept as the source gives them (`staffing: tables:`): posts with their heads and
/// the subtotals the source declares. A declared subtotal is checked against its posts and kept,
/// never replaced (D250), as the budget's `declared_total` is (D323). Read by
/// input/staffing_tables_reader.hpp, computed by compute/staffing_tables.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/model/source.hpp"

namespace dacu {

/// One post of a table: heads as read, and the source's own text for them (「3学生」).
struct TablePost {
  std::string name;
  std::int64_t heads = 0;
  std::string written;  ///< the source's words for the figure; empty when the figure is all it says
  Location where;
};

/// A group of posts (打单: 撕单, 输单, 夹单) and the subtotal the source declares for it.
struct TableGroup {
  std::string name;
  std::vector<TablePost> posts;
  std::string subtotal;                 ///< the subtotal's column name (打单人数小计); empty: none
  std::optional<std::int64_t> declared;  ///< the subtotal as declared
  Location declared_where;
  Location where;
};

/// A staffing table (双十一 A组(白班)).
struct StaffTable {
  std::string name;
  std::string department;
  std::vector<TableGroup> groups;
  std::string note;
  SourceRef source;
  Location where;
};

}  // namespace dacu
