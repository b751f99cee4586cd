// Class-plan builder view. The teacher adds routines from the library and talks, orders them,
// sees the total, copies or downloads the plan as YAML, runs it in a session timer and prints
// its handout, all without a kernel. Python sends every value this needs (backease.widgets.plan_builder).
// The plan and its edits are plan_builder_state.js's, the plan's rules (its parts and moves, totals,
// YAML, what each person needs) Python's, in rules.js; the handout is plan_builder_print.js's. This
// view sends the teacher's edits, shows what comes of them, and re-renders when the model changes.

async function render({ model, el: host }) {
  const values = (k) => model.get(k);
  let limits = values("limits");
  const written = (seconds) => duration(seconds, values("units").written);
  let plan = { title: values("title"), blocks: values("blocks").map((b) => ({ ...b })) };

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
    model.set("title", plan.title);
    model.set("blocks", plan.blocks.map((b) => ({ ...b })));
    model.save_changes();
    saving = false;
  }

  // An edit: the new plan kept in the model and shown, or only its message.
  function send(event) {
    const next = builderNext(plan, event, limits);
    message.textContent = next.message;
    if (next.plan === plan) return false;
    plan = next.plan;
    save();
    show();
    return true;
  }

  function move(i, by) {
    if (send({ type: "move", index: i, by })) list.children[i + by]?.querySelector(by < 0 ? ".be-up" : ".be-down")?.focus();
  }

  // The plan as the model holds it: the list, the total, the YAML.
  function show() {
    const { parts, seconds, moving, tooLong, yaml: text } = builderShown(plan, values);
    const count = plan.blocks.length;
    list.replaceChildren();
    parts.forEach(({ block: b, routine: r, moving: extra, seconds: own }, i) => {
      const item = el("li", { class: b.talk ? "be-talk" : "be-exercise" });
      const name = blockTitle(b, r);
      const more = extra ? ` (+ ${written(extra)} to move and set up)` : "";
      item.append(el("span", { class: "be-builder-name" }, `${name}: ${written(own)}${more}`));
      item.append(rowTools("be-builder-tools", name, i, count, move, (at) => send({ type: "remove", index: at })));
      list.append(item);
    });
    total.textContent = count
      ? `Total: ${written(seconds)} in ${count} parts, with ${written(moving)} to move and set up`
      : "Your plan is empty: add an exercise.";
    if (tooLong) message.textContent = `This plan lasts ${written(seconds)}: a session may last at most ${limits.max_text}.`;
    runBtn.disabled = printBtn.disabled = copyBtn.disabled = saveBtn.disabled = !count || tooLong;
    yaml.textContent = text;
    return parts;
  }

  addRoutine.addEventListener("click", () => send({ type: "routine", name: pick.value }));
  addTalk.addEventListener("click", () => {
    if (send({ type: "talk", text: talkText.value, minutes: talkMinutes.value })) talkText.value = "";
  });
  titleInput.addEventListener("input", () => send({ type: "title", text: titleInput.value }));

  // Python (with a kernel), or another view of this widget, may change the plan: show what the model holds.
  const fromModel = () => {
    if (saving) return;
    offer();
    plan = { title: values("title"), blocks: values("blocks").map((b) => ({ ...b })) };
    if (titleInput.value !== plan.title) titleInput.value = plan.title;
    show();
  };
  const unlisten = listen(model, ["blocks", "title", "name", "library", "moves", "talk", "hand_out", "units", "yaml_lines",
    "limits"], fromModel); // the handout's pieces are read when it prints

  copyBtn.addEventListener("click", async () => {
    message.textContent = await copyText(yaml.textContent, yaml) ? "Copied." : "Press Ctrl+C (or \u2318+C) to copy the selected text.";
  });
  saveBtn.addEventListener("click", () => downloadText(yaml.textContent, "text/yaml", `${values("name")}.yaml`));
  printBtn.addEventListener("click", () => printHandout(plan.title || "My class", show(), values, written));

  // Run the plan in a real session timer, made from the timer module this widget carries.
  const timer = embeddedTimer(model, timerHost);
  runBtn.addEventListener("click", () => timer.run({ title: plan.title || "My class",
    segments: show().flatMap((p) => [...p.moves, ...p.own]) }));

  offer();
  show();
  return () => {
    timer.stop();
    unlisten();
  };
}

export default { render };
