// The rules the browser applies offline to what a reader types, opens or builds: Python's rules,
// with Python's limits and words (sent in widget state), written here once. A view that needs
// them lists this file before its own and gets the declarations it uses (backease.widgets.static_modules.esm_module:
// each starts at the margin); tests/test_widgets_static_rules.py holds every function here to Python over generated
// cases, in node, on this module whole.

// --- durations --------------------------------------------------------------------------------
// Seconds as minutes and seconds in Python's words for them, `units` being one of
// backease.model.routines.DURATION_UNITS ("5 min 30 s", "1 minute 30 seconds"), rounded as Python
// rounds (a half to the even second): backease.model.routines.in_words.
export function duration(seconds, [minute, second]) {
  const near = Math.round(seconds);
  const s = near - seconds === 0.5 && near % 2 ? near - 1 : near;
  const m = Math.floor(s / 60);
  const parts = [...(m ? [[m, minute]] : []), ...(s % 60 || !m ? [[s % 60, second]] : [])];
  return parts.map(([n, [one, many]]) => `${n} ${n === 1 ? one : many}`).join(" ");
}

const sum = (segments) => segments.reduce((s, x) => s + x.seconds, 0);

// --- dates --------------------------------------------------------------------------------
// A diary's date and time as a Date, or null where backease.model.diary rejects it: `pattern` is
// backease.model.diary.DATE_TIME (its groups: year, month, day, hour, minute, second, fraction, zone),
// and the values must make a real time, as datetime.fromisoformat checks. With no zone it is
// local time, as in Python.
export function dateTime(text, pattern) {
  const m = typeof text === "string" && new RegExp(`^(?:${pattern})$`).exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v)));
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const zone = m[8];
  const monthDays = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthDays[month - 1] || hour > 23 || minute > 59
      || second > 59) return null;
  const offset = zone && zone !== "Z" ? (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) : 0;
  if (Math.abs(offset) >= 24 * 60) return null;
  const date = new Date(0);
  if (zone) {
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute - offset, second, ms);
  } else {
    date.setFullYear(year, month - 1, day);
    date.setHours(hour, minute, second, ms);
  }
  return date;
}

// A JSON object (a dict in Python): not null, not a list.
const isMapping = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

// --- text ------------------------------------------------------------------------------------
// Nothing but white space, as Python's str.isspace counts it (JavaScript's \s differs: it has
// U+FEFF and lacks U+001C to U+001F and U+0085). A length is counted in characters, as Python's len.
// `strip` takes it off both ends, as str.strip does (String.prototype.trim takes JavaScript's).
const SPACE = "[\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const blank = (text) => new RegExp(`^${SPACE}*$`).test(text);
const strip = (text) => text.replace(new RegExp(`^${SPACE}+|${SPACE}+$`, "g"), "");

// --- the practice diary (backease.model.diary) ------------------------------------------------------
// One value against its field's description; throws an Error naming the bad value.
function checkValue(spec, field, value, where) {
  const bad = `${where}: “${field.name}” `;
  const shown = JSON.stringify(value);
  if (field.kind === "text" || field.kind === "datetime") {
    if (typeof value !== "string") throw new Error(`${bad}must be text, got ${shown}`);
    if (field.max_length && [...value].length > field.max_length) throw new Error(`${bad}must be at most ${field.max_length} characters long`);
    if (field.kind === "datetime" && !dateTime(value, spec.date_pattern)) {
      throw new Error(`${bad}must be a date and time like 2026-01-31T09:00:00Z, got ${shown}`);
    }
  } else if (field.kind === "bool") {
    if (typeof value !== "boolean") throw new Error(`${bad}must be true or false, got ${shown}`);
  } else if (field.kind === "choice") {
    const values = field.choices.map(([v]) => v);
    if (typeof value !== "string" || !values.includes(value)) throw new Error(`${bad}must be one of ${values.join(", ")}, got ${shown}`);
  } else {
    const whole = field.kind === "int";
    if (typeof value !== "number" || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
      throw new Error(`${bad}must be a ${whole ? "whole " : ""}number, got ${shown}`);
    }
    if (value < field.low || value > field.high) throw new Error(`${bad}must be from ${field.low} to ${field.high}, got ${shown}`);
  }
}

