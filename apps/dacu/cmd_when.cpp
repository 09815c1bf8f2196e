// dacu when: a calculator for one offset phrase.
#include <fmt/format.h>

#include <algorithm>

#include <ostream>

#include "dacu/base/timefmt.hpp"
#include "commands.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/plan/timeline.hpp"
#include "exit_status.hpp"
#include "io.hpp"

namespace dacu::cli {

namespace {

struct WhenOptions {
  std::string phrase;
  std::vector<std::string> at;
  std::string calendar = "cn";
  std::string timezone = "Asia/Shanghai";
};

int run_when(const WhenOptions& o, Context& ctx) {
  std::vector<MilestoneMoment> milestones;
  std::vector<std::string> names;
  for (const auto& a : o.at) {
    auto set = parse_override(a, "--at");
    auto source = make_source("<command line>", a);
    if (std::find(names.begin(), names.end(), set.key) != names.end()) {
      throw input_error("D050.at-twice", Location{source, 1, 1}, {{"name", set.key}});
    }
    check_milestone_name(set.key, Location{source, 1, 1});  // 报名前 would make 报名前20天 ambiguous here too
    Location value_at = Location{source, 1, 1}.advanced(a, set.key.size() + 1);
    auto value = parse_datetime_with_offset(set.value);
    if (!value) {
      auto advice = date_advice(set.value, message("app.write-at"));
      throw input_error("D020.at", value_at,
                        {{"name", set.key}, {"value", set.value}, {"problem", advice.problem}, {"advice", advice.hint}});
    }
    milestones.push_back({set.key, *value, value_at});
    names.push_back(set.key);
  }
  const Calendar* calendar = builtin_calendar(o.calendar);
  if (!calendar) {
    throw input_error("D022.option", Location{make_source("<command line>", o.calendar), 1, 1},
                      {{"name", o.calendar}, {"advice", suggestion(o.calendar, builtin_calendar_names())}});
  }
  auto phrase_source = make_source("<command line>", o.phrase);
  auto offset = parse_offset(o.phrase, Location{phrase_source, 1, 1}, names);
  if (offset.anchor.empty() && milestones.empty()) {
    // 年末 / 年初 need a year: take it from a milestone.
    throw input_error("D033.when-year", Location{phrase_source, 1, 1}, {{"phrase", o.phrase}});
  }
  // The same timeline `dacu plan` dates with, so the two agree and warn about the same years.
  auto option_at = [](std::string_view option, const std::string& value) {
    auto source = make_source("<command line>", fmt::format("{}={}", option, value));
    return Location{source, 1, 1}.advanced(source->text, option.size() + 1);
  };
  Timeline timeline(milestones, *calendar, Located{o.timezone, option_at("--timezone", o.timezone)},
                    option_at("--calendar", o.calendar));
  auto point = timeline.point(offset);
  // A timeline warns once per year it lacks: one or two lines, never worth a bound.
  print_diagnostics(timeline.warnings(), ctx, Warnings::all);
  ctx.out << (point.day_level ? format_date(point.at.day()) : timeline.zoned(point.at).iso()) << '\n';
  return kSuccess;
}

}  // namespace

Command when_command() {
  return {"when", "compute one offset phrase, e.g. 开团前3个工作日", [](CommandLine& cl) {
            auto o = std::make_shared<WhenOptions>();
            cl.positional("PHRASE", o->phrase, "an offset phrase: 开团前3个工作日, 开团前半小时, 开团 -2d …", true);
            cl.options("--at", o->at, "a milestone's date-time: --at 开团=2026-10-09T10:00 (repeatable)");
            cl.option("--calendar", o->calendar, "working-day calendar (default cn)");
            cl.option("--timezone", o->timezone, "IANA time zone (default Asia/Shanghai)");
            cl.examples(
                "  dacu when 开团前3个工作日 --at 开团=2026-10-09T10:00      → 2026-09-29\n"
                "  dacu when 报名前2个工作日 --at 报名=2026-09-22            → 2026-09-20 (调休 Sunday)\n"
                "  dacu when 开团前半小时 --at 开团=2026-11-11T00:00        → 2026-11-10T23:30:00+08:00\n"
                "  dacu when '开团 +1d @10:00' --at 开团=2026-12-20T10:00\n"
                "Day-level phrases print a date; hour, minute and clock phrases print a date-time with its UTC offset.\n");
            return [o](Context& ctx) { return run_when(*o, ctx); };
          }};
}

}  // namespace dacu::cli
