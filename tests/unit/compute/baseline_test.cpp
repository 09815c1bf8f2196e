#include "dacu/compute/baseline.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

// A baseline of validate's findings: fingerprints that survive line shifts, sorted files, D610.

using namespace dacu;

namespace {

Diagnostic at(const std::shared_ptr<const SourceFile>& file, int line, std::string key,
              std::vector<std::pair<std::string, std::string>> args = {}) {
  Diagnostic d;
  d.severity = Severity::warning;
  d.code = key.substr(0, 4);
  d.key = std::move(key);
  d.where = Location{file, line, 3};
  d.args = std::move(args);
  d.input = file->name;
  return d;
}

}  // namespace

TEST_CASE("a baseline fingerprint survives lines added above the finding", "[baseline]") {
  auto before = make_source("shops/a.yaml", "milestones:\n  开团: 2026-10-01T10:00\n");
  auto after = make_source("shops/a.yaml", "# 说明\n# 更多\nmilestones:\n  开团: 2026-10-01T10:00\n");
  auto a = at(before, 2, "D106", {{"milestone", "开团"}, {"date", "2026-10-01"}});
  auto b = at(after, 4, "D106", {{"milestone", "开团"}, {"date", "2026-10-01"}});
  CHECK(baseline_fingerprint(a) == baseline_fingerprint(b));
  CHECK(baseline_fingerprint(a).size() == 16);
  // Another milestone, another line's text, another code: another finding.
  CHECK(baseline_fingerprint(a) != baseline_fingerprint(at(before, 2, "D106", {{"milestone", "报名"}})));
  CHECK(baseline_fingerprint(a) != baseline_fingerprint(at(before, 1, "D106", {{"milestone", "开团"}})));
  CHECK(baseline_fingerprint(a) != baseline_fingerprint(at(before, 2, "D104", {{"milestone", "开团"}})));
  // Phrases in the language of messages do not count.
  CHECK(baseline_fingerprint(a) == baseline_fingerprint(at(before, 2, "D106", {{"milestone", "开团"}, {"advice", "x"}})));
}

TEST_CASE("a baseline is written sorted and read back, counts used up in order", "[baseline]") {
  auto shop_b = make_source("shops/b.yaml", "a: 1\nb: 2\n");
  auto shop_a = make_source("shops/a.yaml", "a: 1\n");
  std::vector<Diagnostic> found{at(shop_b, 2, "D104"), at(shop_b, 2, "D104"), at(shop_a, 1, "D106")};
  auto text = write_baseline(found);
  auto lines = text.substr(text.find('\n') + 1);
  CHECK(lines.starts_with("shops/a.yaml\tD106\t"));
  CHECK(lines.find("shops/b.yaml\tD104\t") != std::string::npos);
  CHECK(lines.find("\t2\tb: 2\n") != std::string::npos);
  CHECK(write_baseline({found[2], found[0], found[1]}) == text);
  auto known = parse_baseline(text, "ci/baseline.tsv");
  REQUIRE(known.size() == 2);
  CHECK(match_baseline(found, known) == std::vector<bool>{true, true, true});
  // A third D104 on the same line is new; so is one in another file.
  found.push_back(at(shop_b, 2, "D104"));
  found.push_back(at(make_source("shops/c.yaml", "a: 1\n"), 1, "D106"));
  CHECK(match_baseline(found, known) == std::vector<bool>{true, true, true, false, false});
}

TEST_CASE("a baseline line that is not the format is D610, located", "[baseline]") {
  auto error_of = [](std::string_view text) {
    try {
      parse_baseline(text, "b.tsv");
    } catch (const InputError& e) {
      const auto& d = e.diagnostic();
      return fmt::format("{}:{} {} {}", d.where.line, d.where.column, d.code, d.message);
    }
    return std::string("no error");
  };
  CHECK(error_of("# c\n\na\tD104\n") == "3:1 D610 this baseline line has 2 fields; expected 4 or 5 separated by tabs (input, code, fingerprint, count, line)");
  CHECK(error_of("a\tD104\t12345\t1\n") == "1:8 D610 `12345` is not a fingerprint: expected 16 hexadecimal digits");
  CHECK(error_of("a\tD104\t0123456789abcdef\tx\n") == "1:25 D610 `x` is not a count: expected a whole number of 1 or more");
  CHECK(error_of("# only a comment\n") == "no error");
}
