#pragma once
// Helpers shared by the unit tests.

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <functional>
#include <string>

#include "dacu/base/error.hpp"

namespace dacu::test {

/// The diagnostic `f` throws; fails the test when it throws none.
inline Diagnostic error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.diagnostic();
  }
  FAIL("no InputError was thrown");
  return {};
}

/// `file:line:col`, for comparing locations in one string.
inline std::string where(const Location& l) { return fmt::format("{}:{}:{}", l.file_name(), l.line, l.column); }

}  // namespace dacu::test
