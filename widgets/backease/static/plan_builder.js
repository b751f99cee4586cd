// Class-plan builder view. The teacher adds routines from the library and talks, orders them,
// sees the total, copies or downloads the plan as YAML, runs it in a session timer and prints
// its handout, all without a kernel. Python sends every value this needs: each routine's time
// and positions, the transitions between any two positions, the limits, the printed sheets.
// This view only puts them in the teacher's order, and re-renders when the model changes.

function duration(seconds) {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m ? `${m} min${s % 60 ? ` ${s % 60} s` : ""}` : `${s} s`;
}

const TALK_CUE = "Listen, ask, and get ready for what comes next.";

// Each block with the transitions before it, as Plan does in Python: moving between the
// positions (a lookup in Python's table) and handing out what is not out yet.
export function withMoves(blocks, values) {
  const byName = Object.fromEntries(values.library.map((r) => [r.name, r]));
  const hand = values.hand_out;
  let where = values.start_position;
  const out = new Set();
  return blocks.map((block) => {
    const r = block.talk ? null : byName[block.routine];
    const start = r ? r.start : values.start_position;
    const moves = [...values.moves[where][start]];
    const fresh = r ? r.hand_out.filter((id) => !out.has(id)) : [];
    fresh.forEach((id) => out.add(id));
    if (fresh.length) {
      const names = [...new Set(fresh.map((id) => hand.names[id]))].join(", ");
      moves.push({ kind: "transition", label: `${hand.label}: ${names}`, seconds: hand.seconds, cue: hand.cue,
                   side: null, reps: null, breathing: null, step: null });
    }
    where = r ? r.end : values.start_position;
    const own = r
      ? Array.from({ length: block.repeat || 1 }, () => r.segments).flat()
      : [{ kind: "talk", label: block.talk, seconds: block.seconds, cue: TALK_CUE, side: null, reps: null,
           breathing: null, step: null }];
    return { block, routine: r, moves, own };
  });
}

function toYaml(name, title, blocks) {
  const lines = [`name: ${name}`, `title: ${JSON.stringify(title)}`, "blocks:"];
  for (const b of blocks) {
    if (b.talk) lines.push(`  - talk: ${JSON.stringify(b.talk)}`, `    seconds: ${b.seconds}`);
    else lines.push(`  - routine: ${b.routine}`, ...(b.repeat > 1 ? [`    repeat: ${b.repeat}`] : []));
  }
  return lines.join("\n") + "\n";
}

function slug(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "my-class";
}