// backease.model.diary.check_entry: `entry` if it is a valid diary entry, else an Error naming the bad value.
export function checkEntry(spec, entry, where = "entry") {
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new Error(`${where}: expected a set of fields`);
  const known = new Set(spec.fields.map((f) => f.name));
  const unknown = Object.keys(entry).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`${where}: unknown field(s) ${unknown.map((k) => `“${k}”`).join(", ")}`);
  for (const field of spec.fields) {
    const value = entry[field.name];
    if (value === undefined || value === null) {
      if (field.required) throw new Error(`${where}: missing “${field.name}”`);
    } else checkValue(spec, field, value, where);
  }
  return entry;
}

// backease.model.diary.check_diary: the entries of an exported diary ({format, version, entries}), checked.
export function checkDiary(spec, data, source) {
  if (!data || data.format !== spec.format) throw new Error(`${source} is not a diary exported from this guide.`);
  if (data.version !== spec.version) {
    throw new Error(`${source} is a diary of version ${JSON.stringify(data.version)}; this guide reads version ${spec.version}.`);
  }
  if (!Array.isArray(data.entries)) throw new Error(`${source} has no list of entries.`);
  data.entries.forEach((e, i) => checkEntry(spec, e, `${source}, entry ${i + 1}`));
  return data.entries;
}

// --- My routine (backease.widgets.my_routine) ---------------------------------------------------------
// Python's words for a routine that cannot be opened (backease.widgets.my_routine.PROBLEMS), filled.
export function problem({ problems, limits }, kind, source, got) {
  const json = kind === "version" || (kind === "unknown" && typeof got !== "string");
  const text = fill(problems[kind], { ...limits, source, got: json ? JSON.stringify(got ?? null) : got });
  return text[0].toUpperCase() + text.slice(1);
}

// The time of a list of library routines (the widget's `library`: name -> entry with its seconds).
export const routinesSeconds = (names, byName) => names.reduce((s, n) => s + byName[n].seconds, 0);

// backease.widgets.my_routine.check_payload: `data` if it is a routine this guide can run, else an Error in
// Python's words. `widget`: the widget's limits, problems, units and library (by name).
export function checkPayload(data, source, widget) {
  const { limits, byName } = widget;
  const fail = (kind, got) => {
    throw new Error(problem(widget, kind, source, got));
  };
  if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== limits.format) fail("format");
  if (data.version !== limits.version) fail("version", data.version);
  if (typeof data.title !== "string" || blank(data.title) || [...data.title].length > limits.max_title) fail("title");
  if (!Array.isArray(data.routines) || data.routines.length < 1 || data.routines.length > limits.max_items) fail("routines");
  const unknown = data.routines.find((n) => typeof n !== "string" || !Object.hasOwn(byName, n));
  if (unknown !== undefined) fail("unknown", unknown);
  const seconds = routinesSeconds(data.routines, byName);
  if (seconds > limits.max_seconds) fail("too_long", duration(seconds, widget.units.written));
  return data;
}

// --- class plans (backease.model.plans, backease.widgets.plan_builder) ---------------------------------------
// A segment from Python with its blanks filled.
function filled(segment, values) {
  return Object.fromEntries(Object.entries(segment).map(([k, v]) => [k, typeof v === "string" ? fill(v, values) : v]));
}

// Each block with the transitions before it and its own segments, as backease.model.plans.Plan adds them,
// from the values the plan builder's widget carries (`get` reads them): the move from where the class
// is to where the block's first segment begins, a hand-out of what the block needs that is not out
// yet, and a move between any two of its segments in a row that differ in position (Plan.run).
// `moving` is the block's time spent moving (Plan.moving_seconds); `seconds` its own time.
const startOf = (segment) => segment.start || segment.position;

export function planParts(blocks, get) {
  const byName = Object.fromEntries(get("library").map((r) => [r.name, r]));
  const { segment: handOut, names } = get("hand_out");
  const moves = get("moves");
  let where = get("start_position");
  const out = new Set();
  return blocks.map((block) => {
    const r = block.talk ? null : byName[block.routine];
    const segments = r
      ? Array.from({ length: block.repeat || 1 }, () => r.segments).flat()
      : [{ ...filled(get("talk"), { talk: block.talk, spoken: duration(block.seconds, get("units").spoken) }),
           seconds: block.seconds }];
    const first = startOf(segments[0]);
    const before = [...moves[where][first]];
    const fresh = r ? r.hand_out.filter((id) => !out.has(id)) : [];
    fresh.forEach((id) => out.add(id));
    if (fresh.length) {
      before.push({ ...filled(handOut, { names: [...new Set(fresh.map((id) => names[id]))].join(", ") }), position: first });
    }
    where = first;
    const own = [];
    for (const segment of segments) {
      own.push(...moves[where][startOf(segment)], segment);
      where = segment.position;
    }
    const moved = own.filter((s) => s.kind === "transition");
    return { block, routine: r, moves: before, own, moving: sum(before) + sum(moved), seconds: sum(own) - sum(moved) };
  });
}

