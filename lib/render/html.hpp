#pragma once
/// HTML: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) that prints on
/// A4. `render_plan_html` is the schedule alone; the report adds its sections around it.

#include <string>
#include <string_view>

#include "dacu/render/format.hpp"
#include "dacu/compute/report.hpp"

namespace dacu {

std::string render_plan_html(const Plan& plan, Lang lang);
/// The whole report: summary, checkpoints with a plan-vs-actual chart, then the schedule.
std::string render_report_html(const Report& report, Lang lang);

/// A whole page around `body` (already HTML): the head with `title` and the style every page
/// shares, then the foot (`dacu agenda`).
std::string html_page(std::string_view title, Lang lang, std::string_view body);

/// Text escaped for HTML element content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace dacu
