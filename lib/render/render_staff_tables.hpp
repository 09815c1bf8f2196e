#pragma once
/// Staffing tables kept as the source gives them (compute/staffing_tables.hpp), in the forms of
/// `dacu staff`: a Table (text, md, csv; `--by table` and under the default view), a JSON list
/// and a workbook sheet. Each declared subtotal is shown beside the sum of its posts.

#include <string>
#include <vector>

#include "dacu/base/table.hpp"
#include "dacu/compute/staffing_tables.hpp"
#include "dacu/render/format.hpp"
#include "dacu/render/json.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu {

/// One row per post, per declared subtotal and per table total.
Table staff_tables_table(const std::vector<StaffTableResult>& tables, Lang lang);
/// The title of the section and of the `--by table` view.
std::string staff_tables_title(Lang lang);
json::Value staff_tables_json(const std::vector<StaffTableResult>& tables);
void add_staff_tables_sheet(xlsx::Workbook& book, const std::vector<StaffTableResult>& tables, Lang lang);

}  // namespace dacu
