// The progress page's drawings: sessions per week and pain before and after as SVG charts, and the clinician's
// summary, each built from the state diary_state.js and rules.js compute. diary_view.js shows them.

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text = "") {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text) node.textContent = text;
  return node;
}

const asDate = (x) => new Date(typeof x === "string" ? `${x}T12:00` : x); // a day "YYYY-MM-DD" or a time in ms
const day = (x) => asDate(x).toLocaleDateString(undefined, { day: "numeric", month: "short" });
const longDay = (x) => asDate(x).toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
const dash = (value) => (value === null ? "\u2013" : String(value));

// Bars: sessions in each week of `weeks` ({start, n}).
function weeksChart(weeks) {
  const top = Math.max(3, ...weeks.map((c) => c.n));
  const W = 320, H = 170, left = 26, bottom = 30, barW = (W - left) / weeks.length;
  const words = weeks.map((c) => `week of ${day(c.start)}: ${c.n}`).join("; ");
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "be-chart", role: "img",
    "aria-label": `Sessions per week, last ${weeks.length} weeks: ${words}.` });
  for (let y = 0; y <= top; y += Math.ceil(top / 3)) {
    const py = H - bottom - (y / top) * (H - bottom - 12);
    chart.append(svg("line", { x1: left, x2: W, y1: py, y2: py, class: "be-grid" }),
      svg("text", { x: left - 5, y: py + 4, "text-anchor": "end", class: "be-axis" }, String(y)));
  }
  weeks.forEach((c, i) => {
    const h = (c.n / top) * (H - bottom - 12);
    const x = left + i * barW + 4;
    chart.append(svg("rect", { x, y: H - bottom - h, width: barW - 8, height: h, class: "be-bar" }));
    if (c.n) chart.append(svg("text", { x: x + (barW - 8) / 2, y: H - bottom - h - 3, "text-anchor": "middle", class: "be-value" }, String(c.n)));
    if (i % 2 === weeks.length % 2 || weeks.length <= 4) {
      chart.append(svg("text", { x: x + (barW - 8) / 2, y: H - 10, "text-anchor": "middle", class: "be-axis" }, day(c.start)));
    }
  });
  return chart;
}

// Lines: pain before and after of the `rated` sessions ({when, before, after}), on the diary's scale
// (charts.pain_low to charts.pain_high).
function painChart(rated, { pain_low: low, pain_high: high }) {
  if (!rated.length) return el("p", { class: "be-chart-empty" }, "No pain ratings yet.");
  const W = 320, H = 190, left = 26, right = 8, bottom = 40, top = 10;
  const x = (i) => left + (rated.length === 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (rated.length - 1));
  const y = (v) => top + ((high - v) / (high - low)) * (H - top - bottom);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "be-chart", role: "img",
    "aria-label": `Pain before and after, ${low} to ${high}, for the last ${rated.length} rated sessions: `
      + rated.map((r) => `${day(r.when)}: before ${r.before ?? "not given"}, after ${r.after ?? "not given"}`).join("; ") + "." });
  for (const v of [low, (low + high) / 2, high]) {
    chart.append(svg("line", { x1: left, x2: W - right, y1: y(v), y2: y(v), class: "be-grid" }),
      svg("text", { x: left - 5, y: y(v) + 4, "text-anchor": "end", class: "be-axis" }, String(v)));
  }
  for (const [key, cls] of [["before", "be-before"], ["after", "be-after"]]) {
    const points = rated.map((r, i) => [r[key], i]).filter(([v]) => v !== null);
    if (points.length > 1) chart.append(svg("polyline", { points: points.map(([v, i]) => `${x(i)},${y(v)}`).join(" "), class: `be-line ${cls}` }));
    for (const [v, i] of points) {
      chart.append(cls === "be-before" ? svg("circle", { cx: x(i), cy: y(v), r: 4.5, class: cls })
        : svg("rect", { x: x(i) - 4, y: y(v) - 4, width: 8, height: 8, class: cls }));
    }
  }
  chart.append(svg("text", { x: left, y: H - 22, class: "be-axis" }, day(rated[0].when)),
    svg("text", { x: W - right, y: H - 22, "text-anchor": "end", class: "be-axis" }, day(rated[rated.length - 1].when)));
  chart.append(svg("circle", { cx: left + 6, cy: H - 7, r: 4.5, class: "be-before" }),
    svg("text", { x: left + 14, y: H - 3, class: "be-axis" }, "before"),
    svg("rect", { x: left + 76, y: H - 11, width: 8, height: 8, class: "be-after" }),
    svg("text", { x: left + 90, y: H - 3, class: "be-axis" }, "after"));
  return chart;
}

