#include "dacu/compute/agenda.hpp"

#include <date/tz.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "dacu/base/messages.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

std::string_view agenda_kind_name(AgendaKind kind) {
  switch (kind) {
    case AgendaKind::task: return "task";
    case AgendaKind::milestone: return "milestone";
    case AgendaKind::deadline: return "deadline";
    case AgendaKind::checkpoint: return "checkpoint";
  }
  return "task";
}

namespace {

/// Midnight of `day` on the campaign's wall clock, as an instant (the earliest, should the zone
/// repeat or skip it).
date::sys_seconds midnight(const date::time_zone* zone, date::local_days day) {
  return date::make_zoned(zone, date::local_seconds{day.time_since_epoch()}, date::choose::earliest).get_sys_time();
}

struct Collector {
  std::size_t campaign;
  const date::time_zone* zone;
  std::vector<AgendaItem>& out;

  AgendaItem& days(AgendaKind kind, const std::string& name, date::local_days first, date::local_days last) {
    AgendaItem& item = out.emplace_back();
    item.campaign = campaign;
    item.kind = kind;
    item.name = name;
    item.all_day = true;
    item.first_day = first;
    item.last_day = last;
    item.starts = midnight(zone, first);
    item.ends = midnight(zone, last + date::days(1));
    return item;
  }
  AgendaItem& timed(AgendaKind kind, const std::string& name, const ZonedTime& start, const ZonedTime& end) {
    AgendaItem& item = out.emplace_back();
    item.campaign = campaign;
    item.kind = kind;
    item.name = name;
    item.all_day = false;
    item.start = start;
    item.end = end;
    item.first_day = start.day();
    item.last_day = end.day();
    item.starts = start.utc();
    item.ends = end.utc();
    return item;
  }
};

std::string person_of(const Plan& plan, const std::string& role) {
  for (const auto& [mapped, person] : plan.owners) {
    if (mapped == role) return person;
  }
  return {};
}

void collect(const Plan& plan, std::size_t campaign, std::vector<AgendaItem>& out) {
  Collector c{campaign, date::locate_zone(plan.timezone), out};
  for (const auto& t : plan.tasks) {
    auto& item = t.all_day ? c.days(AgendaKind::task, t.name, t.first_day, t.last_day)
                           : c.timed(AgendaKind::task, t.name, t.start, t.end);
    item.department = t.department;
    item.owner = t.owner;
    item.person = person_of(plan, t.owner);
    item.phase = t.phase;
    item.source = std::size_t(&t - plan.tasks.data());
    if (plan.with_status) item.state = t.status ? t.status->state : TaskState::not_started;
  }
  for (const auto& m : plan.milestones) {
    auto& item = m.date_only ? c.days(AgendaKind::milestone, m.name, m.at.day(), m.at.day())
                             : c.timed(AgendaKind::milestone, m.name, m.at, m.at);
    item.detail = m.rule;
    item.source = std::size_t(&m - plan.milestones.data());
  }
  for (const auto& d : plan.deadlines) {
    auto& item = d.all_day ? c.days(AgendaKind::deadline, d.name, d.first_day, d.last_day)
                           : c.timed(AgendaKind::deadline, d.name, d.start, d.end);
    item.detail = d.rule;
    item.source = std::size_t(&d - plan.deadlines.data());
  }
  for (const auto& k : plan.checkpoints) {
    auto& item = c.timed(AgendaKind::checkpoint, k.name, k.at, k.at);
    item.owner = k.owner;
    item.person = person_of(plan, k.owner);
    item.detail = k.metric;
    item.source = std::size_t(&k - plan.checkpoints.data());
  }
}

/// The double bookings of one owner. `booked` holds indices into `items` (timed tasks of that
/// owner), sorted by start. Sweeps the starts in order, keeping the tasks still running: a group
/// of tasks starting at one instant overlaps every running task and each other. A task is
/// flagged when something of another campaign overlaps it; each is flagged once, so the sweep
/// costs n log n whatever the overlaps. Clusters end where nothing is running.
void owner_conflicts(const std::string& owner, const std::vector<std::size_t>& booked, const std::vector<AgendaItem>& items,
                     std::vector<AgendaConflict>& out, std::vector<std::optional<std::size_t>>& conflict_of) {
  std::multimap<date::sys_seconds, std::size_t> running;  // by end: proper intervals only
  std::map<std::size_t, std::size_t> running_per_campaign;
  std::map<std::size_t, std::set<std::size_t>> unflagged;  // running, not yet flagged, by campaign
  std::vector<std::size_t> cluster;                        // the flagged tasks of the current cluster
  std::vector<bool> flagged(booked.size(), false);
  std::unordered_map<std::size_t, std::size_t> position;  // item -> position in booked
  for (std::size_t i = 0; i < booked.size(); ++i) position[booked[i]] = i;

  auto close_cluster = [&] {
    if (cluster.empty()) return;
    std::sort(cluster.begin(), cluster.end());  // positions in start order
    AgendaConflict c;
    c.owner = owner;
    const AgendaItem* first = &items[booked[cluster.front()]];
    const AgendaItem* last = first;
    for (auto p : cluster) {
      const auto& item = items[booked[p]];
      if (item.ends > last->ends) last = &item;
      if (std::find(c.campaigns.begin(), c.campaigns.end(), item.campaign) == c.campaigns.end()) c.campaigns.push_back(item.campaign);
      c.tasks.push_back({item.campaign, item.name, item.start, item.end});
      conflict_of[booked[p]] = out.size();
    }
    c.from = first->start;
    c.to = last->end;
    out.push_back(std::move(c));
    cluster.clear();
  };
  auto flag = [&](std::size_t p) {
    if (flagged[p]) return;
    flagged[p] = true;
    cluster.push_back(p);
  };

  for (std::size_t first = 0, last = 0; first < booked.size(); first = last) {
    auto moment = items[booked[first]].starts;
    while (last < booked.size() && items[booked[last]].starts == moment) ++last;
    while (!running.empty() && running.begin()->first <= moment) {
      auto p = running.begin()->second;
      auto campaign = items[booked[p]].campaign;
      if (--running_per_campaign[campaign] == 0) running_per_campaign.erase(campaign);
      if (auto it = unflagged.find(campaign); it != unflagged.end()) {
        it->second.erase(p);
        if (it->second.empty()) unflagged.erase(it);
      }
      running.erase(running.begin());
    }
    if (running.empty()) close_cluster();  // nothing links what starts now to what went before
    std::map<std::size_t, std::size_t> group_per_campaign;
    for (auto p = first; p < last; ++p) ++group_per_campaign[items[booked[p]].campaign];
    std::size_t total = running.size() + (last - first);
    for (auto p = first; p < last; ++p) {
      auto campaign = items[booked[p]].campaign;
      std::size_t same = group_per_campaign[campaign];
      if (auto it = running_per_campaign.find(campaign); it != running_per_campaign.end()) same += it->second;
      if (total > same) flag(p);
    }
    // The running tasks of a campaign other than one in the group overlap it.
    for (auto it = unflagged.begin(); it != unflagged.end();) {
      bool other = group_per_campaign.size() > 1 || group_per_campaign.begin()->first != it->first;
      if (other) {
        for (auto p : it->second) flag(p);
        it = unflagged.erase(it);
      } else {
        ++it;
      }
    }
    for (auto p = first; p < last; ++p) {
      const auto& item = items[booked[p]];
      if (item.ends <= item.starts) continue;  // a moment is over once it starts
      running.emplace(item.ends, p);
      ++running_per_campaign[item.campaign];
      if (!flagged[p]) unflagged[item.campaign].insert(p);
    }
  }
  close_cluster();
}

bool shown(const AgendaItem& item, const AgendaFilter& f) {
  if (f.from && item.last_day < *f.from) return false;
  if (f.to && item.first_day > *f.to) return false;
  if (!f.owner.empty() && ((item.owner != f.owner && item.person != f.owner) || (item.kind != AgendaKind::task && item.kind != AgendaKind::checkpoint))) return false;
  if (!f.department.empty() && (item.department != f.department || item.kind != AgendaKind::task)) return false;
  return true;
}

void add_name(std::vector<std::string>& names, const std::string& name) {
  if (!name.empty()) names.push_back(name);
}

/// What to say of a filter value no campaign has: the closest name, else `none`; nothing when the
/// value is empty or found.
std::optional<std::string> unknown(const std::string& value, std::vector<std::string> names, std::string_view none) {
  if (value.empty()) return std::nullopt;
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (std::binary_search(names.begin(), names.end(), value)) return std::nullopt;
  auto hint = suggestion(value, names);
  return hint.empty() ? message(none) : hint;
}

/// A role one campaign of a shop maps to a person is that person in the shop's campaigns that leave
/// it unmapped — unless the shop's campaigns name two people for it (then those stay the role).
void name_shop_people(const std::vector<AgendaCampaign>& campaigns, std::vector<AgendaItem>& items) {
  std::map<std::pair<std::string_view, std::string_view>, std::set<std::string_view>> people;
  for (const auto& item : items) {
    const auto& shop = campaigns[item.campaign].shop;
    if (!shop.empty() && !item.person.empty()) people[{shop, item.owner}].insert(item.person);
  }
  std::vector<std::pair<std::size_t, std::string>> named;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (!item.person.empty() || item.owner.empty()) continue;
    auto it = people.find({campaigns[item.campaign].shop, item.owner});
    if (it != people.end() && it->second.size() == 1) named.emplace_back(i, std::string(*it->second.begin()));
  }
  for (auto& [i, person] : named) items[i].person = std::move(person);
}

