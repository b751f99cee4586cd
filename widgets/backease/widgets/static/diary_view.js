// Progress page view: the reader's practice diary, read from this browser only. Sessions per
// week and pain before and after as SVG charts drawn here (with a table for screen readers),
// export as CSV or JSON, import a JSON diary, delete everything, and print a one-page summary for a
// clinician (words and layout from Python, numbers from the diary). Nothing is sent anywhere.

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text = "") {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text) node.textContent = text;
  return node;
}

const day = (d) => d.toLocaleDateString(undefined, { day: "numeric", month: "short" });
const minutes = (s) => (s === undefined ? "" : `${Math.round(s / 60)} min`);

// Monday 00:00 (local time) of the week holding `date`.
function weekStart(date) {
  const d = new Date(date);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

function download(name, text, type) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// Bars: sessions in each of the last `weeks` weeks.
function weeksChart(entries, weeks, when) {
  const now = weekStart(new Date());
  const counts = Array.from({ length: weeks }, (_, i) => {
    const start = new Date(now);
    start.setDate(start.getDate() - 7 * (weeks - 1 - i));
    return { start, n: 0 };
  });
  for (const e of entries) {
    const w = weekStart(when(e)).getTime();
    const hit = counts.find((c) => c.start.getTime() === w);
    if (hit) hit.n += 1;
  }
  const top = Math.max(3, ...counts.map((c) => c.n));
  const W = 320, H = 170, left = 26, bottom = 30, barW = (W - left) / weeks;
  const words = counts.map((c) => `week of ${day(c.start)}: ${c.n}`).join("; ");
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "be-chart", role: "img",
    "aria-label": `Sessions per week, last ${weeks} weeks: ${words}.` });
  for (let y = 0; y <= top; y += Math.ceil(top / 3)) {
    const py = H - bottom - (y / top) * (H - bottom - 12);
    chart.append(svg("line", { x1: left, x2: W, y1: py, y2: py, class: "be-grid" }),
      svg("text", { x: left - 5, y: py + 4, "text-anchor": "end", class: "be-axis" }, String(y)));
  }
  counts.forEach((c, i) => {
    const h = (c.n / top) * (H - bottom - 12);
    const x = left + i * barW + 4;
    chart.append(svg("rect", { x, y: H - bottom - h, width: barW - 8, height: h, class: "be-bar" }));
    if (c.n) chart.append(svg("text", { x: x + (barW - 8) / 2, y: H - bottom - h - 3, "text-anchor": "middle", class: "be-value" }, String(c.n)));
    if (i % 2 === weeks % 2 || weeks <= 4) {
      chart.append(svg("text", { x: x + (barW - 8) / 2, y: H - 10, "text-anchor": "middle", class: "be-axis" }, day(c.start)));
    }
  });
  return chart;
}

// Lines: pain before and after, on the diary's scale (charts.pain_low to charts.pain_high), for the
// last `charts.last` sessions that have them.
function painChart(entries, { last, pain_low: low, pain_high: high }, when) {
  const rated = entries.filter((e) => e.pain_before !== undefined || e.pain_after !== undefined).slice(-last);
  if (!rated.length) return el("p", { class: "be-chart-empty" }, "No pain ratings yet.");
  const W = 320, H = 190, left = 26, right = 8, bottom = 40, top = 10;
  const x = (i) => left + (rated.length === 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (rated.length - 1));
  const y = (v) => top + ((high - v) / (high - low)) * (H - top - bottom);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "be-chart", role: "img",
    "aria-label": `Pain before and after, ${low} to ${high}, for the last ${rated.length} rated sessions: `
      + rated.map((e) => `${day(when(e))}: before ${e.pain_before ?? "not given"}, after ${e.pain_after ?? "not given"}`).join("; ") + "." });
  for (const v of [low, (low + high) / 2, high]) {
    chart.append(svg("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: "be-grid" }),
      svg("text", { x: left - 5, y: y(v) + 4, "text-anchor": "end", class: "be-axis" }, String(v)));
  }
  for (const [key, cls] of [["pain_before", "be-before"], ["pain_after", "be-after"]]) {
    const points = rated.map((e, i) => [e[key], i]).filter(([v]) => v !== undefined);
    if (points.length > 1) chart.append(svg("polyline", { points: points.map(([v, i]) => `${x(i)},${y(v)}`).join(" "), class: `be-line ${cls}` }));
    for (const [v, i] of points) {
      chart.append(cls === "be-before" ? svg("circle", { cx: x(i), cy: y(v), r: 4.5, class: cls })
        : svg("rect", { x: x(i) - 4, y: y(v) - 4, width: 8, height: 8, class: cls }));
    }
  }
  chart.append(svg("text", { x: left, y: H - 22, class: "be-axis" }, day(when(rated[0]))),
    svg("text", { x: W - right, y: H - 22, "text-anchor": "end", class: "be-axis" }, day(when(rated[rated.length - 1]))));
  chart.append(svg("circle", { cx: left + 6, cy: H - 7, r: 4.5, class: "be-before" }),
    svg("text", { x: left + 14, y: H - 3, class: "be-axis" }, "before"),
    svg("rect", { x: left + 76, y: H - 11, width: 8, height: 8, class: "be-after" }),
    svg("text", { x: left + 90, y: H - 3, class: "be-axis" }, "after"));
  return chart;
}

