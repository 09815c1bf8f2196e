#pragma once
/// Renderers for the ROI and funnel reports: table, md, csv, json. They format; they never compute.
///
/// Every figure is shown with its formula and inputs. JSON gives money as exact decimal strings
/// ("198000.00") and ratios both exactly ("1199/19800" or "16.5") and as shown ("6.06%").
/// CSV is long-form (部分, 项目, 列, 值), one value per row, money without grouping.

#include <string>

#include "dacu/compute/roi.hpp"
#include "dacu/compute/funnel.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

std::string render_roi(const RoiReport& report, Format format, const RenderOptions& options = {});
std::string render_funnel(const FunnelReport& report, Format format, const RenderOptions& options = {});

}  // namespace dacu
