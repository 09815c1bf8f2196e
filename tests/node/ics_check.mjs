// Reads a dacu calendar back with ical.js (an independent RFC 5545 parser) and checks it against
// the plan's JSON: every task, milestone, platform deadline and checkpoint present once as an event
// of its kind, dated right, with a UID of its kind's shape that no other event has.
//   node ics_check.mjs plan.ics plan.json [KINDS]
// KINDS (comma-separated, default all four: tasks,milestones,deadlines,checkpoints) are the kinds
// the calendar was asked for (`dacu plan --ics-events`); the others must be absent.
// Prints one line per event, `kind<TAB>UID<TAB>summary`, for ics.py to compare runs.
import fs from "node:fs";
import ICAL from "ical.js";

const [icsPath, jsonPath, kindsArg] = process.argv.slice(2);
const wanted = new Set((kindsArg ?? "tasks,milestones,deadlines,checkpoints").split(","));
const text = fs.readFileSync(icsPath, "utf8");
const plan = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
const problems = [];

// Physical lines: CRLF, at most 75 octets, never a split UTF-8 character.
const raw = fs.readFileSync(icsPath);
let start = 0;
for (let i = 0; i + 1 < raw.length; i++) {
  if (raw[i] === 0x0d && raw[i + 1] === 0x0a) {
    const line = raw.subarray(start, i);
    if (line.length > 75) problems.push(`line of ${line.length} octets: ${line.toString()}`);
    try { new TextDecoder("utf-8", { fatal: true }).decode(line); }
    catch { problems.push(`line splits a UTF-8 character: ${line.toString()}`); }
    start = i + 2;
    i++;
  } else if (raw[i] === 0x0a) {
    problems.push(`bare LF line end at byte ${i}`);
    break;
  }
}

const calendar = new ICAL.Component(ICAL.parse(text));
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}
const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
const kindOf = (e) => e.component.getFirstPropertyValue("x-dacu-kind");
const ofKind = (kind) => events.filter((e) => kindOf(e) === kind);
// UIDs: a task's is 16 hex digits, the others' carry their kind, so kinds never collide.
const uidShape = {
  task: /^[0-9a-f]{16}@dacu$/,
  milestone: /^milestone-[0-9a-f]{16}@dacu$/,
  deadline: /^deadline-[0-9a-f]{16}@dacu$/,
  checkpoint: /^checkpoint-[0-9a-f]{16}@dacu$/,
};
const uids = new Set();
for (const e of events) {
  if (uids.has(e.uid)) problems.push(`duplicate UID ${e.uid}`);
  uids.add(e.uid);
  if (!e.component.getFirstPropertyValue("dtstamp")) problems.push(`${e.summary}: no DTSTAMP`);
  const kind = kindOf(e);
  if (!(kind in uidShape)) problems.push(`${e.summary}: X-DACU-KIND ${JSON.stringify(kind)}`);
  else if (!uidShape[kind].test(e.uid)) problems.push(`${e.summary}: UID ${e.uid} is not a ${kind}'s`);
}
const addDays = (iso, n) => {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const categoriesOf = (e) => e.component.getFirstProperty("categories")?.getValues() ?? [];
// One event per item of the JSON list, found by its summary, of the right kind and category.
const match = (kind, plural, items, summaryOf, categoryOf) => {
  const found = ofKind(kind);
  const expected = wanted.has(plural) ? items.length : 0;
  if (found.length !== expected) problems.push(`${found.length} ${kind} events for ${expected} ${plural}`);
  if (!wanted.has(plural)) return [];
  const bySummary = new Map(found.map((e) => [e.summary, e]));
  const pairs = [];
  for (const item of items) {
    const e = bySummary.get(summaryOf(item));
    if (!e) { problems.push(`${kind} ${summaryOf(item)} has no event`); continue; }
    const categories = categoriesOf(e);
    if (categories.length !== 1 || categories[0] !== categoryOf(item)) {
      problems.push(`${summaryOf(item)}: CATEGORIES ${JSON.stringify(categories)}, not [${JSON.stringify(categoryOf(item))}]`);
    }
    pairs.push([item, e]);
  }
  return pairs;
};
// A DATE event over [first, last] (DTEND exclusive), or a timed one from start to end in the
// campaign's zone; a moment has no DTEND, which ical.js reads as ending when it starts.
const checkDates = (label, e, allDay, start, end) => {
  if (allDay) {
    if (!e.startDate.isDate) problems.push(`${label}: all-day item is not a DATE event`);
    if (e.startDate.toString() !== start) problems.push(`${label}: starts ${e.startDate} not ${start}`);
    const after = addDays(end, 1);
    if (e.endDate.toString() !== after) problems.push(`${label}: DTEND ${e.endDate} not ${after}`);
    return;
  }
  if (e.startDate.isDate) problems.push(`${label}: timed item is a DATE event`);
  if (e.startDate.zone.tzid !== plan.timezone) problems.push(`${label}: zone ${e.startDate.zone.tzid}`);
  const s = e.startDate.toUnixTime() * 1000, en = e.endDate.toUnixTime() * 1000;
  if (s !== Date.parse(start)) problems.push(`${label}: starts ${e.startDate.toJSDate().toISOString()} not ${start}`);
  if (en !== Date.parse(end)) problems.push(`${label}: ends ${e.endDate.toJSDate().toISOString()} not ${end}`);
};
const isDay = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text);

for (const [task, e] of match("task", "tasks", plan.tasks, (t) => t.name, (t) => t.department)) {
  checkDates(task.name, e, task.all_day, task.start, task.end);
}
for (const [m, e] of match("milestone", "milestones", plan.milestones, (m) => `里程碑：${m.name}`, () => "里程碑")) {
  checkDates(m.name, e, isDay(m.at), m.at, m.at);
}
for (const [d, e] of match("deadline", "deadlines", plan.deadlines, (d) => `平台时限：${d.name}`, () => "平台时限")) {
  checkDates(d.name, e, d.all_day, d.start, d.end);
}
for (const [c, e] of match("checkpoint", "checkpoints", plan.checkpoints, (c) => `检查点：${c.name}（${c.metric}）`, () => "检查点")) {
  checkDates(c.name, e, false, c.at, c.at);
}
const known = new Set(["task", "milestone", "deadline", "checkpoint"]);
if (events.some((e) => !known.has(kindOf(e)))) problems.push("an event of no known kind");

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
for (const e of events) console.log(`${kindOf(e)}\t${e.uid}\t${e.summary}`);
const count = (kind) => ofKind(kind).length;
console.error(`${icsPath}: ${count("task")} tasks, ${count("milestone")} milestones, ${count("deadline")} deadlines, ` +
              `${count("checkpoint")} checkpoints: all match the plan`);
