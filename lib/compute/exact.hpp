#pragma once
/// Exact arithmetic on money figures (roi.cpp, presale.cpp): an overflow of the rationals becomes
/// D314.roi-figures located where the figure comes from, never a crash or a wrapped number.

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

template <typename F>
auto exact(const Location& where, F f) {
  try {
    return f();
  } catch (const RangeError& e) {
    throw input_error("D314.roi-figures", where, {{"what", e.what()}});
  }
}

}  // namespace dacu
