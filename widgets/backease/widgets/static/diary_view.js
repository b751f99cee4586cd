// Progress page view: the reader's practice diary, read from this browser only. Sessions per
// week and pain before and after as SVG charts (diary_charts.js, with a table for screen readers),
// export as CSV, or as JSON with the home plan and conditions; import such a file (all or nothing, asking
// when its plan or conditions differ from this browser's), delete everything, and print a one-page summary
// for a clinician (words and layout from Python, numbers from rules.js's diarySummary). What it shows is
// computed in diary_state.js, and kept by diary_store.js; this part draws it. Nothing is sent anywhere.

// A file the reader downloads, made on this device.
function download(name, text, type) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function render({ model, el: host }) {
  const spec = model.get("spec");
  const [file, words, home, store] = ["file", "words", "home", "conditions_store"].map((k) => model.get(k));
  const conditionIds = store.ids;
  let charts = model.get("charts");
  let diary = null;
  try {
    diary = openDiary(spec);
    diary.entries();
  } catch (err) {
    host.append(el("p", { class: "be-diary-privacy" }, spec.privacy),
      el("p", { role: "alert" }, refusal(spec.refused, "The diary cannot be opened in this browser", err)));
    return;
  }

  const root = el("section", { class: "be-progress", "aria-label": "Your practice diary" });
  const privacy = el("p", { class: "be-diary-privacy" }, spec.privacy);
  const message = el("p", { class: "be-progress-message", role: "status" });
  const summary = el("p", { class: "be-progress-summary" });
  const weeksBox = el("figure", { class: "be-figure" });
  const painBox = el("figure", { class: "be-figure" });
  const tableBox = el("details", { class: "be-progress-table" });
  const addBox = el("div", { class: "be-progress-add" });
  const tools = el("div", { class: "be-progress-tools", role: "group", "aria-label": "Your diary file" });
  const csvBtn = el("button", { type: "button" }, "Export CSV");
  const jsonBtn = el("button", { type: "button" }, "Export JSON");
  const importLabel = el("label", { class: "be-progress-import" }, "Import a JSON diary ");
  const importInput = el("input", { type: "file", accept: ".json,application/json" });
  importLabel.append(importInput);
  const deleteBtn = el("button", { type: "button", class: "be-progress-delete" }, "Delete everything");
  const summaryBtn = el("button", { type: "button", class: "be-progress-summary-print" }, model.get("clinician").button);
  const confirmBox = el("div", { class: "be-progress-confirm", role: "alertdialog", "aria-label": "Delete the whole diary?" });
  const askBox = el("div", { class: "be-progress-ask", role: "alertdialog", "aria-label": "Which do you want to keep?" });
  tools.append(summaryBtn, csvBtn, jsonBtn, importLabel, deleteBtn);
  root.append(privacy, summary, message, weeksBox, painBox, tableBox, addBox, tools, confirmBox, askBox);
  host.append(root);

  function table(rows) {
    const t = el("table");
    t.append(el("caption", {}, "Every session in your diary"));
    const head = el("tr");
    for (const h of ["Date", "Session", "Time", "Pain before", "Pain after", "How it felt", "Note"]) head.append(el("th", { scope: "col" }, h));
    t.append(el("thead"));
    t.tHead.append(head);
    const body = el("tbody");
    for (const [when, ...cells] of rows) {
      const row = el("tr");
      [new Date(when).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }), ...cells]
        .forEach((c, i) => row.append(el(i ? "td" : "th", i ? {} : { scope: "row" }, String(c))));
      body.append(row);
    }
    t.append(body);
    return t;
  }

  // What is kept besides the diary (its problems say why a part cannot be used); null when storage is off.
  const kept = () => {
    try {
      return readKept(spec, home, store);
    } catch (err) {
      return null;
    }
  };

  function draw() {
    const entries = diary.entries();
    const state = diaryState(spec, charts, entries, Date.now());
    summary.textContent = state.line;
    root.dataset.entries = String(state.count);
    weeksBox.replaceChildren(el("figcaption", {}, "Sessions per week"), weeksChart(state.weeks));
    painBox.replaceChildren(el("figcaption", {}, charts.pain_caption), painChart(state.rated, charts));
    tableBox.replaceChildren(el("summary", {}, "Show the diary as a table"), table(state.rows));
    tableBox.hidden = !state.count;
    const now = kept();
    csvBtn.disabled = deleteBtn.disabled = summaryBtn.disabled = !state.count;
    jsonBtn.disabled = !(state.count || now?.home_plan || now?.conditions);
  }

  function showAdd() {
    const open = el("button", { type: "button" }, "Add a session by hand");
    open.addEventListener("click", () => {
      const form = entryForm(spec, { session: charts.manual }, {
        onSaved: () => {
          message.textContent = spec.saved;
          showAdd();
          draw();
        },
        onCancel: showAdd,
      });
      addBox.replaceChildren(form);
      form.querySelector("select")?.focus();
    });
    addBox.replaceChildren(open);
  }

  const stamp = () => new Date().toISOString().slice(0, 10);
  summaryBtn.addEventListener("click", async () => {
    const { printAlone } = await importText(model.get("print_esm"));
    const now = kept();
    const sum = diarySummary(model.get("summary"), home, now?.home_plan ?? null, diary.entries());
    printAlone(clinicianSummary(sum, model.get("clinician")));
  });
  csvBtn.addEventListener("click", () => download(`back-diary-${stamp()}.csv`, diary.csv(), "text/csv"));
  jsonBtn.addEventListener("click", () => {
    const { text, notes } = exportFile(spec, file, words, readKept(spec, home, store));
    download(`back-diary-${stamp()}.json`, text, "application/json");
    message.textContent = notes.join(" ");
  });

  // Import: the whole file is checked first; then, if its plan or conditions differ from this browser's, the
  // reader chooses; then everything is kept at once, or nothing (storage full or off).
  function finish(plan, incoming, choice) {
    askBox.replaceChildren();
    if (choice === "cancel") {
      message.textContent = words.nothing;
      return;
    }
    const { writes, message: said } = importWrites(spec, home, store, words, plan, incoming, choice);
    try {
      keepAll(writes);
      message.textContent = said;
    } catch (err) {
      message.textContent = refusal(spec.refused, words.not_imported, err);
    }
    draw();
  }
  importInput.addEventListener("change", async () => {
    const chosen = importInput.files[0];
    importInput.value = "";
    if (!chosen) return;
    askBox.replaceChildren();
    let incoming, now;
    try {
      incoming = readDiaryFile(spec, file, home, conditionIds, await chosen.text(), "This file");
      now = readKept(spec, home, store);
    } catch (err) {
      message.textContent = `${err.message.replace(/\.$/, "")}. ${words.nothing}`;
      return;
    }
    const plan = importPlan(spec, now, incoming);
    if (plan.plan !== "differs" && plan.conditions !== "differs") return finish(plan, incoming, null);
    const { ask, lines } = importQuestion(home, store, words, plan, now, incoming);
    message.textContent = "";
    const list = el("ul");
    for (const [part, mine, theirs] of lines) {
      const item = el("li");
      item.append(el("strong", {}, `${part[0].toUpperCase()}${part.slice(1)}: `), `${mine} ${theirs}`);
      list.append(item);
    }
    const buttons = ["use_theirs", "keep_mine", "cancel"].map((k) => el("button", { type: "button", "data-choice": k }, words[k]));
    askBox.replaceChildren(el("p", {}, ask), list, ...buttons);
    const choices = { use_theirs: "theirs", keep_mine: "mine", cancel: "cancel" };
    for (const b of buttons) b.addEventListener("click", () => finish(plan, incoming, choices[b.dataset.choice]));
    buttons[1].focus();
  });
  deleteBtn.addEventListener("click", () => {
    const n = diary.entries().length;
    const yes = el("button", { type: "button", class: "be-progress-yes" }, "Yes, delete everything");
    const no = el("button", { type: "button" }, "Keep my diary");
    confirmBox.replaceChildren(el("p", {}, `Delete all ${n} sessions from this browser? This cannot be undone. Export first if you want a copy.`), yes, no);
    yes.addEventListener("click", () => {
      diary.clear();
      confirmBox.replaceChildren();
      message.textContent = "Your diary is deleted from this browser.";
      draw();
    });
    no.addEventListener("click", () => {
      confirmBox.replaceChildren();
      deleteBtn.focus();
    });
    no.focus();
  });
  const onStorage = (event) => [spec.key, home.store_key, store.key].includes(event.key) && draw();
  window.addEventListener("storage", onStorage);
  const onCharts = () => {
    charts = model.get("charts");
    draw();
  };
  const unlisten = listen(model, ["charts"], onCharts);

  showAdd();
  draw();
  return () => {
    window.removeEventListener("storage", onStorage);
    unlisten();
  };
}

export default { render };
