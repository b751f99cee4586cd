// Class-plan builder view. The teacher adds routines from the library and talks, orders them,
// sees the total, copies or downloads the plan as YAML, runs it in a session timer and prints
// its handout, all without a kernel. Python sends every value this needs (backease.widgets.plan_builder):
// each routine's segments, time and positions, the transitions between any two positions, a
// talk's and a hand-out's segment with blanks, the words for durations, the YAML lines, the
// limits, the printed sheets. The plan's rules (its parts and moves, totals, YAML, what each person
// needs) are Python's, in rules.js, joined in front of this file; this view shows what they give in
// the teacher's order, and re-renders when the model changes. What only printing needs (the model's
// "_on_demand" list) it awaits when the teacher prints: the built book loads it then.

async function render({ model, el: host }) {
  const values = (k) => model.get(k);
  let limits = values("limits");
  const written = (seconds) => duration(seconds, values("units").written);
  let blocks = values("blocks").map((b) => ({ ...b }));

  const root = el("section", { class: "be-builder", "aria-label": "Class plan builder", "data-lm-suppress-shortcuts": "true" });
  const titleLabel = el("label", {}, "Name of your class ");
  const titleInput = el("input", { type: "text", value: values("title"), class: "be-builder-title" });
  titleLabel.append(titleInput);

  const addRow = el("div", { class: "be-builder-add" });
  const pick = el("select", { "aria-label": "Exercise to add" });
  const addRoutine = el("button", { type: "button" }, "Add exercise");
  const talkText = el("input", { type: "text", placeholder: "e.g. Welcome and check-in", "aria-label": "Talk: what about" });
  const talkMinutes = el("input", { type: "number", step: "0.5", value: "2", "aria-label": "Talk: minutes" });
  const addTalk = el("button", { type: "button" }, "Add talk");
  addRow.append(pick, addRoutine, talkText, talkMinutes, addTalk);

  const list = el("ol", { class: "be-builder-list", "aria-label": "Your plan" });
  const total = el("p", { class: "be-builder-total", "aria-live": "polite" });
  const message = el("p", { class: "be-builder-message", role: "alert" });
  const yaml = el("pre", { class: "be-builder-yaml", "aria-label": "Your plan as YAML", tabindex: "0" });
  const actions = el("div", { class: "be-builder-actions" });
  const runBtn = el("button", { type: "button", class: "be-builder-run" }, "Run this plan");
  const printBtn = el("button", { type: "button" }, "Print handout");
  const copyBtn = el("button", { type: "button" }, "Copy YAML");
  const saveBtn = el("button", { type: "button" }, "Download YAML");
  actions.append(runBtn, printBtn, copyBtn, saveBtn);
  const timerHost = el("div", { class: "be-builder-timer" });
  root.append(titleLabel, addRow, message, list, total, actions, yaml, timerHost);
  host.append(root);

  // What can be added, from the library and the limits.
  function offer() {
    limits = values("limits");
    const chosen = pick.value;
    pick.replaceChildren(...values("library").map((r) => el("option", { value: r.name }, `${r.title} (${r.duration})`)));
    if (chosen) pick.value = chosen;
    talkMinutes.min = String(limits.talk_min_minutes);
    talkMinutes.max = String(limits.talk_max_minutes);
  }

  let saving = false; // this view's own model.set calls: nothing to show again
  function save() {
    saving = true;
    model.set("title", titleInput.value);
    model.set("blocks", blocks.map((b) => ({ ...b })));
    model.save_changes();
    saving = false;
  }

  function move(i, by) {
    const j = i + by;
    if (j < 0 || j >= blocks.length) return;
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
    update();
    list.children[j]?.querySelector(by < 0 ? ".be-up" : ".be-down")?.focus();
  }

  // The plan as the model holds it: the list, the total, the YAML.
  function show() {
    const parts = planParts(blocks, values);
    list.replaceChildren();
    parts.forEach(({ block: b, routine: r, moving, seconds }, i) => {
      const item = el("li", { class: b.talk ? "be-talk" : "be-exercise" });
      const name = blockTitle(b, r);
      const extra = moving ? ` (+ ${written(moving)} to move and set up)` : "";
      item.append(el("span", { class: "be-builder-name" }, `${name}: ${written(seconds)}${extra}`));
      item.append(rowTools("be-builder-tools", name, i, blocks.length, move, (at) => {
        blocks.splice(at, 1);
        update();
      }));
      list.append(item);
    });
    const { seconds, moving } = planTotals(parts);
    total.textContent = blocks.length
      ? `Total: ${written(seconds)} in ${blocks.length} parts, with ${written(moving)} to move and set up`
      : "Your plan is empty: add an exercise.";
    const tooLong = seconds > limits.max_seconds;
    if (tooLong) message.textContent = `This plan lasts ${written(seconds)}: a session may last at most ${limits.max_text}.`;
    runBtn.disabled = printBtn.disabled = copyBtn.disabled = saveBtn.disabled = !blocks.length || tooLong;
    yaml.textContent = planYaml(values("name"), titleInput.value, blocks, values("yaml_lines"));
    return parts;
  }

  function update() {
    message.textContent = "";
    save();
    show();
  }

  addRoutine.addEventListener("click", () => {
    const last = blocks[blocks.length - 1];
    if (last && last.routine === pick.value && (last.repeat || 1) < limits.max_repeat) last.repeat = (last.repeat || 1) + 1;
    else blocks.push({ routine: pick.value, repeat: 1 });
    update();
  });
  addTalk.addEventListener("click", () => {
    const text = talkText.value.trim();
    const minutes = Number(talkMinutes.value);
    if (!text) return (message.textContent = "Say what the talk is about, e.g. \u201cWelcome and check-in\u201d.");
    if (!Number.isFinite(minutes) || minutes < limits.talk_min_minutes || minutes > limits.talk_max_minutes) {
      return (message.textContent = `Minutes must be a number from ${limits.talk_min_minutes} to ${limits.talk_max_minutes},`
        + ` got \u201c${talkMinutes.value}\u201d.`);
    }
    blocks.push({ talk: text, seconds: Math.round(minutes * 60) });
    talkText.value = "";
    update();
  });
  titleInput.addEventListener("input", update);

  // Python (with a kernel), or another view of this widget, may change the plan: show what the model holds.
  const fromModel = () => {
    if (saving) return;
    offer();
    blocks = values("blocks").map((b) => ({ ...b }));
    if (titleInput.value !== values("title")) titleInput.value = values("title");
    show();
  };
  const unlisten = listen(model, ["blocks", "title", "name", "library", "moves", "talk", "hand_out", "units", "yaml_lines",
    "limits"], fromModel); // the handout's pieces are read when it prints

  copyBtn.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(yaml.textContent);
      message.textContent = "Copied.";
    } catch (err) {
      window.getSelection().selectAllChildren(yaml);
      message.textContent = "Press Ctrl+C (or \u2318+C) to copy the selected text.";
    }
  });
  saveBtn.addEventListener("click", () => {
    const link = el("a", { href: URL.createObjectURL(new Blob([yaml.textContent], { type: "text/yaml" })),
                           download: `${values("name")}.yaml` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  // The handout: the plan with its times, what each person needs, the red flags, then each exercise's sheet.
  function handoutNode(parts, { texts, equipment, sheets }) {
    const page = el("div", { class: "be-handout-print" });
    page.append(el("h2", {}, titleInput.value || "My class"));
    const table = el("table", { class: "be-print-table" });
    table.innerHTML = `${texts.head}<tbody></tbody>`;
    parts.forEach(({ block: b, routine: r, moves, seconds }, i) => {
      const first = moves.map((m) => `${m.label} (${written(m.seconds)})`).join("; ");
      const part = el("td", {}, blockTitle(b, r));
      const note = b.repeat > 1 ? fill(texts.repeat_note, b) : r?.over_dose; // as Block.over_dose
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
  printBtn.addEventListener("click", async () => {
    const [texts, equipment, sheets, poses, esm] = await Promise.all(
      ["handout_texts", "equipment", "sheets", "poses", "handout_esm"].map(values));
    const mod = await importText(esm);
    mod.printAlone(mod.fillFigures(handoutNode(show(), { texts, equipment, sheets }), poses));
  });

  // Run the plan in a real session timer, made from the timer module this widget carries.
  const timer = embeddedTimer(model, timerHost);
  runBtn.addEventListener("click", () => timer.run({ title: titleInput.value || "My class",
    segments: show().flatMap((p) => [...p.moves, ...p.own]) }));

  offer();
  show();
  return () => {
    timer.stop();
    unlisten();
  };
}

export default { render };