// A plan's times from its parts: the whole, and the part spent moving and setting up (Plan.total_seconds,
// Plan.transition_seconds).
export function planTotals(parts) {
  const moving = parts.reduce((s, p) => s + p.moving, 0);
  return { seconds: moving + parts.reduce((s, p) => s + p.seconds, 0), moving };
}

// A block's title as backease.model.plans.Block.title says it.
export const blockTitle = (b, r) => b.talk || `${r.title}${b.repeat > 1 ? ` \u00d7 ${b.repeat}` : ""}`;

// The plan as YAML, from Python's lines (backease.widgets.plan_builder.YAML_LINES), texts as JSON strings:
// backease.widgets.plan_builder.plan_yaml.
export function planYaml(name, title, blocks, lines) {
  const q = JSON.stringify;
  return fill(lines.head, { name: q(name), title: q(title) }) + blocks.map((b) => (b.talk
    ? fill(lines.talk, { talk: q(b.talk), seconds: b.seconds })
    : fill(lines.routine, b) + (b.repeat > 1 ? fill(lines.repeat, b) : ""))).join("");
}

// What each person needs for the plan's routines, in Python's words and order, as Plan.per_person
// adds them up: a piece counts once, at the most any routine needs, and is optional only if every
// routine that uses it says so. `equipment`: the builder's per-routine pieces and their order.
export function perPerson(parts, equipment) {
  const need = {};
  for (const { routine: r } of parts) {
    for (const [id, item] of Object.entries(r ? equipment.routines[r.name] : {})) {
      const was = need[id];
      need[id] = { ...(was && was.count >= item.count ? was : item), optional: (!was || was.optional) && item.optional };
    }
  }
  return equipment.order.filter((k) => need[k]).map((id) => need[id].words[need[id].optional ? 1 : 0]);
}

// --- the reader's conditions (backease.model.conditions) ------------------------------------------
// backease.model.conditions.check_stored, in the same words (tests/test_widgets_conditions_store.py holds the
// two together). `store`: the spec Python sends (backease.widgets.my_conditions.store_spec).
// The ids in `text` (the kept value; null when nothing is kept), or an Error saying why it cannot be used.
export function checkStoredConditions(store, text) {
  if (text === null) return [];
  const bad = (kind, got = "") => new Error(fill(store.problems[kind], { got }));
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw bad("damaged");
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || !Object.hasOwn(data, "version")) throw bad("damaged");
  if (data.version !== store.version) throw bad("version");
  const ids = data.conditions;
  if (Object.keys(data).length !== 2 || !Array.isArray(ids) || !ids.every((i) => typeof i === "string")
    || new Set(ids).size !== ids.length) throw bad("damaged");
  const unknown = ids.find((i) => !Object.hasOwn(store.names, i));
  if (unknown !== undefined) throw bad("unknown", unknown);
  return ids;
}

// --- the home programme (backease.model.home, backease.text.calendar) -------------------------------------
// `home` is the widget's description of the plan (backease.widgets.home_programme.home_data); a plan is
// {days, start, conditions} as HomePlan.to_dict() writes it. Dates are "YYYY-MM-DD" texts, counted in days.
const dayNumber = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 864e5;
const isoDay = (n) => new Date(n * 864e5).toISOString().slice(0, 10);
const isoWeekday = (n) => ((new Date(n * 864e5).getUTCDay() + 6) % 7) + 1;

// HomePlan.left_out: the exercises a card says not to do with one of the reader's conditions.
export function homeLeftOut(home, plan) {
  return home.exercise_order.filter((e) => home.exercises[e].advice.dont.some(([c]) => plan.conditions.includes(c)));
}