async function render({ model, el: host }) {
  const values = (k) => model.get(k);
  const limits = values("limits");
  const handout = import(URL.createObjectURL(new Blob([values("handout_esm")], { type: "text/javascript" })));
  let blocks = values("blocks").map((b) => ({ ...b }));

  const root = el("section", { class: "be-builder", "aria-label": "Class plan builder", "data-lm-suppress-shortcuts": "true" });
  const titleLabel = el("label", {}, "Name of your class ");
  const titleInput = el("input", { type: "text", value: values("title"), class: "be-builder-title" });
  titleLabel.append(titleInput);

  const addRow = el("div", { class: "be-builder-add" });
  const pick = el("select", { "aria-label": "Exercise to add" });
  for (const r of values("library")) pick.append(el("option", { value: r.name }, `${r.title} (${r.duration})`));
  const addRoutine = el("button", { type: "button" }, "Add exercise");
  const talkText = el("input", { type: "text", placeholder: "e.g. Welcome and check-in", "aria-label": "Talk: what about" });
  const talkMinutes = el("input", { type: "number", min: String(limits.talk_min_minutes), max: String(limits.talk_max_minutes),
                                    step: "0.5", value: "2", "aria-label": "Talk: minutes" });
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

  function save() {
    model.set("title", titleInput.value);
    model.set("blocks", blocks.map((b) => ({ ...b })));
    model.save_changes();
  }

  function blockTitle(b, r) {
    return b.talk || `${r.title}${b.repeat > 1 ? ` \u00d7 ${b.repeat}` : ""}`;
  }

  const sum = (segs) => segs.reduce((s, x) => s + x.seconds, 0);

  function move(i, by) {
    const j = i + by;
    if (j < 0 || j >= blocks.length) return;
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
    update();
    list.children[j]?.querySelector(by < 0 ? ".be-up" : ".be-down")?.focus();
  }

  // The plan as the model holds it: the list, the total, the YAML.
  function show() {
    const parts = withMoves(blocks, { library: values("library"), moves: values("moves"), hand_out: values("hand_out"),
                                       start_position: values("start_position") });
    list.replaceChildren();
    parts.forEach(({ block: b, routine: r, moves, own }, i) => {
      const item = el("li", { class: b.talk ? "be-talk" : "be-exercise" });
      const name = blockTitle(b, r);
      const extra = moves.length ? ` (+ ${duration(sum(moves))} to move and set up)` : "";
      item.append(el("span", { class: "be-builder-name" }, `${name}: ${duration(sum(own))}${extra}`));
      item.append(rowTools("be-builder-tools", name, i, blocks.length, move, (at) => {
        blocks.splice(at, 1);
        update();
      }));
      list.append(item);
    });
    const seconds = parts.reduce((s, p) => s + sum(p.moves) + sum(p.own), 0);
    const moving = parts.reduce((s, p) => s + sum(p.moves), 0);
    total.textContent = blocks.length
      ? `Total: ${duration(seconds)} in ${blocks.length} parts, with ${duration(moving)} to move and set up`
      : "Your plan is empty: add an exercise.";
    const tooLong = seconds > limits.max_seconds;
    if (tooLong) message.textContent = `This plan lasts ${duration(seconds)}: a session may last at most ${limits.max_text}.`;
    runBtn.disabled = printBtn.disabled = copyBtn.disabled = saveBtn.disabled = !blocks.length || tooLong;
    // Python's YAML (sent with the page, and recomputed by a kernel after each edit) until an edit
    // here, with no kernel to answer, makes it stale.
    yaml.textContent = edited ? toYaml(slug(titleInput.value), titleInput.value, blocks) : values("yaml");
    return parts;
  }

  let edited = false;
  function update() {
    message.textContent = "";
    edited = true;
    save();
    show();
  }

  addRoutine.addEventListener("click", () => {
    const last = blocks[blocks.length - 1];
    if (last && last.routine === pick.value && last.repeat < limits.max_repeat) last.repeat += 1;
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

  // Python (with a kernel) may change the plan or recompute its YAML: show what the model holds.
  for (const key of ["blocks", "title", "yaml"]) {
    model.on(`change:${key}`, () => {
      if (key === "yaml") edited = false;
      if (key === "blocks") blocks = values("blocks").map((b) => ({ ...b }));
      if (key === "title" && titleInput.value !== values("title")) titleInput.value = values("title");
      show();
    });
  }

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
                           download: `${slug(titleInput.value)}.yaml` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  // The handout: the plan with its times, what each person needs, the red flags, then each exercise's sheet.
  function handoutNode(parts) {
    const page = el("div", { class: "be-handout-print" });
    page.append(el("h2", {}, titleInput.value || "My class"));
    const table = el("table", { class: "be-print-table" });
    const head = el("tr");
    for (const h of ["#", "First", "Part", "Time"]) head.append(el("th", {}, h));
    table.append(el("thead"), el("tbody"));
    table.tHead.append(head);
    parts.forEach(({ block: b, routine: r, moves, own }, i) => {
      const row = el("tr");
      const first = moves.map((m) => `${m.label} (${duration(m.seconds)})`).join("; ");
      for (const text of [String(i + 1), first, blockTitle(b, r), duration(sum(own))]) row.append(el("td", {}, text));
      table.tBodies[0].append(row);
    });
    const seconds = parts.reduce((s, p) => s + sum(p.moves) + sum(p.own), 0);
    page.append(table, el("p", {}, `Total ${duration(seconds)}.`));
    const perPerson = {};
    const equipment = values("equipment");
    for (const { routine: r } of parts) {
      for (const [id, item] of Object.entries(r ? equipment[r.name] : {})) {
        if (!perPerson[id] || item.count > perPerson[id].count) perPerson[id] = item;
      }
    }
    page.append(el("p", { class: "be-print-label" }, "What each person needs"));
    const ul = el("ul");
    for (const item of Object.values(perPerson)) ul.append(el("li", {}, item.words));
    page.append(ul);
    const rest = el("div");
    const names = [...new Set(parts.filter((p) => p.routine).map((p) => p.routine.name))];
    const sheets = values("sheets");
    rest.innerHTML = values("red_flags_html") + "<h3>The exercises</h3>" + names.flatMap((n) => sheets[n]).join("");
    page.append(...rest.childNodes);
    return page;
  }
  printBtn.addEventListener("click", async () => {
    const mod = await handout;
    mod.printAlone(mod.fillFigures(handoutNode(show()), values("poses")));
  });

  // Run the plan in a real session timer, made from the timer module this widget carries.
  let timerCleanup = null;
  const timerUrl = URL.createObjectURL(new Blob([values("timer_esm")], { type: "text/javascript" }));
  const timerModule = import(timerUrl);
  const style = el("style");
  style.textContent = values("timer_css");
  root.append(style);
  runBtn.addEventListener("click", async () => {
    const segments = show().flatMap((p) => [...p.moves, ...p.own]);
    const timerValues = { ...values("timer_state"), title: titleInput.value || "My class", segments, completed: 0, finished: false };
    const timerModel = {
      get: (k) => timerValues[k], set: (k, v) => (timerValues[k] = v), on() {}, off() {}, save_changes() {}, send() {},
    };
    timerCleanup?.();
    timerHost.replaceChildren();
    const mod = await timerModule;
    timerCleanup = mod.default.render({ model: timerModel, el: timerHost });
    timerHost.querySelector(".be-timer")?.focus();
  });

  show();
  return () => {
    timerCleanup?.();
    URL.revokeObjectURL(timerUrl);
  };
}

export default { render };
