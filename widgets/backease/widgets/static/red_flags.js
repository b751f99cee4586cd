// Red-flag screen: a checklist of warning signs in three levels. Any tick shows, at once, how
// urgently to get help. Python sends everything: the flags most urgent first, the level names
// and the advice; so the level for a set of ticks is the level of the first ticked flag, and
// this view only looks it up. The same ES module runs in Jupyter and on the built book page.
// Ticks stay in this page: they are never sent anywhere, not even to the kernel.

let counter = 0; // unique ids when a page shows several screens

function render({ model, el: host }) {
  const uid = `be-flags-${++counter}`;
  // In JupyterLab, Space ticks a box here instead of reaching the notebook's shortcuts.
  const root = el("section", { class: "be-card be-flags", "aria-label": "Red-flag check", "data-lm-suppress-shortcuts": "true" });
  host.append(root);

  function draw() {
    const { flags, advice, levels, names } = model.get("screen");
    const fieldset = el("fieldset");
    fieldset.append(el("legend", {}, "Along with your back pain, do you have any of these? Tick each one that applies."));
    const boxes = [];
    for (const level of levels) {
      const heading = el("p", { class: "be-flag-level", id: `${uid}-${level}` }, names[level]);
      const list = el("ul", { class: "be-flag-list", "data-level": level, "aria-labelledby": heading.id });
      flags.forEach((flag, i) => {
        if (flag.level !== level) return;
        const item = el("li");
        const box = el("input", { type: "checkbox", id: `${uid}-${i}`, value: flag.id });
        item.append(box, el("label", { for: box.id }, flag.text));
        list.append(item);
        boxes[i] = box;
      });
      fieldset.append(heading, list);
    }
    // Present (and empty) from the start, so screen readers announce what is put in it.
    const banner = el("div", { class: "be-alert", role: "alert" });
    root.replaceChildren(fieldset, banner);

    function update() {
      const first = flags.find((_, i) => boxes[i].checked); // flags arrive most urgent first
      banner.replaceChildren();
      if (!first) {
        delete banner.dataset.level;
        return;
      }
      banner.dataset.level = first.level;
      banner.append(
        el("p", { class: "be-alert-title" }, advice[first.level].title),
        el("p", { class: "be-alert-action" }, advice[first.level].action),
      );
    }
    for (const box of boxes) box.addEventListener("change", update);
    update();
  }

  const unlisten = listen(model, ["screen"], draw);
  draw();
  return unlisten;
}

export default { render };
