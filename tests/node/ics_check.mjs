// Reads a dacu calendar back with ical.js (an independent RFC 5545 parser) and checks it against
// the plan's JSON: every task present once, dated right, with a stable unique UID.
//   node ics_check.mjs plan.ics plan.json
import fs from "node:fs";
import ICAL from "ical.js";

const [icsPath, jsonPath] = process.argv.slice(2);
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
if (events.length !== plan.tasks.length) problems.push(`${events.length} events for ${plan.tasks.length} tasks`);
const uids = new Set();
const byName = new Map(events.map((e) => [e.summary, e]));
const addDays = (iso, n) => {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
for (const e of events) {
  if (uids.has(e.uid)) problems.push(`duplicate UID ${e.uid}`);
  uids.add(e.uid);
  if (!e.component.getFirstPropertyValue("dtstamp")) problems.push(`${e.summary}: no DTSTAMP`);
}
for (const task of plan.tasks) {
  const e = byName.get(task.name);
  if (!e) { problems.push(`task ${task.name} has no event`); continue; }
  // One category, the department, however many commas or semicolons its name holds.
  const categories = e.component.getFirstProperty("categories")?.getValues() ?? [];
  if (categories.length !== 1 || categories[0] !== task.department) {
    problems.push(`${task.name}: CATEGORIES ${JSON.stringify(categories)}, not [${JSON.stringify(task.department)}]`);
  }
  if (task.all_day) {
    if (!e.startDate.isDate) problems.push(`${task.name}: all-day task is not a DATE event`);
    if (e.startDate.toString() !== task.start) problems.push(`${task.name}: starts ${e.startDate} not ${task.start}`);
    const end = addDays(task.end, 1);  // DTEND is exclusive
    if (e.endDate.toString() !== end) problems.push(`${task.name}: DTEND ${e.endDate} not ${end}`);
  } else {
    if (e.startDate.isDate) problems.push(`${task.name}: timed task is a DATE event`);
    if (e.startDate.zone.tzid !== plan.timezone) problems.push(`${task.name}: zone ${e.startDate.zone.tzid}`);
    const s = e.startDate.toUnixTime() * 1000, en = e.endDate.toUnixTime() * 1000;
    if (s !== Date.parse(task.start)) problems.push(`${task.name}: starts ${e.startDate.toJSDate().toISOString()} not ${task.start}`);
    if (en !== Date.parse(task.end)) problems.push(`${task.name}: ends ${e.endDate.toJSDate().toISOString()} not ${task.end}`);
  }
}
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`${icsPath}: ${events.length} events match ${plan.tasks.length} tasks`);
