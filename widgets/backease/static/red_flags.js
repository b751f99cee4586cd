// Red-flag screen: a checklist of warning signs. Any tick shows, at once, how urgently to
// get help; the most urgent sign wins. The same ES module runs in Jupyter and on the built
// book page. Ticks stay in this page: they are never sent anywhere, not even to the kernel.

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

let counter = 0; // unique ids when a page shows several screens

function render({ model, el: host }) {
  const { flags, advice, urgencies } = model.get("screen");
  const uid = `be-flags-${++counter}`;

  // In JupyterLab, Space ticks a box here instead of reaching the notebook's shortcuts.
  const root = el("section", { class: "be-flags", "aria-label": "Red-flag check", "data-lm-suppress-shortcuts": "true" });
  const fieldset = el("fieldset");
  const legend = el("legend", {}, "Along with your back pain, do you have any of these? Tick each one that applies.");
  const list = el("ul", { class: "be-flag-list" });
  const boxes = flags.map((flag, i) => {
    const item = el("li");
    const box = el("input", { type: "checkbox", id: `${uid}-${i}`, value: flag.id });
    const label = el("label", { for: `${uid}-${i}` }, flag.text);
    item.append(box, label);
    list.append(item);
    return box;
  });
  fieldset.append(legend, list);
  // Present (and empty) from the start, so screen readers announce what is put in it.
  const banner = el("div", { class: "be-alert", role: "alert" });
  root.append(fieldset, banner);
  host.append(root);

  function update() {
    const levels = new Set(flags.filter((_, i) => boxes[i].checked).map((f) => f.urgency));
    const level = urgencies.find((u) => levels.has(u));
    banner.replaceChildren();
    if (!level) {
      delete banner.dataset.urgency;
      return;
    }
    banner.dataset.urgency = level;
    banner.append(
      el("p", { class: "be-alert-title" }, advice[level].title),
      el("p", { class: "be-alert-action" }, advice[level].action),
    );
  }

  for (const box of boxes) box.addEventListener("change", update);
  update();
}

export default { render };