// HomePlan.exercises: those added in week `week` and before, less any left out.
export function homeExercises(home, plan, week) {
  const out = homeLeftOut(home, plan);
  return home.weeks.slice(0, week).flatMap((w) => w.adds).filter((e) => !out.includes(e));
}

// HomePlan.turn: the exercises of the reader's session `number` (0 for the first done) in `week`.
export function homeTurn(home, plan, week, number) {
  const every = homeExercises(home, plan, week);
  if (every.length <= home.per_session) return every;
  const first = (number * home.per_session) % every.length;
  return Array.from({ length: home.per_session }, (_, i) => every[(first + i) % every.length]);
}

// HomePlan.dates: every session's date and its week, in order.
export function homeDates(home, plan) {
  const start = dayNumber(plan.start);
  const out = [];
  for (let day = 0; day < home.weeks_count * 7; day += 1) {
    if (plan.days.includes(isoWeekday(start + day))) out.push([isoDay(start + day), Math.floor(day / 7) + 1]);
  }
  return out;
}

// HomePlan.week_of: the week of the plan a date falls in, or null before or after it.
export function homeWeekOf(home, plan, iso) {
  const day = dayNumber(iso) - dayNumber(plan.start);
  return day >= 0 && day < home.weeks_count * 7 ? Math.floor(day / 7) + 1 : null;
}

// HomePlan.session: the session's name, title and segments (with the moves between positions, as Plan adds
// them), from `library` (each routine's segments, in full or only where and how long) and `moves`.
export function homeSession(home, library, moves, plan, week, number, levels, flareUp) {
  const name = fill(home.names.name, { week });
  const title = fill(home.names.title, { week });
  const byName = Object.fromEntries(library.map((r) => [r.name, r]));
  const run = (routines) => {
    const values = { library, moves, start_position: home.start_position, hand_out: { names: {} } };
    const segments = planParts(routines.map((routine) => ({ routine })), (key) => values[key])
      .flatMap((part) => [...part.moves, ...part.own]);
    return { segments, seconds: segments.reduce((s, x) => s + x.seconds, 0) };
  };
  if (flareUp) {
    return { name: name + home.names.flare_up, title: title + fill(home.names.flare_up_title, { flare_up: byName[home.flare_up].title }),
      routines: [home.flare_up], ...run([home.flare_up]) };
  }
  const chosen = homeTurn(home, plan, week, number).map((e) => home.exercises[e].levels[(levels[e] ?? 1) - 1]);
  const floor = home.floor_positions;
  const upright = chosen.filter((r) => !floor.includes(home.starts[r]));
  const down = chosen.filter((r) => floor.includes(home.starts[r])).sort((a, b) => floor.indexOf(home.starts[a]) - floor.indexOf(home.starts[b]));
  const routines = [...upright, home.calm_start, ...down];
  const whole = run([...routines, home.calm_end]);
  return whole.seconds <= home.minutes[1] * 60 ? { name, title, routines: [...routines, home.calm_end], ...whole }
    : { name, title, routines, ...run(routines) };
}

// backease.model.home.progress: each exercise's level after the diary's `entries` (checked entries, any order),
// every change with its reason, whether the next session is the flare-up session, and the sessions done.
// `pattern` is the diary's date pattern (an entry counts in the week of its date as written).
export function homeProgress(home, plan, entries, undone, pattern) {
  const out = homeLeftOut(home, plan);
  const levels = {};
  for (const w of home.weeks) for (const e of w.adds) if (!out.includes(e)) levels[e] = 1;
  const streak = Object.fromEntries(Object.keys(levels).map((e) => [e, 0]));
  const taken = new Set(undone);
  const changes = [];
  let flare = false;
  let done = 0;
  const reason = (kind, answer) => fill(home.reasons[kind], { count: home.up_after, word: home.answers[answer]?.toLowerCase() });
  const move = (exercise, to, why, entry) => {
    const change = { id: `${entry}:${exercise}`, exercise, before: levels[exercise], after: to, reason: why, entry };
    streak[exercise] = 0;
    if (taken.has(change.id)) return;
    levels[exercise] = to;
    changes.push({ ...change, words: fill(home.reasons.change, { title: home.exercises[exercise].title, ...change }) });
  };
  const prefix = home.names.name.split("{")[0];
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const entry of sorted) {
    const m = new RegExp(`^(?:${pattern})$`).exec(entry.date);
    const week = homeWeekOf(home, plan, `${m[1]}-${m[2]}-${m[3]}`);
    const session = entry.home_session || "";
    if (week === null || !session.startsWith(prefix)) continue;
    if (entry.flare_up) {
      flare = true;
      for (const e of homeExercises(home, plan, week)) if (levels[e] > 1) move(e, levels[e] - 1, home.reasons.flare_up, entry.id);
      continue;
    }
    if (session.endsWith(home.names.flare_up)) {
      flare = false;
      continue;
    }
    const answer = entry.how_it_went;
    if (!Object.hasOwn(home.answers, answer ?? "")) continue;
    flare = false;
    const verdict = home.verdicts[answer];
    const top = (e) => home.exercises[e].levels.length;
    for (const e of homeTurn(home, plan, week, done)) {
      if (verdict === "down" && levels[e] > 1) move(e, levels[e] - 1, reason(answer === "hurt" ? "hurt" : "down", answer), entry.id);
      else if (verdict === "up" && streak[e] + 1 >= home.up_after && levels[e] < top(e)) move(e, levels[e] + 1, reason("up", answer), entry.id);
      else streak[e] = verdict === "up" ? streak[e] + 1 : 0;
    }
    done += 1;
  }
  return { levels, changes, flare_up_next: flare, done };
}

