// Guided check view: a walkthrough shown one step at a time, answers as buttons, then a
// result with a summary to copy or print. The same ES module runs in Jupyter and on the
// built book page (through the book's offline widget loader). Everything stays in this
// page: answers and typed numbers are never sent anywhere, not even to the kernel.

// How a typed number is read comes from Python (backease.model.walkthroughs.mm_rules): the pattern,
// the limits and every message. The first rule that fails gives the message.
export function readNumber(raw, rules) {
  const text = String(raw).trim();
  const pattern = rules.find((r) => r.test === "pattern").pattern;
  const number = new RegExp(`^(?:${pattern})$`, "i").exec(text);
  const shown = number ? number[1] : "";
  const value = number ? Number(shown.replace(",", ".")) : NaN;
  const fails = {
    empty: () => !text,
    pattern: () => !shown,
    below: (limit) => value < limit,
    equal: (limit) => value === limit,
    above: (limit) => value > limit,
  };
  const failed = rules.find((rule) => fails[rule.test](rule.value));
  return failed ? { error: fill(failed.message, { text, shown }) } : { mm: value };
}

// The rows of an outcome's summary, as Python wrote them; once a number is read, the measured
// rows with the number and the note of the first band it reaches.
function summaryRows(outcome, mm) {
  if (!outcome.measure || mm === null) return outcome.summary;
  const band = outcome.measure.bands.find((b) => mm >= b.from_mm);
  const values = { mm, note: band ? band.note : "" };
  return outcome.measure.summary.map(([label, text]) => [label, fill(text, values)]).filter(([, text]) => text);
}

const START = { trail: [], mm: null }; // no answers yet: at the start, nothing measured

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
  const progress = () => model.get("progress") || START;
  const at = () => { // id of the step or outcome shown
    const id = progress().at;
    return id && (id in data().steps || id in data().outcomes) ? id : data().start;
  };
  const isOutcome = (id) => id in data().outcomes;
  let acting = false; // this view made the change: it moves focus and announces

  function move(next) {
    acting = true;
    model.set("progress", next);
  }

  function choose(answer) {
    move({ at: answer.goto, trail: [...progress().trail, at()], mm: null });
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
      button.addEventListener("click", () => choose(answer));
      answers.append(button);
    }
    stage.append(question, answers);
  }

  // --- an outcome ---------------------------------------------------------------------
  function drawOutcome(outcome) {
    const { mm } = progress();
    const rows = [["Date", new Date().toLocaleDateString()], ...summaryRows(outcome, mm)];
    stage.append(el("h4", { class: "be-outcome-title", tabindex: "-1", "data-focus": "" }, `Result: ${outcome.title}`));
    const summary = el("div", { class: "be-summary", role: "region", "aria-labelledby": `${uid}-s` });
    const summaryText = el("div", { class: "be-summary-text" });
    summaryText.append(...rows.map(([label, text]) => {
      const row = el("p");
      row.append(el("strong", {}, `${label}:`), ` ${text}`);
      return row;
    }));
    const actions = el("div", { class: "be-summary-actions" });
    const copyBtn = el("button", { type: "button", class: "be-copy" }, "Copy summary");
    const printBtn = el("button", { type: "button", class: "be-print" }, "Print");
    const status = el("p", { class: "be-copy-status" });
    actions.append(copyBtn, printBtn);
    summary.append(el("h5", { id: `${uid}-s` }, "Summary"), summaryText, actions, status);

    if (outcome.measure) stage.append(measureForm(outcome.measure));
    stage.append(summary);

    copyBtn.addEventListener("click", async () => {
      const text = [`${data().title}: summary`, ...rows.map(([label, value]) => `${label}: ${value}`)].join("\n");
      let message;
      try {
        await navigator.clipboard.writeText(text);
        message = "Summary copied. You can paste it into a message or a note.";
      } catch (err) {
        // No clipboard here (an older browser, or a page served without https): select the text instead.
        const range = document.createRange();
        range.selectNodeContents(summaryText);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        message = "The summary is selected. Copy it with Ctrl+C (⌘+C on a Mac), or your phone's Copy.";
      }
      status.textContent = message;
      announce(message);
    });

    printBtn.addEventListener("click", () => {
      // Print only this summary: checks.css hides everything else while data-be-print is set.
      const page = document.documentElement;
      summary.classList.add("be-print-target");
      page.dataset.bePrint = "summary";
      const done = () => {
        summary.classList.remove("be-print-target");
        delete page.dataset.bePrint;
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    });
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
      if (mm !== progress().mm) move({ ...progress(), mm });
      else draw();
      announce(result.error ? `Not added: ${result.error}` : `Added to the summary: about ${mm} mm.`);
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

  backBtn.addEventListener("click", () => {
    const trail = progress().trail;
    if (trail.length) move({ at: trail[trail.length - 1], trail: trail.slice(0, -1), mm: null });
  });
  restartBtn.addEventListener("click", () => move(START));

  const redraw = () => draw();
  const restart = () => { // a new walkthrough from Python starts again
    model.set("progress", START);
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
