// The conditions page's picker: the reader ticks the conditions that apply to them, kept in this browser
// only (conditions_store.js); technique pages and My routine read them. A kept value that cannot be read
// is left as it is, and said, until the reader ticks again or clears it.

async function render({ model, el: host }) {
  const store = model.get("store");
  const words = store.words;
  const root = el("fieldset", { class: "be-conditions" });
  const message = el("p", { class: "be-conditions-message", role: "status" });
  const boxes = model.get("conditions").map((c) => {
    const box = el("input", { type: "checkbox", value: c.id });
    const label = el("label", { class: "be-conditions-item" });
    label.append(box, el("span", { class: "be-conditions-name" }, c.name), el("span", { class: "be-conditions-explain" }, c.explain));
    return [box, label];
  });
  const list = el("div", { class: "be-conditions-list" });
  list.append(...boxes.map(([, label]) => label));
  const clear = el("button", { type: "button", class: "be-conditions-clear" }, words.clear);
  root.append(el("legend", {}, "Your conditions"), el("p", {}, words.intro),
    el("p", { class: "be-conditions-privacy" }, words.privacy), list, clear, message);
  host.append(root);

  function show() {
    const { mine, problem } = readConditions(store);
    for (const [box] of boxes) box.checked = mine.includes(box.value);
    message.textContent = problem && `${problem} ${words.keep_problem}`;
  }
  function keep(ids, said) {
    try {
      saveConditions(store, ids);
      message.textContent = said;
    } catch (err) { // the boxes show again what is kept
      show();
      message.textContent = refusal(store.refused, words.not_kept, err);
    }
  }
  for (const [box] of boxes) {
    box.addEventListener("change", () => {
      const ids = boxes.filter(([b]) => b.checked).map(([b]) => b.value);
      keep(ids, ids.length ? words.saved : words.cleared);
    });
  }
  clear.addEventListener("click", () => {
    for (const [box] of boxes) box.checked = false;
    keep([], words.cleared);
  });
  show();
  return onConditionsChange(store, show);
}

export default { render };