// The clinician's summary: the numbers of `sum` (rules.js's diarySummary) laid out with the words of `words`
// (Python's CLINICIAN): dates, totals, pain before and after by week, the levels reached, the home programme's
// answers, and the most recent notes.
function clinicianSummary(sum, words) {
  const root = el("section", { class: "be-summary", "aria-label": words.title });
  root.append(el("h2", {}, words.title));
  if (!sum.sessions) {
    root.append(el("p", {}, words.empty));
    return root;
  }
  root.append(el("p", {}, fill(words.range, { first: longDay(sum.first), last: longDay(sum.last) })),
    el("p", { class: "be-summary-privacy" }, words.privacy));
  const totals = el("dl", { class: "be-summary-totals" });
  [sum.sessions, sum.minutes, sum.stopped].forEach((n, i) => {
    const item = el("div");
    item.append(el("dt", {}, words.totals[i]), el("dd", { "data-total": String(i) }, String(n)));
    totals.append(item);
  });
  root.append(totals);

  const shown = sum.weeks.slice(-words.weeks);
  const table = el("table", { class: "be-summary-weeks" });
  const head = el("tr");
  for (const h of words.weeks_columns) head.append(el("th", { scope: "col" }, h));
  table.append(el("thead"), el("tbody"));
  table.tHead.append(head);
  for (const w of shown) {
    const tr = el("tr");
    [day(w.start), w.sessions, w.minutes, dash(w.pain_before), dash(w.pain_after)]
      .forEach((c, i) => tr.append(el(i ? "td" : "th", i ? {} : { scope: "row" }, String(c))));
    table.tBodies[0].append(tr);
  }
  root.append(el("h3", {}, words.weeks_heading), table, el("p", { class: "be-summary-note" },
    words.weeks_note + (shown.length < sum.weeks.length ? ` ${fill(words.weeks_more, { shown: shown.length, all: sum.weeks.length })}` : "")));

  root.append(el("h3", {}, words.levels_heading));
  const levels = el("ul");
  for (const lv of sum.levels) {
    levels.append(el("li", {}, fill(lv.now === null ? words.level : words.level_now,
      { ...lv, exercise: words.exercises[lv.exercise], date: day(lv.date) })));
  }
  root.append(sum.levels.length ? levels : el("p", {}, words.levels_none));
  if (sum.home_sessions) {
    const answers = Object.entries(sum.answers).map(([k, n]) => `${words.how_it_went[k].toLowerCase()} ${n}`);
    root.append(el("p", {}, fill(words.home, { count: sum.home_sessions, answers: answers.join(", ") || "\u2013" })));
  }

  root.append(el("h3", {}, words.notes_heading));
  if (!sum.notes_all) root.append(el("p", {}, words.notes_none));
  const list = el("ul", { class: "be-summary-notes" });
  for (const n of sum.notes) list.append(el("li", {}, `${day(n.date)}, ${n.session}: ${n.text}`));
  if (sum.notes.length) root.append(list);
  if (sum.notes.length < sum.notes_all) root.append(el("p", { class: "be-summary-note" }, fill(words.notes_more, { shown: sum.notes.length, all: sum.notes_all })));
  return root;
}