// backease.text.calendar.plan_key: a name for the plan (its start and days).
export const homePlanKey = (plan) => `home-${plan.start.replace(/-/g, "")}-${plan.days.join("")}`;

// backease.text.calendar.calendar_file: the plan's sessions as an .ics text, each on its day at `at` ("18:00",
// the reader's clock) linking to `pageUrl#<plan key>-<n>`; `stamp` is when it was made (an ISO date and time).
export function homeCalendar(home, plan, pageUrl, at, stamp) {
  const words = home.calendar;
  const escape = (text) => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  const octets = (text) => new TextEncoder().encode(text).length;
  const fold = (line) => {
    const out = [];
    let current = "";
    for (const char of line) {
      if (octets(current + char) > (out.length ? 74 : 75)) {
        out.push(current);
        current = char;
      } else current += char;
    }
    return [...out, current].join("\r\n ");
  };
  const utc = new Date(stamp).toISOString();
  const stamped = `${utc.slice(0, 10).replace(/-/g, "")}T${utc.slice(11, 19).replace(/:/g, "")}Z`;
  const key = homePlanKey(plan);
  const perWeek = {};
  const lines = homeDates(home, plan).flatMap(([day, week], i) => {
    perWeek[week] = (perWeek[week] || 0) + 1;
    const url = `${pageUrl}#${key}-${i + 1}`;
    return ["BEGIN:VEVENT", `UID:${key}-${i + 1}@easing-a-tight-back`, `DTSTAMP:${stamped}`,
      `DTSTART:${day.replace(/-/g, "")}T${at.replace(":", "")}00`, `DURATION:PT${words.minutes}M`,
      `SUMMARY:${escape(fill(words.summary, { week, number: perWeek[week] }))}`,
      `DESCRIPTION:${escape(fill(words.description, { low: home.minutes[0], high: home.minutes[1], url }))}`,
      `URL:${url}`, "END:VEVENT"];
  });
  const head = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${words.product}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    `X-WR-CALNAME:${escape(words.name)}`];
  return [...head, ...lines, "END:VCALENDAR"].map((line) => `${fold(line)}\r\n`).join("");
}

// The text kept under home.store_key (null when nothing is kept) read as JSON and checked (checkHomeStore):
// {kept: its plan, undone and reminder, or null; why: "", or why what is kept cannot be used, beginning with
// `source`}. The home page and the diary's export read the kept plan through this, each in its own words.
export function readHomeStore(home, text, source, conditions) {
  if (text === null) return { kept: null, why: "" };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { kept: null, why: `${source} is damaged: it is not JSON.` };
  }
  try {
    return { kept: checkHomeStore(home, data, source, conditions), why: "" };
  } catch (err) {
    return { kept: null, why: err.message };
  }
}

