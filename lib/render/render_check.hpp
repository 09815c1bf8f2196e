#pragma once
/// The report of `dacu check`: eligibility results in, bytes out (table, md, csv, json).

#include <string>

#include "dacu/compute/eligibility.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

/// The report in the given format; labels follow `options.lang`, reasons stay Chinese.
std::string render_check(const CheckReport& report, Format format, const RenderOptions& options = {});

}  // namespace dacu
