// My routine view: pick routines from the library (or start from a ready-made one), put them
// in order, keep the list in this browser, share it as a link or a file, and run it as one
// session in the guide's own timer. Routines, their segments and totals come from Python;
// a shared routine lives in the link's fragment (after #), which is never sent to a server.
// The routine and its edits are my_routine_state.js's, keeping it my_routine_store.js's, the link and
// the checks rules.js's; this view sends the reader's edits and shows what comes of them.
// With the reader's conditions (ticked on the conditions page, conditions_store.js), it leaves out of
// its choices the routines a card says not to do, marks those to ask a clinician about first, and shows
// each chosen routine's answers (a routine opened from a link or file is marked the same way).

async function render({ model, el: host }) {
  const library = model.get("library");
  const limits = model.get("limits");
  const written = (seconds) => duration(seconds, model.get("units").written);
  const byName = Object.fromEntries(library.map((r) => [r.name, r]));
  let routine = { title: model.get("title"), names: [...model.get("names")] };
  const cond = model.get("conditions");
  let mine = readConditions(cond);
  const answersOf = (name) => answersFor(byName[name].answers, mine.mine);
  const verdict = (name) => answersOf(name)[0]?.advice ?? "";

  // Python's limits, words and library, for the checks of rules.js (checkPayload, problem).
  const widget = { limits, problems: model.get("problems"), units: model.get("units"), byName };

  // --- view -------------------------------------------------------------------------
  const root = el("section", { class: "be-mine", "aria-label": "My routine", "data-lm-suppress-shortcuts": "true" });
  const message = el("p", { class: "be-mine-message", role: "alert" });
  const presets = el("div", { class: "be-mine-presets", role: "group", "aria-label": "Start from a ready-made routine" });
  const presetButtons = model.get("presets").map((name) => {
    const b = el("button", { type: "button", "data-preset": name }, `Start from: ${byName[name].title}`);
    b.addEventListener("click", () => send({ type: "start", name },
      `Your routine now starts from “${byName[name].title}”. Add more below, or run it as it is.`));
    return b;
  });
  const titleLabel = el("label", { class: "be-mine-title" }, "Name of your routine ");
  const titleInput = el("input", { type: "text", maxlength: String(limits.max_title) });
  titleLabel.append(titleInput);
  const addRow = el("div", { class: "be-mine-add" });
  const pick = el("select", { "aria-label": "Exercise to add" });
  const addBtn = el("button", { type: "button" }, "Add");
  addRow.append(pick, addBtn);
  const condNote = el("div", { class: "be-mine-conditions" });
  const list = el("ol", { class: "be-mine-list", "aria-label": "Your routine, in order" });
  const total = el("p", { class: "be-mine-total", "aria-live": "polite" });
  const actions = el("div", { class: "be-mine-actions" });
  const runBtn = el("button", { type: "button", class: "be-mine-run" }, "Run my routine");
  const linkBtn = el("button", { type: "button" }, "Make a link");
  const fileBtn = el("button", { type: "button" }, "Download as a file");
  const openLabel = el("label", { class: "be-mine-open" }, "Open a routine file ");
  const openInput = el("input", { type: "file", accept: ".json,application/json" });
  openLabel.append(openInput);
  actions.append(runBtn, linkBtn, fileBtn, openLabel);
  const linkBox = el("p", { class: "be-mine-link" });
  const timerHost = el("div", { class: "be-mine-timer" });
  root.append(message, condNote, presets, titleLabel, addRow, list, total, actions, linkBox, timerHost);
  host.append(root);

  const current = () => routinePayload(routine, limits);

  let keeping = false; // our own model.set calls, not Python's
  function keep() {
    keeping = true;
    model.set("title", routine.title);
    model.set("names", [...routine.names]);
    model.save_changes();
    keeping = false;
    try {
      keepRoutine(current());
    } catch (err) {
      message.textContent = `${refusal(widget.problems.refused, "Your routine was not kept", err)} You can still share it as a link or a file.`;
    }
  }

  // The choices, without the routines a card says not to do with the reader's conditions, and why.
  function choices() {
    const left = library.filter((r) => verdict(r.name) === "dont");
    pick.replaceChildren(...library.filter((r) => !left.includes(r)).map((r) => el("option", { value: r.name },
      `${r.title} (${r.total})${verdict(r.name) === "ask" ? ` (${cond.words.ask_mark})` : ""}`)));
    presets.replaceChildren(...presetButtons.filter((b) => verdict(b.dataset.preset) !== "dont"));
    presets.hidden = !presets.children.length;
    condNote.replaceChildren(...leftOutNote(cond, mine, left, answersOf));
  }

  // An edit: the new routine shown, kept, and `note` said unless the routine cannot be shared.
  function send(event, note = "") {
    routine = routineNext(routine, event, widget);
    if (titleInput.value !== routine.title) titleInput.value = routine.title;
    update(note);
  }

  function move(i, by) {
    send({ type: "move", index: i, by });
    list.children[i + by]?.querySelector(by < 0 ? ".be-up" : ".be-down")?.focus();
  }

  function update(note = "") {
    const { names } = routine;
    const shown = routineShown(routine, widget);
    list.replaceChildren();
    names.forEach((name, i) => {
      const r = byName[name];
      const item = el("li");
      item.append(el("span", { class: "be-mine-name" }, `${r.title}: ${r.total}`));
      item.append(rowTools("be-mine-tools", r.title, i, names.length, move, (at) => send({ type: "remove", index: at })));
      if (answersOf(name).length) item.append(routineAnswers(cond, answersOf(name)));
      list.append(item);
    });
    total.textContent = names.length ? `Total: ${written(shown.seconds)} (${names.length} exercise${names.length === 1 ? "" : "s"})`
      : "Your routine is empty: add an exercise, or start from a ready-made routine.";
    message.textContent = shown.problem || note;
    runBtn.disabled = linkBtn.disabled = fileBtn.disabled = !shown.canShare;
    addBtn.disabled = !shown.canAdd;
    linkBox.replaceChildren();
    keep();
  }

  // Open a shared routine: everything is checked first, so a bad one changes nothing.
  function open(read, how) {
    let data;
    try {
      data = read();
    } catch (err) {
      message.textContent = `${err.message} Nothing was changed.`;
      return;
    }
    send({ type: "open", data }, `Opened “${data.title}” ${how}. It is ready: press Start on the timer below.`);
    run();
  }

  // --- running ----------------------------------------------------------------------
  const timer = embeddedTimer(model, timerHost);
  function run() {
    const { title, routines } = current();
    timer.run({ title, segments: routines.flatMap((n) => byName[n].segments), session_id: `my-routine.${routines.join("+")}` });
  }

  // --- input ------------------------------------------------------------------------
  addBtn.addEventListener("click", () => send({ type: "add", name: pick.value }));
  titleInput.addEventListener("input", () => send({ type: "title", text: titleInput.value }));
  runBtn.addEventListener("click", run);
  linkBtn.addEventListener("click", () => {
    const url = new URL(window.location.href);
    url.hash = routineFragment(current(), limits);
    const field = el("input", { type: "text", readonly: "", class: "be-mine-url", "aria-label": "Link to your routine" });
    field.value = url.href;
    linkBox.replaceChildren("Send this link; it opens your routine ready to run: ", field);
    field.focus();
    field.select();
  });
  fileBtn.addEventListener("click", () => {
    downloadRoutine(current());
  });
  openInput.addEventListener("change", async () => {
    const file = openInput.files[0];
    if (!file) return;
    const text = await file.text();
    open(() => routineFromFile(file.name, text, widget), "from the file");
    openInput.value = "";
  });

  // --- start: a link's routine, else the one kept in this browser --------------------
  try {
    const saved = checkPayload(keptRoutine(), "saved", widget);
    routine = { title: saved.title, names: [...saved.routines] };
  } catch (err) {
    // nothing kept yet, or kept by an older guide: start empty
  }
  titleInput.value = routine.title;
  choices();
  update();
  // Python set the list or the name (in Jupyter): show it.
  const fromPython = () => {
    if (keeping) return;
    const wanted = model.get("names");
    if (wanted.join() === routine.names.join() && model.get("title") === routine.title) return;
    send({ type: "set", names: wanted, title: model.get("title") });
  };
  const unlisten = listen(model, ["names", "title"], fromPython);
  const unlistenConditions = onConditionsChange(cond, () => {
    mine = readConditions(cond);
    choices();
    update();
  });
  if (window.location.hash.slice(1).startsWith(limits.fragment)) open(() => routineFromFragment(window.location.hash, widget), "from the link");
  return () => {
    timer.stop();
    unlisten();
    unlistenConditions();
  };
}

export default { render };