// backease.model.home.stored_from_dict: what the browser keeps under home.store_key ({version, plan, undone,
// reminder}), checked; else an Error naming the bad value. `conditions`: the shared list's ids.
export function checkHomeStore(home, data, source, conditions) {
  const fail = (why) => {
    throw new Error(`${source} ${why}`);
  };
  if (!isMapping(data) || !("plan" in data) || Object.keys(data).some((k) => !["version", "plan", "undone", "reminder"].includes(k))) {
    fail("is not a home plan made with this guide.");
  }
  if (data.version !== home.store_version) fail(`has version ${JSON.stringify(data.version ?? null)}; this guide reads version ${home.store_version}.`);
  const undone = "undone" in data ? data.undone : [];
  if (!Array.isArray(undone) || undone.some((u) => typeof u !== "string")) fail("has a damaged list of changes taken back.");
  const reminder = "reminder" in data ? data.reminder : home.reminder_at;
  if (typeof reminder !== "string" || !new RegExp(`^(?:${home.reminder_pattern})$`).test(reminder)) {
    fail(`has a reminder time that is not a time of day: ${JSON.stringify(reminder)}.`);
  }
  const plan = data.plan;
  if (!isMapping(plan) || !("days" in plan) || Object.keys(plan).some((k) => !["days", "start", "conditions"].includes(k))) {
    fail("has no plan: it should give its days, start and conditions.");
  }
  const { days, start } = plan;
  if (!Array.isArray(days)) fail(`has days that are not a list of weekdays: ${JSON.stringify(days ?? null)}.`);
  const notDay = days.find((d) => !Number.isInteger(d) || d < 1 || d > 7);
  if (notDay !== undefined) fail(`has a day that is not a weekday from 1 (Monday) to 7 (Sunday): ${JSON.stringify(notDay)}.`);
  if (new Set(days).size !== days.length) fail(`names a weekday twice: ${JSON.stringify(days)}.`);
  const [low, high] = home.days_a_week;
  if (days.length < low || days.length > high) fail(`has ${days.length} days a week; a plan has ${low} to ${high}.`);
  const m = typeof start === "string" && /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(start);
  if (!m || !dateTime(`${start}T00:00`, "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})")) {
    fail(`has a start that is not a date: ${JSON.stringify(start ?? null)}.`);
  }
  const chosen = "conditions" in plan ? plan.conditions : [];
  if (!Array.isArray(chosen)) fail("has a damaged list of conditions.");
  const unknown = chosen.find((c) => typeof c !== "string" || !conditions.includes(c));
  if (unknown !== undefined) fail(`names a condition this guide does not know: ${JSON.stringify(unknown)}.`);
  return { plan: { days: [...days].sort((a, b) => a - b), start, conditions: [...new Set(chosen)] }, undone, reminder };
}

// === The rules the guided check, My routine and the plan builder need beyond those above ===============
// (held to Python by tests/test_widgets_static_rules.py, like the rest)

// --- guided checks (backease.model.walkthroughs) -------------------------------------------------
// A positive number as Python's format(x, "g") writes it: 6 significant digits, rounded a half to the even
// digit (on the exact decimal value, which toFixed(100) gives from about 0.0001 up; below, in exponent form,
// no value is a half).
export function formatG(x) {
  const bare = (text) => (text.includes(".") ? text.replace(/\.?0*$/, "") : text);
  const [mantissa, power] = x.toExponential(5).split("e");
  if (Number(power) < -4) return `${bare(mantissa)}e-${power.slice(1).padStart(2, "0")}`;
  const [whole, fraction = ""] = x < 1e21 ? x.toFixed(100).split(".") : [BigInt(x).toString()];
  const digits = whole + fraction;
  const cut = digits.search(/[1-9]/) + 6;
  const rest = digits.slice(cut);
  const up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || Number(digits[cut - 1]) % 2 === 1));
  const kept = (BigInt(digits.slice(0, cut)) + (up ? 1n : 0n)).toString();
  const e = kept.length - 1 - (cut - whole.length);
  const sig = kept.slice(0, 6);
  if (e >= 6) return `${bare(`${sig[0]}.${sig.slice(1)}`)}e+${String(e).padStart(2, "0")}`;
  return bare(e < 0 ? `0.${"0".repeat(-e - 1)}${sig}` : `${sig.slice(0, e + 1)}.${sig.slice(e + 1)}`);
}

