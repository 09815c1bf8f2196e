#pragma once
/// Renderers for staffing reports: values in, bytes out. They format; they never compute.
///
///   render_staff(report, StaffView::role, Format::table);   // every post with inputs and rule
///   render_erlang(answer_erlang(question), Format::json);   // `dacu staff erlang`

#include <optional>
#include <string>
#include <string_view>

#include "dacu/render/format.hpp"
#include "dacu/compute/staffing.hpp"

namespace dacu {

/// `--by`: which table a staffing report shows.
enum class StaffView { role, day, shift, hour, table };

/// `role`, `day`, `shift`, `hour`, `table`; nullopt for anything else.
std::optional<StaffView> staff_view_from_name(std::string_view name);

/// The report as one view in table, md or csv; json holds every view whatever `view` says.
std::string render_staff(const StaffReport& report, StaffView view, Format format, const RenderOptions& options = {});

/// The quick-mode answer: inputs, then agents, heads after shrinkage, service level, ASA, occupancy.
std::string render_erlang(const QueueSummary& answer, Format format, const RenderOptions& options = {});

/// An exact number as people read it: "22.5", "50"; "≈6.667" when its decimals do not end.
std::string show_number(const Rational& value);

}  // namespace dacu
