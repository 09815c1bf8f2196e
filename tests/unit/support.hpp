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

/// Messages in Chinese for the life of one guard (a test), English again after it: the language
/// tests/unit/main.cpp sets for the rest.
struct InChinese {
  InChinese() { set_message_language(Language::zh); }
  ~InChinese() { set_message_language(Language::en); }
  InChinese(const InChinese&) = delete;
  InChinese& operator=(const InChinese&) = delete;
};

}  // namespace dacu::test