const average = (values) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) * 10) / values.length) / 10 : null);
const dash = (value) => (value === null ? "\u2013" : String(value));
const longDay = (d) => d.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });

// The clinician's summary of the diary's entries, laid out with the words of `words` (Python's
// CLINICIAN): dates, totals, pain before and after by week, the course levels named in the sessions,
// the home programme's answers, and the most recent notes.
function clinicianSummary(diaryEntries, words, when) {
  const entries = [...diaryEntries].sort((a, b) => when(a) - when(b));
  const root = el("section", { class: "be-summary", "aria-label": words.title });
  root.append(el("h2", {}, words.title));
  if (!entries.length) {
    root.append(el("p", {}, words.empty));
    return root;
  }
  const first = when(entries[0]), last = when(entries[entries.length - 1]);
  root.append(el("p", {}, fill(words.range, { first: longDay(first), last: longDay(last) })),
    el("p", { class: "be-summary-privacy" }, words.privacy));

  const seconds = entries.reduce((s, e) => s + (e.done_seconds ?? 0), 0);
  const totals = el("dl", { class: "be-summary-totals" });
  [entries.length, Math.round(seconds / 60), entries.filter((e) => e.finished === false).length].forEach((n, i) => {
    const item = el("div");
    item.append(el("dt", {}, words.totals[i]), el("dd", { "data-total": String(i) }, String(n)));
    totals.append(item);
  });
  root.append(totals);

  // Every week from the first entry's to the last's (Monday first, local time), the last `words.weeks` shown.
  const weeks = [];
  for (let start = weekStart(first); start <= last; start = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7)) {
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 7);
    const those = entries.filter((e) => when(e) >= start && when(e) < end);
    weeks.push([day(start), those.length, Math.round(those.reduce((s, e) => s + (e.done_seconds ?? 0), 0) / 60),
      dash(average(those.flatMap((e) => e.pain_before ?? []))), dash(average(those.flatMap((e) => e.pain_after ?? [])))]);
  }
  const shown = weeks.slice(-words.weeks);
  const table = el("table", { class: "be-summary-weeks" });
  const head = el("tr");
  for (const h of words.weeks_columns) head.append(el("th", { scope: "col" }, h));
  table.append(el("thead"), el("tbody"));
  table.tHead.append(head);
  for (const row of shown) {
    const tr = el("tr");
    row.forEach((c, i) => tr.append(el(i ? "td" : "th", i ? {} : { scope: "row" }, String(c))));
    table.tBodies[0].append(tr);
  }
  root.append(el("h3", {}, words.weeks_heading), table, el("p", { class: "be-summary-note" },
    words.weeks_note + (shown.length < weeks.length ? ` ${fill(words.weeks_more, { shown: shown.length, all: weeks.length })}` : "")));

  // The highest course level each exercise reached, as the sessions' names say, and the home programme's answers.
  const reached = new Map();
  for (const e of entries) {
    for (const lv of words.levels) {
      const had = reached.get(lv.exercise);
      if (e.session.includes(lv.title) && (!had || lv.number > had.number)) reached.set(lv.exercise, { ...lv, date: when(e) });
    }
  }
  root.append(el("h3", {}, words.levels_heading));
  const levels = el("ul");
  for (const lv of reached.values()) levels.append(el("li", {}, fill(words.level, { ...lv, date: day(lv.date) })));
  root.append(reached.size ? levels : el("p", {}, words.levels_none));
  const home = entries.filter((e) => e.home_session);
  if (home.length) {
    const answers = Object.entries(words.how_it_went).map(([k, said]) => [said, home.filter((e) => e.how_it_went === k).length])
      .filter(([, n]) => n).map(([said, n]) => `${said.toLowerCase()} ${n}`);
    root.append(el("p", {}, fill(words.home, { count: home.length, answers: answers.join(", ") || "\u2013" })));
  }

  // The most recent notes, each cut to `words.note_chars` characters so that the page stays one page.
  const notes = entries.filter((e) => e.note?.trim());
  const kept = notes.slice(-words.notes);
  root.append(el("h3", {}, words.notes_heading));
  if (!notes.length) root.append(el("p", {}, words.notes_none));
  const list = el("ul", { class: "be-summary-notes" });
  for (const e of kept) {
    const text = e.note.trim();
    list.append(el("li", {}, `${day(when(e))}, ${e.session}: ${text.length > words.note_chars ? `${text.slice(0, words.note_chars - 1)}\u2026` : text}`));
  }
  if (kept.length) root.append(list);
  if (kept.length < notes.length) root.append(el("p", { class: "be-summary-note" }, fill(words.notes_more, { shown: kept.length, all: notes.length })));
  return root;
}

