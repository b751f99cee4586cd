// The plan builder's printed handout: the plan with its times, what each person needs, the red flags,
// then each exercise's sheet, from the parts rules.js gives and Python's texts, sheets and words.
// plan_builder.js awaits those values (the built book loads them only then) and prints the page alone
// with the handout module Python sends (handout.js).

function handoutNode(title, parts, { texts, equipment, sheets }, written) {
  const page = el("div", { class: "be-handout-print" });
  page.append(el("h2", {}, title));
  const table = el("table", { class: "be-print-table" });
  table.innerHTML = `${texts.head}<tbody></tbody>`;
  parts.forEach(({ block: b, routine: r, moves, seconds }, i) => {
    const first = moves.map((m) => `${m.label} (${written(m.seconds)})`).join("; ");
    const part = el("td", {}, blockTitle(b, r));
    const note = blockNote(b, r, texts.repeat_note);
    if (note) part.append(el("br"), el("span", { class: "be-print-note" }, note));
    const row = el("tr");
    row.append(el("td", {}, String(i + 1)), el("td", {}, first), part, el("td", {}, written(seconds)));
    table.tBodies[0].append(row);
  });
  const { seconds, moving } = planTotals(parts);
  page.append(table, el("p", {}, fill(texts.total, { total: written(seconds), moving: written(moving) })));
  page.append(el("p", { class: "be-print-label" }, "What each person needs"));
  const ul = el("ul");
  for (const words of perPerson(parts, equipment)) ul.append(el("li", {}, words));
  page.append(ul);
  const rest = el("div");
  const names = [...new Set(parts.filter((p) => p.routine).map((p) => p.routine.name))];
  rest.innerHTML = [...texts.tail, ...names.flatMap((n) => sheets[n])].join("");
  page.append(...rest.childNodes);
  return page;
}

// Print the handout of `parts`, once the values only printing needs have come (`values` reads the model).
async function printHandout(title, parts, values, written) {
  const [texts, equipment, sheets, poses, esm] = await Promise.all(
    ["handout_texts", "equipment", "sheets", "poses", "handout_esm"].map(values));
  const mod = await importText(esm);
  mod.printAlone(mod.fillFigures(handoutNode(title, parts, { texts, equipment, sheets }, written), poses));
}
