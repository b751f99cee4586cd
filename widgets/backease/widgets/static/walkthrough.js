// Guided check view: a walkthrough shown one step at a time, answers as buttons, then a
// result with a summary to copy or print. It draws the place walkthrough_state.js gives and sends it
// the reader's answers; rules.js reads a typed number and fills the summary as Python does. The same
// ES module runs in Jupyter and on the built book page (through the book's offline widget loader).
// Everything stays in this page: answers and typed numbers are never sent anywhere, not even to the kernel.

// Where the reader is lives in the front-end model under "progress" (never saved, so never sent
// to the kernel): every view of one widget shows the same step, and a new walkthrough or figure
// set from Python redraws them all.
function render({ model, el: host }) {
  const uid = uniqueId("be-check");
  // data-lm-suppress-shortcuts: in JupyterLab, keys pressed here (Enter, Space, typing a
  // number) go to the check, not to the notebook's command-mode shortcuts.
  const root = el("section", { class: "be-card be-check", "data-lm-suppress-shortcuts": "true" });
  const title = el("h3", { class: "be-title" });
  const stage = el("div", { class: "be-stage" });
  const nav = el("div", { class: "be-nav", role: "group", "aria-label": "Move through the check" });
  const backBtn = el("button", { type: "button", class: "be-back" }, "Back");
  const restartBtn = el("button", { type: "button", class: "be-restart" }, "Start over");
  const live = el("p", { class: "be-live", role: "status", "aria-live": "polite" });
  nav.append(backBtn, restartBtn);
  root.append(title, stage, nav, live);
  host.append(root);

  const data = () => model.get("walkthrough");
  const progress = () => checkPlace(data(), model.get("progress"));
  const at = () => progress().at; // id of the step or outcome shown
  const isOutcome = (id) => Object.hasOwn(data().outcomes, id);
  let acting = false; // this view made the change: it moves focus and announces

  function send(event) {
    acting = true;
    model.set("progress", checkNext(data(), progress(), event));
  }

  // --- a step -------------------------------------------------------------------------
  function drawStep(step) {
    const figures = model.get("figures");
    stage.append(el("p", { class: "be-progress", tabindex: "-1", "data-focus": "" }, `Step ${progress().trail.length + 1}`));
    if (step.figure && figures[step.figure]) {
      stage.append(el("img", {
        class: "be-figure",
        alt: step.figure_alt,
        src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figures[step.figure])}`,
      }));
    }
    stage.append(el("p", { class: "be-instruction" }, step.instruction));
    const question = el("h4", { class: "be-question", id: `${uid}-q` }, step.question);
    const answers = el("div", { class: "be-answers", role: "group", "aria-labelledby": `${uid}-q` });
    for (const answer of step.answers) {
      const button = el("button", { type: "button", class: "be-answer" }, answer.label);
      button.addEventListener("click", () => send({ type: "answer", label: answer.label }));
      answers.append(button);
    }
    stage.append(question, answers);
  }

  // --- an outcome ---------------------------------------------------------------------
  function drawOutcome(outcome) {
    const { mm } = progress();
    const rows = [["Date", new Date().toLocaleDateString()], ...summaryRows(outcome, mm)];
    stage.append(el("h4", { class: "be-outcome-title", tabindex: "-1", "data-focus": "" }, `Result: ${outcome.title}`));
    if (outcome.measure) stage.append(measureForm(outcome.measure));
    stage.append(summaryCard(`${uid}-s`, data().title, rows, announce));
  }

  // What was typed, and its error, belong to this view; they are kept while the reader stays on the outcome.
  let typed = { text: "", error: "" };

  function measureForm(measure) {
    const form = el("form", { class: "be-measure", novalidate: "" });
    const label = el("label", { for: `${uid}-mm` }, measure.prompt);
    const row = el("div", { class: "be-measure-row" });
    const input = el("input", {
      id: `${uid}-mm`, class: "be-mm", type: "text", inputmode: "decimal", autocomplete: "off",
      "aria-describedby": `${uid}-mm-error`, size: "6",
    });
    input.value = typed.text;
    if (typed.error) input.setAttribute("aria-invalid", "true");
    const save = el("button", { type: "submit", class: "be-save" }, "Add to summary");
    const error = el("p", { class: "be-error", id: `${uid}-mm-error` }, typed.error);
    row.append(input, el("span", { class: "be-unit" }, "mm"), save);
    form.append(label, row, error);
    // Enter submits explicitly: in JupyterLab the form's own Enter-to-submit does not happen.
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      form.requestSubmit();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const result = readNumber(input.value, measure.rules);
      typed = { text: input.value, error: result.error || "" };
      const mm = result.error ? null : result.mm;
      if (mm !== progress().mm) send({ type: "measure", mm });
      else draw();
      announce(result.error ? `Not added: ${result.error}` : `Added to the summary: about ${formatG(mm)} mm.`);
      if (result.error) stage.querySelector(".be-mm").focus();
    });
    return form;
  }

  function announce(text) {
    live.textContent = text;
  }

  function draw() {
    const id = at();
    const walkthrough = data();
    if (stage.dataset.shown !== id) typed = { text: "", error: "" };
    // Drawing replaces the stage: keep focus on the same control if it was in it.
    const focused = stage.contains(document.activeElement) ? document.activeElement.className : "";
    title.textContent = walkthrough.title;
    root.setAttribute("aria-label", `Guided check: ${walkthrough.title}`);
    stage.replaceChildren();
    root.dataset.node = id;
    stage.dataset.shown = id;
    if (isOutcome(id)) drawOutcome(walkthrough.outcomes[id]);
    else drawStep(walkthrough.steps[id]);
    backBtn.disabled = progress().trail.length === 0;
    restartBtn.disabled = progress().trail.length === 0;
    if (focused) stage.querySelector(`.${focused.split(" ")[0]}`)?.focus();
  }

  function onProgress() {
    const movedOn = acting && stage.dataset.shown !== at();
    acting = false;
    draw();
    if (!movedOn) return; // only the number changed, or another view moved
    // Move focus to the start of the new content, so reading (and Tab) goes on from there.
    stage.querySelector("[data-focus]").focus();
    const id = at();
    const node = data().outcomes[id];
    announce(node ? `Result: ${node.title}. ${node.found}` : `Step ${progress().trail.length + 1}. ${data().steps[id].question}`);
  }

  backBtn.addEventListener("click", () => send({ type: "back" }));
  restartBtn.addEventListener("click", () => send({ type: "restart" }));

  const redraw = () => draw();
  const restart = () => { // a new walkthrough from Python starts again
    model.set("progress", checkStart(data()));
    draw();
  };
  const unlisten = [listen(model, ["progress"], onProgress), listen(model, ["walkthrough"], restart),
    listen(model, ["figures"], redraw)];
  draw();
  return () => {
    unlisten.forEach((off) => off());
  };
}

export default { render };
