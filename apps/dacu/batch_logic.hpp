#pragma once
/// The decisions of a batch that need no files and no threads, apart so that unit tests reach
/// them (tests/unit/app/batch_test.cpp): an input's status, the run's exit code, the list of
/// --files-from, the order messages are released in, and -j.

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "exit_status.hpp"

namespace dacu::cli {

/// What became of one input of a batch.
struct InputOutcome {
  /// Why it failed, when it did: its own data (1), the machine (4, an output it could not
  /// write), or a bug (70). kSuccess when it did not fail.
  int failure = kSuccess;
  bool alert = false;         ///< a checkpoint off plan
  bool missing_data = false;  ///< checkpoints overdue without a figure
  bool stale = false;         ///< a figure too old to stand for its checkpoint

  bool failed() const { return failure != kSuccess; }
};

/// The one status the summary gives an input, by precedence: failed > alert > missing_data >
/// stale > ok. (Its `flags` list every one of alert, missing_data and stale that holds.)
inline std::string_view status_name(const InputOutcome& o) {
  if (o.failed()) return "failed";
  if (o.alert) return "alert";
  if (o.missing_data) return "missing_data";
  if (o.stale) return "stale";
  return "ok";
}

inline std::vector<std::string> status_flags(const InputOutcome& o) {
  std::vector<std::string> flags;
  if (o.alert) flags.emplace_back("alert");
  if (o.missing_data) flags.emplace_back("missing_data");
  if (o.stale) flags.emplace_back("stale");
  return flags;
}

/// The exit status one input gives on its own: its failure, else 3 for an alert with
/// --fail-on-alert or for missing or stale data with --fail-on-missing, else 0.
inline int outcome_status(const InputOutcome& o, bool fail_on_alert, bool fail_on_missing) {
  if (o.failed()) return o.failure;
  if (o.alert && fail_on_alert) return kAlert;
  if ((o.missing_data || o.stale) && fail_on_missing) return kAlert;
  return kSuccess;
}

/// The paths of a --files-from list: one per line (LF or CRLF), blank lines and lines starting
/// with `#` (after spaces) skipped. A path is taken as written, inner and outer spaces included,
/// except the spaces before a `#` line.
inline std::vector<std::string> parse_file_list(std::string_view text) {
  std::vector<std::string> out;
  // A list saved by Notepad or Excel starts with a UTF-8 BOM: it is not part of the first path.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    out.emplace_back(line);
  }
  return out;
}

/// Messages of a batch in input order, each input's as soon as it and every input before it
/// have finished: finish(i) marks input i done and returns the inputs [from, to) now due.
class OrderedRelease {
 public:
  explicit OrderedRelease(std::size_t count) : done_(count, false) {}
  struct Range {
    std::size_t from, to;
  };
  Range finish(std::size_t i) {
    done_.at(i) = true;
    auto from = next_;
    while (next_ < done_.size() && done_[next_]) ++next_;
    return {from, next_};
  }

 private:
  std::vector<bool> done_;
  std::size_t next_ = 0;
};

/// -j as written: empty is 1, `auto` the number of processors (`processors`, at least 1), else a
/// whole number from 1 to 256 (D533, located in the value).
inline unsigned parse_jobs(const std::string& text, unsigned processors, bool given = false) {
  if (text.empty() && !given) return 1;  // -j "" is no number: D533.whole below
  if (text == "auto") return processors == 0 ? 1 : (processors > 256 ? 256 : processors);
  unsigned n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  // Digits too many for an unsigned are a whole number too, just not a usable one.
  bool whole = (ec == std::errc() || ec == std::errc::result_out_of_range) && end == text.data() + text.size();
  if (!whole || n == 0 || n > 256) {
    Location where{make_source("<command line>", text), 1, 1};
    if (whole) throw input_error("D533.range", where, {{"jobs", text}});
    throw input_error("D533.whole", where, {{"jobs", text}});
  }
  return n;
}

}  // namespace dacu::cli
