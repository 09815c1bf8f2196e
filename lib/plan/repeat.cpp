#include "dacu/plan/repeat.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/base/timefmt.hpp"

namespace dacu {

using namespace std::chrono_literals;

std::vector<Occurrence> occurrences(Timeline& timeline, const std::string& name, const Offset& start, const Repeat& repeat) {
  auto first = timeline.point(start, Edge::start);
  auto until = timeline.point(repeat.until, Edge::end);
  // An interval of whole days from a day-level start steps over dates: all-day occurrences.
  bool by_day = first.day_level && repeat.every % 24h == 0s;
  auto anchor = timeline.milestone(start.anchor).at;
  std::vector<Point> points;
  for (std::size_t k = 0;; ++k) {
    Point p = first;
    if (by_day) {
      auto day = first.at.day() + date::days{k * (repeat.every / 24h)};
      p.at = timeline.at_wall(date::local_seconds{day});
      if (day > until.at.day()) break;
    } else {
      p.at = timeline.elapse(first.at, repeat.every * static_cast<long long>(k));
      p.day_level = false;
      if (p.at.utc > until.at.utc) break;
    }
    if (points.size() == max_repeats) {
      throw input_error("D112.too-many", repeat.where, {{"name", name}, {"max", max_repeats}, {"every", format_duration(repeat.every)}});
    }
    points.push_back(p);
  }
  if (points.empty()) {
    throw input_error("D112.none", repeat.until.where, {{"name", name}, {"until", repeat.until.text}, {"start", start.text}});
  }
  bool one_day = points.front().at.day() == points.back().at.day();
  std::vector<Occurrence> out;
  out.reserve(points.size());
  for (std::size_t k = 0; k < points.size(); ++k) {
    const auto& p = points[k];
    auto local = p.at.local;
    std::string when = by_day ? date::format("%m-%d", p.at.day())
                       : one_day ? date::format("%H:%M", local)
                                 : date::format("%m-%d %H:%M", local);
    auto offset = k == 0 ? start.text : fmt::format("{} + {} × {}", start.text, k, format_duration(repeat.every));
    auto since = std::chrono::duration_cast<std::chrono::minutes>(p.at.utc - anchor.utc);
    out.push_back(Occurrence{p, fmt::format("{} {}", name, when), std::move(offset), since});
  }
  return out;
}

}  // namespace dacu
