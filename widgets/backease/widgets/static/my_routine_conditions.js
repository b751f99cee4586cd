// What the reader's conditions (conditions_store.js) change in My routine, drawn from Python's words in
// `cond`: the note above the choices (the routines left out, why, once for each card, and a link to change
// the conditions) and, under a chosen routine, what the cards say about it. my_routine.js decides which.

// The note's nodes: why the kept conditions cannot be read, the routines `left` out and why, the link.
function leftOutNote(cond, mine, left, answersOf) {
  const nodes = [];
  if (mine.problem) nodes.push(el("p", { role: "alert" }, `${mine.problem} ${cond.words.note_problem}`));
  if (left.length) {
    const items = el("ul", { class: "be-mine-left" });
    for (const r of left) items.append(el("li", { "data-routine": r.name }, r.title));
    const why = el("details"); // once for each card: a technique's levels share its card
    const reasons = new Set(left.flatMap((r) => answersOf(r.name).filter((a) => a.advice === "dont")
      .map((a) => `${a.technique}, ${cond.names[a.condition]}: ${a.text}`)));
    why.append(el("summary", {}, cond.words.why), ...[...reasons].map((text) => el("p", {}, text)));
    nodes.push(el("p", {}, cond.words.left_out), items, why);
  }
  const href = conditionsLink(cond);
  if (href && (mine.problem || mine.mine.length)) {
    const change = el("p");
    change.append(el("a", { href }, cond.words.change));
    nodes.push(change);
  }
  return nodes;
}

// What the cards say for the reader's conditions about one chosen routine (`answers`, strictest first).
function routineAnswers(cond, answers) {
  const box = el("div", { class: "be-mine-answers" });
  for (const a of answers) {
    box.append(el("p", { class: `be-mine-${a.advice}`, "data-kind": a.advice },
      `${cond.titles[a.advice]}: ${cond.names[a.condition]}: ${a.text}`));
  }
  return box;
}