// backease.model.walkthroughs.read_mm: a typed length as {mm}, or {error} in Python's words. `rules` are
// Python's (mm_rules): the pattern, the limits and every message; the first rule that fails gives the message.
export function readNumber(raw, rules) {
  const text = strip(String(raw));
  const pattern = rules.find((r) => r.test === "pattern").pattern;
  const number = new RegExp(`^(?:${pattern})$`, "i").exec(text);
  const shown = number ? number[1] : "";
  const value = number ? Number(shown.replace(",", ".")) : NaN;
  const fails = {
    empty: () => !text,
    pattern: () => !shown,
    below: (limit) => value < limit,
    equal: (limit) => value === limit,
    above: (limit) => value > limit,
  };
  const failed = rules.find((rule) => fails[rule.test](rule.value));
  return failed ? { error: fill(failed.message, { text, shown }) } : { mm: value };
}

// backease.model.walkthroughs.Outcome.summary: the rows of an outcome's summary as Python wrote them; once a
// number is read (`mm`), the measured rows with the number and the note of the first band it reaches.
export function summaryRows(outcome, mm) {
  if (!outcome.measure || mm === null) return outcome.summary;
  const band = outcome.measure.bands.find((b) => mm >= b.from_mm);
  const values = { mm: formatG(mm), note: band ? band.note : "" };
  return outcome.measure.summary.map(([label, text]) => [label, fill(text, values)]).filter(([, text]) => text);
}

// --- the plan builder's edits and handout (backease.model.plans, backease.model.validation) ----------------
// A block's note on the handout, as backease.model.plans.Block.over_dose says it: for a repeat, Python's
// `repeatNote` (REPEAT_NOTE) filled; else the routine's own (`over_dose`, which the library entry carries).
export const blockNote = (b, r, repeatNote) => (b.repeat > 1 ? fill(repeatNote, b) : r?.over_dose);

// Text as one line, as backease.model.validation.Validator.text keeps it: runs of white space one space.
export const oneLine = (text) => strip(text).split(new RegExp(`${SPACE}+`)).join(" ");

// --- My routine's link (backease.widgets.my_routine.to_fragment, from_fragment) ------------------------------
// The fragment of a link (after "#") that opens `payload` ready to run: its JSON in UTF-8, base64url-encoded.
export function routineFragment(payload, limits) {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return limits.fragment + btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// The routine in a link's fragment (`hash`, "#" and all, as the address bar has it), checked (checkPayload);
// null when the link holds none; else an Error in Python's words (a link cut short is "damaged").
export function routineFromFragment(hash, widget) {
  const { limits, problems } = widget;
  const body = hash.replace(/^#/, "");
  if (!body.startsWith(limits.fragment)) return null;
  let data;
  try {
    const code = decodeURIComponent(body.slice(limits.fragment.length)).replace(/-/g, "+").replace(/_/g, "/");
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(code), (c) => c.charCodeAt(0))));
  } catch (err) {
    throw new Error(problem(widget, "damaged", problems.link));
  }
  return checkPayload(data, problems.link, widget);
}

// --- the diary file and the clinician's summary (backease.model.diary_file, backease.model.diary_summary) ----------
// tests/test_widgets_static_rules.py holds both to Python over generated files and diaries.
// backease.model.diary_file.read_file: a file's text read and checked whole (`file`: Python's FILE, with the
// format's version, parts and problems; `home`: the home plan's data; `conditionIds`: the shared list's ids).
// {entries, home_plan (as kept) or null, conditions (ids) or null}, else an Error naming the bad part.
export function readDiaryFile(spec, file, home, conditionIds, text, source) {
  const problem = (kind, got = "") => new Error(fill(file.problems[kind], { source, got }));
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw problem("not_json");
  }
  if (!isMapping(data) || data.format !== spec.format) throw problem("foreign");
  const version = data.version;
  if (!Number.isInteger(version) || version < 1) throw problem("version");
  if (version > file.version) throw problem("newer");
  const unknown = version === 1 ? undefined : Object.keys(data).find((k) => !file.parts.includes(k));
  if (unknown !== undefined) throw problem("part", unknown);
  if (!Array.isArray(data.entries)) throw problem("entries");
  data.entries.forEach((e, i) => checkEntry(spec, e, `${source}'s diary, entry ${i + 1}`));
  const kept = version === 1 ? null : data.home_plan ?? null;
  const plan = kept === null ? null : { version: home.store_version, ...checkHomeStore(home, kept, `${source}'s home plan`, conditionIds) };
  const ticked = version === 1 ? null : data.conditions ?? null;
  if (ticked !== null && (!Array.isArray(ticked) || ticked.some((c) => typeof c !== "string"))) throw problem("conditions");
  const stranger = ticked?.find((c) => !conditionIds.includes(c));
  if (stranger !== undefined) throw problem("condition", stranger);
  return { entries: data.entries, home_plan: plan, conditions: ticked && conditionIds.filter((c) => ticked.includes(c)) };
}

