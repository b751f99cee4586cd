// A guided check's summary card: its rows, a button that copies them (or selects them where there is no
// clipboard) and one that prints this card alone (checks.css hides everything else while data-be-print is
// set on the page). walkthrough.js draws it under a result; `announce` says what copying did.

function summaryCard(id, title, rows, announce) {
  const summary = el("div", { class: "be-summary", role: "region", "aria-labelledby": id });
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
  summary.append(el("h5", { id }, "Summary"), summaryText, actions, status);

  copyBtn.addEventListener("click", async () => {
    const text = [`${title}: summary`, ...rows.map(([label, value]) => `${label}: ${value}`)].join("\n");
    const message = await copyText(text, summaryText) ? "Summary copied. You can paste it into a message or a note."
      : "The summary is selected. Copy it with Ctrl+C (⌘+C on a Mac), or your phone's Copy.";
    status.textContent = message;
    announce(message);
  });

  printBtn.addEventListener("click", () => {
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
  return summary;
}
