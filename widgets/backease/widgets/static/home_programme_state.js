// What the home programme shows, as data: for a kept plan ({plan, undone, reminder}), the diary's checked
// entries and today's date ("YYYY-MM-DD" on the reader's clock), Today's session, every change with its
// reason, the six weeks done and to come, the week's reading and the notes for the reader's conditions; and
// the kept plan after an undo or a put-back. No DOM, no storage, no clock: the view (home_programme.js)
// draws it, home_programme_store.js keeps it. The rules are Python's as written in rules.js (joined in
// front). tests/test_widgets_static_home_programme_state.py runs it in node over generated plans, diaries
// and dates.

// The view of `kept` on day `now`. `shapes` and `moveShapes` give each routine's and move's length (the
// session's title, routines and minutes); `pattern` is the diary's date pattern.
export function homeView(home, shapes, moveShapes, kept, entries, now, pattern) {
  const { plan } = kept;
  const progress = homeProgress(home, plan, entries, kept.undone, pattern);
  const dates = homeDates(home, plan);
  const current = homeWeekOf(home, plan, now);
  const phase = current !== null ? "on" : now < plan.start ? "before" : "after";
  const week = current ?? home.weeks_count;
  const planned = dates.find(([day]) => day >= now)?.[0] ?? null;
  const today = { phase, start: plan.start, week, number: progress.done + 1, total: dates.length, planned,
    flare_up: progress.flare_up_next, levels: progress.levels, done: progress.done };
  if (phase !== "before") {
    const session = homeSession(home, shapes, moveShapes, plan, week, progress.done, progress.levels, progress.flare_up_next);
    today.session = { name: session.name, title: session.title, routines: session.routines,
      minutes: Math.round(session.seconds / 60) };
  }
  const prefix = home.names.name.split("{")[0];
  const doneIn = {};
  for (const e of entries) {
    if (!(e.home_session || "").startsWith(prefix) || e.flare_up) continue;
    const m = new RegExp(`^(?:${pattern})$`).exec(e.date);
    const w = homeWeekOf(home, plan, `${m[1]}-${m[2]}-${m[3]}`);
    if (w !== null) doneIn[w] = (doneIn[w] || 0) + 1;
  }
  const weeks = home.weeks.map((w) => ({ number: w.number, title: w.title, current: w.number === current,
    done: doneIn[w.number] || 0, planned: dates.filter(([, n]) => n === w.number).length,
    adds: w.adds.filter((e) => homeExercises(home, plan, w.number).includes(e)).map((e) => home.exercises[e].title) }));
  const notes = [];
  const out = homeLeftOut(home, plan).map((e) => home.exercises[e].title);
  if (out.length) notes.push(`Left out of your plan, because of a condition you ticked: ${out.join(", ")}.`);
  for (const e of home.exercise_order) {
    for (const kind of ["ask", "adapt"]) {
      for (const [c, text] of home.exercises[e].advice[kind]) {
        if (plan.conditions.includes(c)) {
          notes.push(`${home.exercises[e].title}: ${home.advice_titles[kind]} (${home.conditions.find((x) => x.id === c).name}). ${text}`);
        }
      }
    }
  }
  const reading = home.weeks[week - 1];
  return { today, changes: progress.changes.map(({ id, words }) => ({ id, words })), taken_back: kept.undone.length,
    weeks, reading: { title: reading.title, paragraphs: reading.reading },
    days: plan.days.map((d) => home.weekdays[d - 1]), reminder: kept.reminder, notes };
}

// The kept plan with the change `id` taken back.
export const homeUndo = (kept, id) => ({ ...kept, undone: [...kept.undone, id] });

// The kept plan with every change taken back put back.
export const homePutBack = (kept) => ({ ...kept, undone: [] });

// The kept plan following the conditions the reader ticked on the conditions page (`conditions`: their ids, or
// null when none are kept), or null when it follows them already.
export function homeFollow(kept, conditions) {
  if (!conditions || [...conditions].sort().join() === [...kept.plan.conditions].sort().join()) return null;
  return { ...kept, plan: { ...kept.plan, conditions } };
}
