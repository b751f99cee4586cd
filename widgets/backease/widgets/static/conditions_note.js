// A technique page's note, near its top: what the card says for the conditions the reader ticked on the
// conditions page (do not do it, ask a clinician first, or how to adapt it), with a link to change them.
// Nothing shows until the reader has ticked some. The card's answers come from Python, strictest first.

async function render({ model, el: host }) {
  const store = model.get("store");
  const answers = model.get("answers");
  const words = store.words;
  const box = el("aside", { class: "be-cond-note", "aria-label": words.heading });
  host.append(box);

  function draw() {
    const { mine, problem } = readConditions(store);
    const mineAnswers = answersFor(answers, mine);
    box.replaceChildren(el("p", { class: "be-cond-heading" }, words.heading));
    box.hidden = !mine.length && !problem;
    box.dataset.verdict = problem ? "problem" : mineAnswers[0]?.advice ?? (mine.length ? "none" : "");
    if (problem) {
      box.append(el("p", { role: "alert" }, `${problem} ${words.note_problem}`));
    } else if (!mineAnswers.length) {
      box.append(el("p", {}, fill(words.no_advice, { names: mine.map((i) => store.names[i]).join(", ") })));
    }
    for (const kind of [...new Set(mineAnswers.map((a) => a.advice))]) {
      const group = el("div", { class: `be-cond-group be-cond-${kind}`, "data-kind": kind });
      const items = el("ul");
      for (const a of mineAnswers.filter((x) => x.advice === kind)) {
        items.append(el("li", {}, `${store.names[a.condition]}: ${a.text}`));
      }
      group.append(el("p", { class: "be-cond-title" }, `${store.titles[kind]}:`), items);
      box.append(group);
    }
    const href = conditionsLink(store);
    if (href) {
      const change = el("p", { class: "be-cond-change" });
      change.append(el("a", { href }, words.change));
      box.append(change);
    }
  }
  draw();
  return onConditionsChange(store, draw);
}

export default { render };