// An entry's day on the reader's clock, "YYYY-MM-DD": the day it names when written with no zone, else the
// day of its instant here.
function entryDay(text, pattern) {
  const m = new RegExp(`^(?:${pattern})$`).exec(text);
  if (!m[8]) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = dateTime(text, pattern);
  return isoDay(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 864e5);
}

// backease.model.diary_summary.summary: the numbers of the clinician's summary from checked diary `entries`
// (any order). `data`: Python's (the date pattern, the course levels with their titles, the exercises' order,
// the answers, how many notes of how many characters); `home` and `stored` (the kept plan, checked) or nulls.
export function diarySummary(data, home, stored, entries) {
  const pattern = data.date_pattern;
  const timed = entries.map((e) => ({ e, ms: dateTime(e.date, pattern).getTime(), day: entryDay(e.date, pattern) }))
    .sort((a, b) => a.ms - b.ms);
  const dayOf = new Map(timed.map((t) => [t.e, t.day]));
  const ordered = timed.map((t) => t.e);
  const seconds = (those) => those.reduce((s, e) => s + (e.done_seconds ?? 0), 0);
  const average = (values) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) * 10) / values.length) / 10 : null);
  const days = timed.map((t) => t.day).sort();
  const [first, last] = [days[0] ?? null, days.at(-1) ?? null];
  const weeks = [];
  if (first !== null) {
    for (let start = dayNumber(first) - isoWeekday(dayNumber(first)) + 1; start <= dayNumber(last); start += 7) {
      const those = timed.filter((t) => dayNumber(t.day) >= start && dayNumber(t.day) < start + 7).map((t) => t.e);
      weeks.push({ start: isoDay(start), sessions: those.length, minutes: Math.round(seconds(those) / 60),
        pain_before: average(those.flatMap((e) => e.pain_before ?? [])), pain_after: average(those.flatMap((e) => e.pain_after ?? [])) });
    }
  }
  const best = new Map();
  for (const e of ordered) {
    for (const lv of data.levels) {
      if (e.session.includes(lv.title) && lv.number > (best.get(lv.exercise)?.[0] ?? 0)) best.set(lv.exercise, [lv.number, dayOf.get(e)]);
    }
  }
  const now = new Map();
  if (stored) {
    const moved = homeProgress(home, stored.plan, entries, stored.undone, pattern);
    const byId = new Map(ordered.map((e) => [e.id, dayOf.get(e)]));
    for (const change of moved.changes) {
      now.set(change.exercise, moved.levels[change.exercise]);
      const [number, day] = best.get(change.exercise) ?? [0, ""];
      const when = byId.get(change.entry);
      if (change.after > number || (change.after === number && when < day)) best.set(change.exercise, [change.after, when]);
    }
  }
  const levels = data.exercises.filter((x) => best.has(x)).map((x) => {
    const [number, date] = best.get(x);
    return { exercise: x, number, date, now: (now.get(x) ?? number) < number ? now.get(x) : null };
  });
  const homeEntries = ordered.filter((e) => e.home_session);
  const answers = {};
  for (const a of data.answers) {
    const n = homeEntries.filter((e) => e.how_it_went === a).length;
    if (n) answers[a] = n;
  }
  const noted = ordered.filter((e) => strip(e.note ?? ""));
  const cut = (text) => ([...text].length <= data.note_chars ? text : `${[...text].slice(0, data.note_chars - 1).join("")}\u2026`);
  return { sessions: ordered.length, minutes: Math.round(seconds(ordered) / 60), stopped: ordered.filter((e) => e.finished === false).length,
    first, last, weeks, levels, home_sessions: homeEntries.length, answers,
    notes: noted.slice(Math.max(0, noted.length - data.notes)).map((e) => ({ date: dayOf.get(e), session: e.session, text: cut(strip(e.note)) })),
    notes_all: noted.length };
}
