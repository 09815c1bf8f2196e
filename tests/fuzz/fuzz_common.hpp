// Shared helpers for the libFuzzer targets (see tests/fuzz/README.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dacu/base/error.hpp"

namespace dacu::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// A Location inside a one-line source holding `text`, as the loader gives parsers.
inline Location location_of(std::string_view text) {
  return Location{make_source("fuzz", std::string(text)), 1, 1};
}

/// Runs `f`; dacu::Error (a located, reported problem) is the expected way to refuse input, and an
/// InputError is formatted as dacu prints it.
/// Anything else escaping — std::out_of_range, std::bad_alloc, a crash — is a bug the fuzzer reports.
template <class F>
void refuse_quietly(F&& f) {
  try {
    f();
  } catch (const dacu::InputError& e) {
    // Shown as the user would see it: the echoed source line, cut around the caret and with its
    // control characters made visible, must not fail either.
    (void)dacu::format_diagnostic(e.diagnostic());
  } catch (const dacu::Error&) {
  }
}

}  // namespace dacu::fuzz