async function render({ model, el: host }) {
  const spec = model.get("spec");
  let charts = model.get("charts");
  const { openDiary, parseDiaryFile, entryForm, entryDate } = await importText(spec.esm);
  const when = (entry) => entryDate(spec, entry);
  let diary = null;
  try {
    diary = openDiary(spec);
    diary.entries();
  } catch (err) {
    host.append(el("p", { class: "be-diary-privacy" }, spec.privacy),
      el("p", { role: "alert" }, `The diary cannot be opened in this browser: ${err.message}`));
    return;
  }

  const root = el("section", { class: "be-progress", "aria-label": "Your practice diary" });
  const privacy = el("p", { class: "be-diary-privacy" }, spec.privacy);
  const message = el("p", { class: "be-progress-message", role: "status" });
  const summary = el("p", { class: "be-progress-summary" });
  const weeksBox = el("figure", { class: "be-figure" });
  const painBox = el("figure", { class: "be-figure" });
  const tableBox = el("details", { class: "be-progress-table" });
  const addBox = el("div", { class: "be-progress-add" });
  const tools = el("div", { class: "be-progress-tools", role: "group", "aria-label": "Your diary file" });
  const csvBtn = el("button", { type: "button" }, "Export CSV");
  const jsonBtn = el("button", { type: "button" }, "Export JSON");
  const importLabel = el("label", { class: "be-progress-import" }, "Import a JSON diary ");
  const importInput = el("input", { type: "file", accept: ".json,application/json" });
  importLabel.append(importInput);
  const deleteBtn = el("button", { type: "button", class: "be-progress-delete" }, "Delete everything");
  const summaryBtn = el("button", { type: "button", class: "be-progress-summary-print" }, model.get("clinician").button);
  const confirmBox = el("div", { class: "be-progress-confirm", role: "alertdialog", "aria-label": "Delete the whole diary?" });
  tools.append(summaryBtn, csvBtn, jsonBtn, importLabel, deleteBtn);
  root.append(privacy, summary, message, weeksBox, painBox, tableBox, addBox, tools, confirmBox);
  host.append(root);

  function table(entries) {
    const t = el("table");
    t.append(el("caption", {}, "Every session in your diary"));
    const head = el("tr");
    for (const h of ["Date", "Session", "Time", "Pain before", "Pain after", "How it felt", "Note"]) head.append(el("th", { scope: "col" }, h));
    t.append(el("thead"));
    t.tHead.append(head);
    const body = el("tbody");
    for (const e of [...entries].reverse()) {
      const row = el("tr");
      const cells = [when(e).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }), e.session,
        minutes(e.done_seconds) + (e.finished === false ? " (stopped early)" : ""), e.pain_before ?? "", e.pain_after ?? "",
        spec.feelings[e.feeling] ?? "", e.note ?? ""];
      cells.forEach((c, i) => row.append(el(i ? "td" : "th", i ? {} : { scope: "row" }, String(c))));
      body.append(row);
    }
    t.append(body);
    return t;
  }

  function draw() {
    const entries = diary.entries();
    const thisWeek = weekStart(new Date()).getTime();
    const recent = entries.filter((e) => weekStart(when(e)).getTime() === thisWeek).length;
    summary.textContent = entries.length
      ? `${entries.length} session${entries.length === 1 ? "" : "s"} in your diary; ${recent} this week.`
      : "Your diary is empty. At the end of a session the timer offers to record it; or add one below.";
    root.dataset.entries = String(entries.length);
    weeksBox.replaceChildren(el("figcaption", {}, "Sessions per week"), weeksChart(entries, charts.weeks, when));
    painBox.replaceChildren(el("figcaption", {}, charts.pain_caption), painChart(entries, charts, when));
    tableBox.replaceChildren(el("summary", {}, "Show the diary as a table"), table(entries));
    tableBox.hidden = !entries.length;
    csvBtn.disabled = jsonBtn.disabled = deleteBtn.disabled = summaryBtn.disabled = !entries.length;
  }

  function showAdd() {
    const open = el("button", { type: "button" }, "Add a session by hand");
    open.addEventListener("click", () => {
      const form = entryForm(spec, { session: charts.manual }, {
        onSaved: () => {
          message.textContent = spec.saved;
          showAdd();
          draw();
        },
        onCancel: showAdd,
      });
      addBox.replaceChildren(form);
      form.querySelector("select")?.focus();
    });
    addBox.replaceChildren(open);
  }

  const stamp = () => new Date().toISOString().slice(0, 10);
  summaryBtn.addEventListener("click", async () => {
    const { printAlone } = await importText(model.get("print_esm"));
    printAlone(clinicianSummary(diary.entries(), model.get("clinician"), when));
  });
  csvBtn.addEventListener("click", () => download(`back-diary-${stamp()}.csv`, diary.csv(), "text/csv"));
  jsonBtn.addEventListener("click", () => download(`back-diary-${stamp()}.json`, diary.json(), "application/json"));
  importInput.addEventListener("change", async () => {
    const file = importInput.files[0];
    importInput.value = "";
    if (!file) return;
    try {
      const { added, skipped } = diary.merge(parseDiaryFile(spec, await file.text(), `“${file.name}”`));
      message.textContent = `Imported ${added} session${added === 1 ? "" : "s"}` + (skipped ? ` (${skipped} already in your diary).` : ".");
    } catch (err) {
      message.textContent = `${err.message} Nothing was changed.`;
    }
    draw();
  });
  deleteBtn.addEventListener("click", () => {
    const n = diary.entries().length;
    const yes = el("button", { type: "button", class: "be-progress-yes" }, "Yes, delete everything");
    const no = el("button", { type: "button" }, "Keep my diary");
    confirmBox.replaceChildren(el("p", {}, `Delete all ${n} sessions from this browser? This cannot be undone. Export first if you want a copy.`), yes, no);
    yes.addEventListener("click", () => {
      diary.clear();
      confirmBox.replaceChildren();
      message.textContent = "Your diary is deleted from this browser.";
      draw();
    });
    no.addEventListener("click", () => {
      confirmBox.replaceChildren();
      deleteBtn.focus();
    });
    no.focus();
  });
  const onStorage = (event) => event.key === spec.key && draw();
  window.addEventListener("storage", onStorage);
  const onCharts = () => {
    charts = model.get("charts");
    draw();
  };
  const unlisten = listen(model, ["charts"], onCharts);

  showAdd();
  draw();
  return () => {
    window.removeEventListener("storage", onStorage);
    unlisten();
  };
}

export default { render };
