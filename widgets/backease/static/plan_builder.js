// Class-plan builder view. The teacher adds routines from the library and talks, orders them,
// sees the total, copies or downloads the plan as YAML, and runs it in a session timer made
// from the timer's own module (carried in this widget's state), all without a kernel.

const MAX_SECONDS = 2 * 60 * 60;

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function duration(seconds) {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m ? `${m} min${s % 60 ? ` ${s % 60} s` : ""}` : `${s} s`;
}

// The same segments as Plan.segments() in Python.
export function planSegments(blocks, library) {
  const byName = Object.fromEntries(library.map((r) => [r.name, r]));
  return blocks.flatMap((b) =>
    b.talk
      ? [{ kind: "talk", label: b.talk, seconds: b.seconds, cue: "Listen, ask, and get ready for what comes next.",
           side: null, reps: null, breathing: null, step: null }]
      : Array.from({ length: b.repeat || 1 }, () => byName[b.routine].segments).flat(),
  );
}

function toYaml(title, blocks) {
  const name = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "my-class";
  const lines = [`name: ${name}`, `title: ${JSON.stringify(title)}`, "blocks:"];
  for (const b of blocks) {
    if (b.talk) lines.push(`  - talk: ${JSON.stringify(b.talk)}`, `    seconds: ${b.seconds}`);
    else lines.push(`  - routine: ${b.routine}`, ...(b.repeat > 1 ? [`    repeat: ${b.repeat}`] : []));
  }
  return { name, text: lines.join("\n") + "\n" };
}

