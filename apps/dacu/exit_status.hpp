#pragma once
/// dacu's exit codes, in one place; README.md documents them ("Errors and exit codes").
///
/// A script must tell apart bad shop data (1), a broken command (2), an alert (3) and a broken
/// machine (4). When several apply in one run (a batch), the most severe wins:
///   70 > 4 > 1 > 3 > 0   (2 stops a run before any input is read, so it meets no other)
/// and the batch summary (--summary) carries every input's own status.

#include <string_view>

#include "dacu/base/error.hpp"

namespace dacu::cli {

enum ExitStatus : int {
  kSuccess = 0,        ///< done; warnings may have been printed
  kInputError = 1,     ///< an input is invalid (in a batch: at least one input failed on its own data)
  kUsageError = 2,     ///< the command line is wrong (unknown option, bad -j, --as-of, -o's extension)
  kAlert = 3,          ///< --fail-on-alert: a checkpoint is off plan; --fail-on-missing: data missing or stale
  kEnvironment = 4,    ///< an output, the summary or the lock could not be written or taken, out of
                       ///< memory, the time-zone data unreadable: not the inputs' fault
  kInternalError = 70, ///< a bug in dacu (EX_SOFTWARE); please report it
};

/// How severe an exit status is, for worst_status: 70 > 4 > 2 > 1 > 3 > 0 (a signal's 128+N is
/// the shell's, never combined).
constexpr int status_rank(int status) {
  switch (status) {
    case kSuccess: return 0;
    case kAlert: return 1;
    case kInputError: return 2;
    case kUsageError: return 3;
    case kEnvironment: return 4;
    default: return 5;  // kInternalError and anything unknown
  }
}

/// The status of a run where both `a` and `b` apply.
constexpr int worst_status(int a, int b) { return status_rank(b) > status_rank(a) ? b : a; }

/// The codes of exit_status_of, as lists (one word each) rather than string literals, which the
/// catalogue checks would take for message keys.
inline constexpr std::string_view kEnvironmentCodes = "D070 D074 D075 D078 D467 D531 D543";
inline constexpr std::string_view kUsageCodes = "D076 D077 D457 D520 D532 D533 D540 D541 D545 D546 D548 D564 D580 D600 D464 D465 D466 D469 D470";
/// Usage errors only where the value is the command line's (--as-of), not a file's (an
/// actuals time, a template's parameter).
inline constexpr std::string_view kUsageCodesOnCommandLine = "D507 (--as-of)";

/// Whether `code` is one of the words of `list`.
inline bool code_listed(std::string_view list, std::string_view code) {
  if (code.empty()) return false;
  for (auto at = list.find(code); at != std::string_view::npos; at = list.find(code, at + 1)) {
    bool starts = at == 0 || list[at - 1] == ' ';
    bool ends = at + code.size() == list.size() || list[at + code.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

/// The exit status a run stopped by diagnostic `d` has: 4 for what is the machine's fault
/// (D070 an output cannot be written, D074 a writer module missing, D075 a read-only output,
/// D078 out of memory, D531 --out-dir cannot be made, D543 the --out-dir lock), 2 for a command
/// line that cannot run (D076 -o's extension, D077 an empty -o or --out-dir, D507
/// in --as-of, D457 --actuals-date, D520 --alarm, D564 --max-staleness, D580 --ics-events, D600 schema --output, D532
/// and D533 batch options, D540, D541, D545, D546, D548 the nightly options), else 1 — the
/// refusals that protect a file (D071 -o names an input, D072 binary to a terminal, D079 init
/// would replace a file) included. Task status (issue 18): D464 --ahead, D465 --state, D466 --at
/// and D469 --status-dir are usage errors; D467, a status file dacu done cannot write, is the machine's.
inline int exit_status_of(const Diagnostic& d) {
  if (code_listed(kEnvironmentCodes, d.code)) return kEnvironment;
  if (code_listed(kUsageCodes, d.code)) return kUsageError;
  if (code_listed(kUsageCodesOnCommandLine, d.code) && d.where.file_name() == "<command line>") return kUsageError;
  return kInputError;
}

}  // namespace dacu::cli
