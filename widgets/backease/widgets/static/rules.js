// The rules the browser applies offline to what a reader types, opens or builds: Python's rules,
// with Python's limits and words (sent in widget state), written here once. A view that needs
// them lists this file before its own (backease.widgets.static_modules.esm_module); tests/test_widgets_static_rules.py
// holds every function here to Python over generated cases, in node, on the module text the
// browser gets.

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

// --- text ------------------------------------------------------------------------------------
// Nothing but white space, as Python's str.isspace counts it (JavaScript's \s differs: it has
// U+FEFF and lacks U+001C to U+001F and U+0085). A length is counted in characters, as Python's len.
const blank = (text) => /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(text);

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
    if (typeof value !== "string" || !Object.hasOwn(field.choices, value)) throw new Error(`${bad}must be one of ${Object.keys(field.choices).join(", ")}, got ${shown}`);
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