async function render({ model, el: host }) {
  const library = model.get("library");
  const byName = Object.fromEntries(library.map((r) => [r.name, r]));
  let blocks = model.get("blocks").map((b) => ({ ...b }));

  const root = el("section", { class: "be-builder", "aria-label": "Class plan builder", "data-lm-suppress-shortcuts": "true" });
  const titleLabel = el("label", {}, "Name of your class ");
  const titleInput = el("input", { type: "text", value: model.get("title"), class: "be-builder-title" });
  titleLabel.append(titleInput);

  const addRow = el("div", { class: "be-builder-add" });
  const pick = el("select", { "aria-label": "Exercise to add" });
  for (const r of library) pick.append(el("option", { value: r.name }, `${r.title} (${duration(r.seconds)})`));
  const addRoutine = el("button", { type: "button" }, "Add exercise");
  const talkText = el("input", { type: "text", placeholder: "e.g. Welcome and check-in", "aria-label": "Talk: what about" });
  const talkMinutes = el("input", { type: "number", min: "0.5", max: "60", step: "0.5", value: "2", "aria-label": "Talk: minutes" });
  const addTalk = el("button", { type: "button" }, "Add talk");
  addRow.append(pick, addRoutine, talkText, talkMinutes, addTalk);

  const list = el("ol", { class: "be-builder-list", "aria-label": "Your plan" });
  const total = el("p", { class: "be-builder-total", "aria-live": "polite" });
  const message = el("p", { class: "be-builder-message", role: "alert" });
  const yaml = el("pre", { class: "be-builder-yaml", "aria-label": "Your plan as YAML", tabindex: "0" });
  const actions = el("div", { class: "be-builder-actions" });
  const runBtn = el("button", { type: "button", class: "be-builder-run" }, "Run this plan");
  const copyBtn = el("button", { type: "button" }, "Copy YAML");
  const saveBtn = el("button", { type: "button" }, "Download YAML");
  actions.append(runBtn, copyBtn, saveBtn);
  const timerHost = el("div", { class: "be-builder-timer" });
  root.append(titleLabel, addRow, message, list, total, actions, yaml, timerHost);
  host.append(root);

  function save() {
    model.set("title", titleInput.value);
    model.set("blocks", blocks.map((b) => ({ ...b })));
    model.save_changes();
  }

  function blockTitle(b) {
    return b.talk || `${byName[b.routine].title}${b.repeat > 1 ? ` \u00d7 ${b.repeat}` : ""}`;
  }

  function blockSeconds(b) {
    return b.talk ? b.seconds : byName[b.routine].seconds * (b.repeat || 1);
  }

  function move(i, by) {
    const j = i + by;
    if (j < 0 || j >= blocks.length) return;
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
    update();
    list.children[j]?.querySelector(by < 0 ? ".be-up" : ".be-down")?.focus();
  }

  function update() {
    list.replaceChildren();
    blocks.forEach((b, i) => {
      const item = el("li", { class: b.talk ? "be-talk" : "be-exercise" });
      const name = blockTitle(b);
      item.append(el("span", { class: "be-builder-name" }, `${name}: ${duration(blockSeconds(b))}`));
      const tools = el("span", { class: "be-builder-tools" });
      const up = el("button", { type: "button", class: "be-up", "aria-label": `Move ${name} up` }, "\u2191");
      const down = el("button", { type: "button", class: "be-down", "aria-label": `Move ${name} down` }, "\u2193");
      const remove = el("button", { type: "button", "aria-label": `Remove ${name}` }, "\u2715");
      up.disabled = i === 0;
      down.disabled = i === blocks.length - 1;
      up.addEventListener("click", () => move(i, -1));
      down.addEventListener("click", () => move(i, 1));
      remove.addEventListener("click", () => {
        blocks.splice(i, 1);
        update();
      });
      tools.append(up, down, remove);
      item.append(tools);
      list.append(item);
    });
    const seconds = blocks.reduce((s, b) => s + blockSeconds(b), 0);
    total.textContent = blocks.length ? `Total: ${duration(seconds)} in ${blocks.length} parts` : "Your plan is empty: add an exercise.";
    const tooLong = seconds > MAX_SECONDS;
    message.textContent = tooLong ? `This plan lasts ${duration(seconds)}: a session may last at most 2 hours.` : "";
    runBtn.disabled = copyBtn.disabled = saveBtn.disabled = !blocks.length || tooLong;
    yaml.textContent = toYaml(titleInput.value, blocks).text;
    save();
  }

  addRoutine.addEventListener("click", () => {
    const last = blocks[blocks.length - 1];
    if (last && last.routine === pick.value && last.repeat < 10) last.repeat += 1;
    else blocks.push({ routine: pick.value, repeat: 1 });
    update();
  });
  addTalk.addEventListener("click", () => {
    const text = talkText.value.trim();
    const minutes = Number(talkMinutes.value);
    if (!text) return (message.textContent = "Say what the talk is about, e.g. \u201cWelcome and check-in\u201d.");
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 60) {
      return (message.textContent = `Minutes must be a number from 0.5 to 60, got \u201c${talkMinutes.value}\u201d.`);
    }
    blocks.push({ talk: text, seconds: Math.round(minutes * 60) });
    talkText.value = "";
    update();
  });
  titleInput.addEventListener("input", update);

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
    const { name, text } = toYaml(titleInput.value, blocks);
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/yaml" })), download: `${name}.yaml` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  // Run the plan in a real session timer, made from the timer module this widget carries.
  let timerCleanup = null;
  const timerUrl = URL.createObjectURL(new Blob([model.get("timer_esm")], { type: "text/javascript" }));
  const timerModule = import(timerUrl);
  const style = el("style");
  style.textContent = model.get("timer_css");
  root.append(style);
  runBtn.addEventListener("click", async () => {
    const values = { ...model.get("timer_state"), title: titleInput.value || "My class", segments: planSegments(blocks, library), completed: 0, finished: false };
    const timerModel = {
      get: (k) => values[k], set: (k, v) => (values[k] = v), on() {}, off() {}, save_changes() {}, send() {},
    };
    timerCleanup?.();
    timerHost.replaceChildren();
    const mod = await timerModule;
    timerCleanup = mod.default.render({ model: timerModel, el: timerHost });
    timerHost.querySelector(".be-timer")?.focus();
  });

  update();
  return () => {
    timerCleanup?.();
    URL.revokeObjectURL(timerUrl);
  };
}

export default { render };