Location command_line(const std::string& value) { return Location{make_source("<command line>", value), 1, 1}; }

}  // namespace

Agenda build_agenda(std::vector<AgendaInput> inputs, const AgendaFilter& given) {
  AgendaFilter filter = given;
  filter.owner = utf8::nfc(filter.owner);  // names in plans are NFC (yaml.cpp)
  filter.department = utf8::nfc(filter.department);
  Agenda agenda;
  std::map<std::string_view, std::size_t> by_name;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& plan = inputs[i].plan;
    if (auto [it, fresh] = by_name.emplace(plan.campaign, i); !fresh) {
      throw input_error("D481", inputs[i].where,
                        {{"name", plan.campaign}, {"other", inputs[it->second].file}});
    }
    agenda.campaigns.push_back({plan.campaign, inputs[i].file, plan.template_name, plan.timezone, plan.shop});
    if (std::find(agenda.timezones.begin(), agenda.timezones.end(), plan.timezone) == agenda.timezones.end()) {
      agenda.timezones.push_back(plan.timezone);
    }
  }

  std::vector<AgendaItem> all;
  for (std::size_t i = 0; i < inputs.size(); ++i) collect(inputs[i].plan, i, all);
  name_shop_people(agenda.campaigns, all);
  for (auto& input : inputs) agenda.plans.push_back(std::move(input.plan));

  std::vector<std::string> owners, departments;
  for (const auto& item : all) {
    add_name(owners, item.owner);
    add_name(owners, item.person);
    add_name(departments, item.department);
  }
  if (auto advice = unknown(filter.owner, std::move(owners), "agenda.no-owner")) {
    throw input_error("D482", command_line(filter.owner), {{"value", filter.owner}, {"advice", *advice}});
  }
  if (auto advice = unknown(filter.department, std::move(departments), "agenda.no-department")) {
    throw input_error("D483", command_line(filter.department), {{"value", filter.department}, {"advice", *advice}});
  }

  const auto& campaigns = agenda.campaigns;
  auto before = [&](const AgendaItem& a, const AgendaItem& b) {
    return std::tie(a.starts, campaigns[a.campaign].name, a.name, a.kind, a.ends, a.campaign) <
           std::tie(b.starts, campaigns[b.campaign].name, b.name, b.kind, b.ends, b.campaign);
  };
  std::sort(all.begin(), all.end(), before);

  // Conflicts over every task, before the filter: --dept shows a design task booked against
  // another campaign's operations task, and --from does not hide what started the day before.
  // Booked per person: the mapped person, else the role in its shop (a campaign without `shop:`
  // is a shop of its own, so its roles meet no other campaign's). Keys cannot collide: a person
  // key starts with 'p', a shop key with 's' or 'c', and NUL separates the parts.
  std::map<std::string, std::vector<std::size_t>> by_owner;
  std::map<std::string, std::string> label;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& item = all[i];
    if (item.kind != AgendaKind::task || item.all_day || item.owner.empty()) continue;
    const auto& campaign = campaigns[item.campaign];
    std::string key;
    if (!item.person.empty()) {
      key = std::string("p", 1) + item.person;
      label.emplace(key, item.person);
    } else {
      const auto& shop = campaign.shop.empty() ? campaign.name : campaign.shop;
      key = std::string(campaign.shop.empty() ? "c" : "s") + shop + std::string(1, '\0') + item.owner;
      label.emplace(key, campaign.shop.empty() ? item.owner : message("agenda.shop-role", {{"shop", shop}, {"role", item.owner}}));
    }
    by_owner[key].push_back(i);
  }
  std::vector<AgendaConflict> conflicts;
  std::vector<std::optional<std::size_t>> conflict_of(all.size());
  for (const auto& [key, booked] : by_owner) owner_conflicts(label.at(key), booked, all, conflicts, conflict_of);

  // Keep the conflicts a shown item is in, ordered by start then owner, and number the items.
  std::vector<bool> keep(conflicts.size(), false);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (conflict_of[i] && shown(all[i], filter)) keep[*conflict_of[i]] = true;
  }
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < conflicts.size(); ++c) {
    if (keep[c]) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::make_tuple(conflicts[a].from.utc(), std::string_view(conflicts[a].owner), a) <
           std::make_tuple(conflicts[b].from.utc(), std::string_view(conflicts[b].owner), b);
  });
  std::vector<std::size_t> number(conflicts.size(), 0);
  for (std::size_t n = 0; n < order.size(); ++n) {
    number[order[n]] = n;
    agenda.conflicts.push_back(std::move(conflicts[order[n]]));
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!shown(all[i], filter)) continue;
    agenda.items.push_back(std::move(all[i]));
    if (conflict_of[i]) agenda.items.back().conflict = number[*conflict_of[i]];
  }
  return agenda;
}

}  // namespace dacu
