// Guided check view: a walkthrough shown one step at a time, answers as buttons, then a
// result with a summary to copy or print. The same ES module runs in Jupyter and on the
// built book page (through the book's offline widget loader). Everything stays in this
// page: answers and typed numbers are never sent anywhere, not even to the kernel.

const HOW_TO_TYPE = "Type the number of millimetres, for example 12.";
const NUMBER = /^([+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)) *(?:mm)?$/i;

// The same rules and messages as backease.walkthroughs.read_mm (a browser test compares them).
export function readMm(raw, maxMm) {
  const text = String(raw).trim();
  if (!text) return { error: HOW_TO_TYPE };
  const number = NUMBER.exec(text);
  if (!number) return { error: `“${text}” is not a number. ${HOW_TO_TYPE}` };
  const shown = number[1];
  const mm = Number(shown.replace(",", "."));
  if (mm < 0) return { error: `${shown} mm is less than zero. ${HOW_TO_TYPE}` };
  if (mm === 0) return { error: "0 mm means no books were needed. If the hands were level, go back and choose “Level”." };
  if (mm > maxMm) {
    return { error: `${shown} mm is more than ${maxMm} mm, which is too much for this check. Measure again in millimetres (1 cm is 10 mm).` };
  }
  return { mm };
}

function noteFor(measure, mm) {
  const reached = measure.notes.filter(([low]) => mm >= low);
  return reached.length ? reached.reduce((a, b) => (b[0] > a[0] ? b : a))[1] : "";
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

let counter = 0; // unique ids when a page shows several checks

function render({ model, el: host }) {
  const data = model.get("walkthrough");
  const figures = model.get("figures");
  const uid = `be-check-${++counter}`;

  // data-lm-suppress-shortcuts: in JupyterLab, keys pressed here (Enter, Space, typing a
  // number) go to the check, not to the notebook's command-mode shortcuts.
  const root = el("section", {
    class: "be-check", "aria-label": `Guided check: ${data.title}`, "data-lm-suppress-shortcuts": "true",
  });
  const title = el("h3", { class: "be-title" }, data.title);
  const stage = el("div", { class: "be-stage" });
  const nav = el("div", { class: "be-nav", role: "group", "aria-label": "Move through the check" });
  const backBtn = el("button", { type: "button", class: "be-back" }, "Back");
  const restartBtn = el("button", { type: "button", class: "be-restart" }, "Start over");
  const live = el("p", { class: "be-live", role: "status", "aria-live": "polite" });
  nav.append(backBtn, restartBtn);
  root.append(title, stage, nav, live);
  host.append(root);

  let at = data.start; // id of the step or outcome shown
  let trail = []; // the steps answered so far, to go back
  let mm = null; // a valid measurement for the outcome shown, or null

  const isOutcome = (id) => id in data.outcomes;
  const announce = (text) => (live.textContent = text);

  function go(id, { focus = true } = {}) {
    at = id;
    mm = null;
    draw();
    // Move focus to the start of the new content, so reading (and Tab) goes on from there.
    if (focus) stage.querySelector("[data-focus]").focus();
    announce(isOutcome(id) ? `Result: ${data.outcomes[id].title}. ${data.outcomes[id].found}` : `Step ${trail.length + 1}. ${data.steps[id].question}`);
  }

  function choose(answer) {
    trail.push(at);
    go(answer.goto);
  }

  // --- a step -------------------------------------------------------------------------
  function drawStep(step) {
    stage.append(el("p", { class: "be-progress", tabindex: "-1", "data-focus": "" }, `Step ${trail.length + 1}`));
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
  // The summary as [label, text] rows: shown on the page, copied as "label: text" lines.
  function summaryRows(outcome) {
    const rows = [
      ["Date", new Date().toLocaleDateString()],
      ["Result", outcome.title],
      ["What was found", outcome.found],
    ];
    if (outcome.lower_side) rows.push(["Lower side", outcome.lower_side]);
    if (outcome.measure && mm === null) rows.push(["Estimated difference", "not entered yet"]);
    if (outcome.measure && mm !== null) {
      rows.push(["Estimated difference", `about ${mm} mm (the books under the ${outcome.lower_side} foot)`]);
      rows.push(["Note", noteFor(outcome.measure, mm)]);
    }
    rows.push(["Advice", outcome.advice]);
    return rows.filter(([, text]) => text);
  }

  function drawOutcome(outcome) {
    stage.append(el("h4", { class: "be-outcome-title", tabindex: "-1", "data-focus": "" }, `Result: ${outcome.title}`));
    const summary = el("div", { class: "be-summary", role: "region", "aria-labelledby": `${uid}-s` });
    const summaryTitle = el("h5", { id: `${uid}-s` }, "Summary");
    const summaryText = el("div", { class: "be-summary-text" });
    const actions = el("div", { class: "be-summary-actions" });
    const copyBtn = el("button", { type: "button", class: "be-copy" }, "Copy summary");
    const printBtn = el("button", { type: "button", class: "be-print" }, "Print");
    const status = el("p", { class: "be-copy-status" });
    actions.append(copyBtn, printBtn);
    summary.append(summaryTitle, summaryText, actions, status);

    const fillSummary = () => {
      summaryText.replaceChildren(...summaryRows(outcome).map(([label, text]) => {
        const row = el("p");
        row.append(el("strong", {}, `${label}:`), ` ${text}`);
        return row;
      }));
    };

    if (outcome.measure) {
      const form = el("form", { class: "be-measure", novalidate: "" });
      const label = el("label", { for: `${uid}-mm` }, outcome.measure.prompt);
      const row = el("div", { class: "be-measure-row" });
      const input = el("input", {
        id: `${uid}-mm`, type: "text", inputmode: "decimal", autocomplete: "off",
        "aria-describedby": `${uid}-mm-error`, size: "6",
      });
      const unit = el("span", { class: "be-unit" }, "mm");
      const save = el("button", { type: "submit", class: "be-save" }, "Add to summary");
      const error = el("p", { class: "be-error", id: `${uid}-mm-error` });
      row.append(input, unit, save);
      form.append(label, row, error);
      // Enter submits explicitly: in JupyterLab the form's own Enter-to-submit does not happen.
      input.addEventListener("keydown", (event) => {
        if (event.key !== "Enter") return;
        event.preventDefault();
        form.requestSubmit();
      });
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const result = readMm(input.value, outcome.measure.max_mm);
        error.textContent = result.error || "";
        input.setAttribute("aria-invalid", String(Boolean(result.error)));
        mm = result.error ? null : result.mm;
        fillSummary();
        announce(result.error ? `Not added: ${result.error}` : `Added to the summary: about ${mm} mm.`);
        if (result.error) input.focus();
      });
      stage.append(form);
    }
    fillSummary();
    stage.append(summary);

    copyBtn.addEventListener("click", async () => {
      const rows = summaryRows(outcome).map(([label, text]) => `${label}: ${text}`);
      const text = [`${data.title}: summary`, ...rows].join("\n");
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

  function draw() {
    stage.replaceChildren();
    root.dataset.node = at;
    if (isOutcome(at)) drawOutcome(data.outcomes[at]);
    else drawStep(data.steps[at]);
    backBtn.disabled = trail.length === 0;
    restartBtn.disabled = trail.length === 0;
  }

  backBtn.addEventListener("click", () => {
    if (trail.length) go(trail.pop());
  });
  restartBtn.addEventListener("click", () => {
    trail = [];
    go(data.start);
  });

  draw();
}

export default { render };
