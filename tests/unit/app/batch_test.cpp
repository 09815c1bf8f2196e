// The decisions of a batch that need no files and no threads (apps/dacu/batch_logic.hpp), dacu's
// exit codes (exit_status.hpp) and the manifest's SHA-256 (sha256.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "batch_logic.hpp"
#include "exit_status.hpp"
#include "sha256.hpp"
#include "support.hpp"

using namespace dacu;
using namespace dacu::cli;

TEST_CASE("an input's status follows the precedence failed > alert > missing_data > stale > ok", "[batch]") {
  InputOutcome o;
  CHECK(status_name(o) == "ok");
  CHECK(status_flags(o).empty());
  o.stale = true;
  CHECK(status_name(o) == "stale");
  o.missing_data = true;
  CHECK(status_name(o) == "missing_data");
  o.alert = true;
  CHECK(status_name(o) == "alert");
  CHECK(status_flags(o) == std::vector<std::string>{"alert", "missing_data", "stale"});
  o.failure = kInputError;
  CHECK(status_name(o) == "failed");
}

TEST_CASE("an input's own exit status: alerts and missing data count only when asked for", "[batch]") {
  InputOutcome alert{kSuccess, true, false, false};
  CHECK(outcome_status(alert, false, false) == kSuccess);
  CHECK(outcome_status(alert, true, false) == kAlert);
  CHECK(outcome_status(alert, false, true) == kSuccess);
  InputOutcome missing{kSuccess, false, true, false};
  CHECK(outcome_status(missing, true, false) == kSuccess);
  CHECK(outcome_status(missing, false, true) == kAlert);
  InputOutcome stale{kSuccess, false, false, true};
  CHECK(outcome_status(stale, false, true) == kAlert);
  InputOutcome failed{kEnvironment, true, true, false};
  CHECK(outcome_status(failed, true, true) == kEnvironment);
}

TEST_CASE("when several exit statuses apply, 70 > 4 > 1 > 3 > 0", "[batch]") {
  CHECK(worst_status(kSuccess, kAlert) == kAlert);
  CHECK(worst_status(kAlert, kInputError) == kInputError);
  CHECK(worst_status(kInputError, kAlert) == kInputError);
  CHECK(worst_status(kInputError, kEnvironment) == kEnvironment);
  CHECK(worst_status(kEnvironment, kInputError) == kEnvironment);
  CHECK(worst_status(kEnvironment, kInternalError) == kInternalError);
  CHECK(worst_status(kInternalError, kEnvironment) == kInternalError);
  CHECK(worst_status(kSuccess, kSuccess) == kSuccess);
}

TEST_CASE("a diagnostic's exit status: the machine's 4, the command line's 2, the input's 1", "[batch]") {
  Location nowhere{make_source("out/a.json", {}), 0, 0};
  CHECK(exit_status_of(make_diagnostic(Severity::error, "D070.write", nowhere, {{"reason", "No space left on device"}})) == kEnvironment);
  CHECK(exit_status_of(make_diagnostic(Severity::error, "D078", nowhere)) == kEnvironment);
  CHECK(exit_status_of(make_diagnostic(Severity::error, "D543.held", nowhere, {{"folder", "out"}})) == kEnvironment);
  CHECK(exit_status_of(make_diagnostic(Severity::error, "D533.range", nowhere, {{"jobs", "0"}})) == kUsageError);
  Location command_line{make_source("<command line>", "x"), 1, 1};
  CHECK(exit_status_of(make_diagnostic(Severity::error, "D507.as-of", command_line, {{"text", "x"}, {"problem", "p"}, {"advice", "a"}})) ==
        kUsageError);
  CHECK(exit_status_of(make_diagnostic(Severity::error, "D540", nowhere, {{"count", 2}})) == kUsageError);
  // D507 in an actuals file is the file's problem, not the command line's.
  Diagnostic in_file;
  in_file.code = "D507";
  in_file.key = "D507";
  in_file.where = Location{make_source("actuals/a.csv", "x"), 1, 1};
  CHECK(exit_status_of(in_file) == kInputError);
  in_file.code = "D031";
  in_file.key = "D031";
  CHECK(exit_status_of(in_file) == kInputError);
}

TEST_CASE("the list of --files-from: one path a line, blank lines and # comments skipped, CRLF too", "[batch]") {
  CHECK(parse_file_list("").empty());
  CHECK(parse_file_list("a.yaml\nb.yaml") == std::vector<std::string>{"a.yaml", "b.yaml"});
  CHECK(parse_file_list("# shops\n\n  \nshops/雪凡妮.yaml\r\n  # off: c.yaml\nd e.yaml\n") ==
        std::vector<std::string>{"shops/雪凡妮.yaml", "d e.yaml"});
  CHECK(parse_file_list("a#b.yaml\n") == std::vector<std::string>{"a#b.yaml"});
  // Notepad's UTF-8 BOM is not part of the first path.
  CHECK(parse_file_list("\xEF\xBB\xBFshops/雪凡妮.yaml\r\nb.yaml\r\n") == std::vector<std::string>{"shops/雪凡妮.yaml", "b.yaml"});
}

TEST_CASE("messages are released in input order, each input's as soon as those before it are done", "[batch]") {
  OrderedRelease release(4);
  auto r = release.finish(2);
  CHECK(r.from == r.to);  // 0 and 1 not done: nothing yet
  r = release.finish(0);
  CHECK((r.from == 0 && r.to == 1));
  r = release.finish(1);
  CHECK((r.from == 1 && r.to == 3));  // 1 and the waiting 2
  r = release.finish(3);
  CHECK((r.from == 3 && r.to == 4));
}

TEST_CASE("jobs (-j): a whole number from 1 to 256, or auto for the processors", "[batch]") {
  CHECK(parse_jobs("", 8) == 1);
  CHECK(parse_jobs("3", 8) == 3);
  CHECK(parse_jobs("auto", 8) == 8);
  CHECK(parse_jobs("auto", 0) == 1);
  CHECK(parse_jobs("auto", 1000) == 256);
  CHECK(test::error_of([] { parse_jobs("0", 2); }).code == "D533");
  CHECK(test::error_of([] { parse_jobs("two", 2); }).code == "D533");
  CHECK(test::error_of([] { parse_jobs("Auto", 2); }).code == "D533");
  // -j "" given: no number, not the default.
  CHECK(test::error_of([] { parse_jobs("", 2, true); }).key == "D533.whole");
}

TEST_CASE("SHA-256 of the FIPS 180-4 examples", "[batch]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // 55, 56 and 64 bytes: the padding fits the last block, just does not, and takes a block alone.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
