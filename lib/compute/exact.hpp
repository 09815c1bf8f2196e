#pragma once
/// Exact arithmetic on money figures (roi.cpp, presale.cpp): an overflow of the rationals, or an
/// amount beyond Money's range, becomes D314 located where the figure comes from, never a crash
/// or a wrapped number.

#include "dacu/base/error.hpp"
#include "dacu/base/money.hpp"
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

/// `yuan` to the fen (half up); an amount beyond Money's range is D314.roi-amount at `where`.
inline Money to_money(const Rational& yuan, const Location& where) {
  try {
    return Money::from_yuan(yuan, Rounding::half_up_to_fen);
  } catch (const RangeError& e) {
    throw input_error("D314.roi-amount", where, {{"what", e.what()}});
  }
}

}  // namespace dacu
