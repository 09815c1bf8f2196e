// Reads the calendar of `dacu agenda` back with ical.js and checks it against the agenda's JSON and
// against each campaign's own `dacu plan --format ics`: one event per item of the agenda, every
// UID once, and every event with the UID, summary and times the campaign's own calendar gives it
// (so importing the agenda and a single plan never duplicates an event).
//   node agenda_ics_check.mjs agenda.ics agenda.json plan1.ics plan2.ics …
import fs from "node:fs";
import ICAL from "ical.js";

const [agendaIcs, agendaJson, ...planIcs] = process.argv.slice(2);
const problems = [];

const read = (path) => {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path, "utf8")));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)) };
};
const when = (t) => (t.isDate ? t.toString() : String(t.toUnixTime()));

const agenda = read(agendaIcs);
const doc = JSON.parse(fs.readFileSync(agendaJson, "utf8"));
const tzids = agenda.calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
if (new Set(tzids).size !== tzids.length) problems.push(`a VTIMEZONE twice: ${tzids}`);

const single = new Map();
for (const path of planIcs) {
  for (const e of read(path).events) single.set(e.uid, e);
}
const seen = new Set();
for (const e of agenda.events) {
  if (seen.has(e.uid)) problems.push(`duplicate UID ${e.uid}`);
  seen.add(e.uid);
  const own = single.get(e.uid);
  if (!own) { problems.push(`${e.summary}: UID ${e.uid} is in no campaign's own calendar`); continue; }
  if (own.summary !== e.summary) problems.push(`${e.uid}: summary ${e.summary}, the plan's ${own.summary}`);
  if (when(own.startDate) !== when(e.startDate) || when(own.endDate) !== when(e.endDate)) {
    problems.push(`${e.summary}: ${e.startDate}–${e.endDate}, the plan's ${own.startDate}–${own.endDate}`);
  }
}
if (agenda.events.length !== doc.items.length) problems.push(`${agenda.events.length} events for ${doc.items.length} items`);
// Each double-booked task says so in its description.
const booked = doc.items.filter((i) => i.conflict).length;
const flagged = agenda.events.filter((e) => /冲突: C\d+/.test(e.description ?? "")).length;
if (booked !== flagged) problems.push(`${flagged} events name a conflict, ${booked} items are in one`);

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.error(`${agendaIcs}: ${agenda.events.length} events, every UID once and as in its campaign's calendar, ${flagged} with a conflict`);
