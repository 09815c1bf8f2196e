#pragma once
/// The report of `dacu check`: eligibility results in, bytes out (table, md, csv, json).

#include <string>
#include <vector>

#include "dacu/compute/eligibility.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

struct CheckReport {
  std::string campaign;
  std::string template_name;
  std::string products_file;
  std::vector<ProductCheck> products;
};

/// The report in the given format; labels follow `options.lang`, reasons stay Chinese.
std::string render_check(const CheckReport& report, Format format, const RenderOptions& options = {});

}  // namespace dacu
