#pragma once
/// Where a template's element comes from (`source:`): the seed passage it was read from, or the
/// reason it is an assumption. Read as text by input/; its grammar is checked by
/// compute/trace.hpp (`dacu validate`), which also lists it for docs/trace.md.

#include <string>

#include "dacu/base/error.hpp"

namespace dacu {

struct SourceRef {
  std::string text;  ///< as written; empty when the element has no `source:`
  Location where;
  bool given() const { return !text.empty(); }
};

}  // namespace dacu
