#pragma once
/// A value written as a formula over the template's parameters (base/expr.hpp): staffing figures,
/// budget lines, scenario values, checkpoint plans. Read and checked by input/, evaluated exactly by
/// plan/ and compute/.

#include <string>

#include "dacu/base/error.hpp"
#include "dacu/base/expr.hpp"

namespace dacu {

/// A formula with the text as written and the place it was written.
struct Formula {
  std::string text;  ///< as written
  Expr expr;
  Location where;
};

}  // namespace dacu
