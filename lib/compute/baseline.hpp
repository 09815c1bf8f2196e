#pragma once
/// A baseline of `dacu validate` findings, so that CI fails on new problems only.
///
///   auto text = write_baseline(findings);              // --write-baseline FILE
///   auto known = parse_baseline(read(FILE), FILE);     // --baseline FILE
///   auto old = match_baseline(findings, known);        // old[i]: findings[i] was there before
///
/// A finding is known by its input file, its code and a fingerprint that does not hold its line
/// number: the message's catalogue entry, the file it is located in, the text of the located line
/// (trimmed) and the names the message quotes (task, milestone, parameter…), so lines added above
/// it do not make it new. Findings with one fingerprint are counted: a third identical one in a
/// file whose baseline holds two is new.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

struct BaselineEntry {
  std::string input;  ///< the file validated (Diagnostic::input, else the file located in)
  std::string code;
  std::string fingerprint;  ///< 16 hex digits
  std::size_t count = 1;
  friend bool operator==(const BaselineEntry&, const BaselineEntry&) = default;
};

/// The finding's fingerprint (16 hex digits, the same on every machine and in every language).
std::string baseline_fingerprint(const Diagnostic& d);
/// The baseline file for `findings`: a comment line, then one line per input, code and
/// fingerprint (tab-separated: input, code, fingerprint, count, the located line for people),
/// sorted, so that the same findings give the same bytes.
std::string write_baseline(const std::vector<Diagnostic>& findings);
/// Reads a baseline file; a line that is not four or five tab-separated fields with a count of 1
/// or more is D610, located in `source_name`.
std::vector<BaselineEntry> parse_baseline(std::string_view text, std::string_view source_name);
/// For each finding, whether the baseline holds it (each entry's count used up in order).
std::vector<bool> match_baseline(const std::vector<Diagnostic>& findings, const std::vector<BaselineEntry>& baseline);

}  // namespace dacu
