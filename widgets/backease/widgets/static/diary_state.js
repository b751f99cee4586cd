// The progress page's state, from the diary's entries and what else the reader keeps: what the view shows (the
// line of totals, sessions per week, pain ratings, the table's rows) and what an export or an import holds and
// says. No DOM and no storage: diary_view.js draws it, diary_store.js reads and keeps it, rules.js checks it;
// tests/test_widgets_static_diary_state.py runs it in node. Times are milliseconds (a Date's), days "YYYY-MM-DD".

// The Monday of the week holding the time `ms`, on this device's clock.
export function weekOf(ms) {
  const d = new Date(ms);
  const n = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 864e5;
  return isoDay(n - isoWeekday(n) + 1);
}

const minutes = (s) => (s === undefined ? "" : `${Math.round(s / 60)} min`);
const plural = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;

// What the diary shows at time `now`: the line of totals, sessions in each of the last `charts.weeks` weeks, the
// last `charts.last` pain ratings, and the table's rows, newest first (each time in ms, then its cells).
export function diaryState(spec, charts, entries, now) {
  const when = (e) => entryDate(spec, e).getTime();
  const thisWeek = weekOf(now);
  const recent = entries.filter((e) => weekOf(when(e)) === thisWeek).length;
  const weeks = Array.from({ length: charts.weeks }, (_, i) => isoDay(dayNumber(thisWeek) - 7 * (charts.weeks - 1 - i)))
    .map((start) => ({ start, n: entries.filter((e) => weekOf(when(e)) === start).length }));
  const rated = entries.filter((e) => e.pain_before !== undefined || e.pain_after !== undefined).slice(-charts.last)
    .map((e) => ({ when: when(e), before: e.pain_before ?? null, after: e.pain_after ?? null }));
  const feelings = new Map(spec.feelings);
  const rows = [...entries].reverse().map((e) => [when(e), e.session, minutes(e.done_seconds) + (e.finished === false ? " (stopped early)" : ""),
    e.pain_before ?? "", e.pain_after ?? "", feelings.get(e.feeling) ?? "", e.note ?? ""]);
  return {
    count: entries.length, recent, weeks, rated, rows,
    line: entries.length ? `${plural(entries.length, "session")} in your diary; ${recent} this week.`
      : "Your diary is empty. At the end of a session the timer offers to record it; or add one below.",
  };
}

// The file an export writes (backease.model.diary_file): the diary, the home plan and the conditions as kept
// (`kept`: diary_store.js's readKept), and a sentence for each part left out because it is damaged.
export function exportFile(spec, file, words, kept) {
  const data = { format: spec.format, version: file.version, entries: kept.entries, home_plan: kept.home_plan,
    conditions: kept.conditions };
  const notes = ["plan", "conditions"].filter((p) => kept.problems[p]).map((p) => fill(words.left_out, { part: words[p], why: kept.problems[p] }));
  return { text: `${JSON.stringify(data, null, 2)}\n`, notes };
}

// What importing `incoming` (rules.js's readDiaryFile) into what is `kept` does: the diary's entries merged (one
// is added unless an entry with its id is there), and, for the home plan and the conditions, whether the file
// brings none, the same as kept, one where nothing usable is kept ("new"), or another ("differs": the reader chooses).
export function importPlan(spec, kept, incoming) {
  const ids = new Set(kept.entries.map((e) => e.id));
  const fresh = incoming.entries.filter((e) => !ids.has(e.id) && ids.add(e.id));
  const entries = [...kept.entries, ...fresh].sort((a, b) => entryDate(spec, a) - entryDate(spec, b));
  const part = (mine, theirs) => (theirs === null ? "none" : mine === null ? "new"
    : JSON.stringify(mine) === JSON.stringify(theirs) ? "same" : "differs");
  return { entries, added: fresh.length, skipped: incoming.entries.length - fresh.length,
    plan: part(kept.home_plan, incoming.home_plan), conditions: part(kept.conditions, incoming.conditions?.length ? incoming.conditions : null) };
}

// The question an import asks when the file's plan or conditions differ from what is kept: {ask, lines}.
export function importQuestion(home, store, words, plan, kept, incoming) {
  const parts = ["plan", "conditions"].filter((p) => plan[p] === "differs");
  const said = {
    plan: (h) => fill(words.plan_what, { days: h.plan.days.map((d) => home.weekdays[d - 1]).join(", "), reminder: h.reminder,
      start: new Date(`${h.plan.start}T12:00`).toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" }) }),
    conditions: (ids) => ids.map((id) => store.names[id]).join(", "),
  };
  const value = { plan: (x) => x.home_plan, conditions: (x) => x.conditions };
  return { ask: fill(words.ask, { parts: parts.map((p) => words[p]).join(" and ") }),
    lines: parts.map((p) => [words[p], fill(words.mine, { what: said[p](value[p](kept)) }), fill(words.theirs, { what: said[p](value[p](incoming)) })]) };
}

// What an import writes ({key: text}, all or none: diary_store.js's keepAll) and then says. `choice`: "theirs" or
// "mine" for the parts that differ.
export function importWrites(spec, home, store, words, plan, incoming, choice) {
  const writes = { [spec.key]: diaryText(spec, plan.entries) };
  const texts = { plan: [home.store_key, JSON.stringify(incoming.home_plan)],
    conditions: [store.key, JSON.stringify({ version: store.version, conditions: incoming.conditions })] };
  const notes = [];
  for (const part of ["plan", "conditions"]) {
    const how = plan[part] === "differs" ? (choice === "theirs" ? "replaced" : "kept") : plan[part] === "new" ? "restored" : null;
    if (how === "replaced" || how === "restored") writes[texts[part][0]] = texts[part][1];
    if (how) notes.push(fill(words[how], { part: words[part] }));
  }
  const imported = `Imported ${plural(plan.added, "session")}` + (plan.skipped ? ` (${plan.skipped} already in your diary).` : ".");
  return { writes, message: [imported, ...notes].join(" ") };
}
