// Handout picker: choose a ready-made plan or a course session, see its handout, print it.
// Every handout's text arrives from Python; the exercise sheets are shared between handouts.

async function render({ model, el: host }) {
  const handout = await importText(model.get("handout_esm"));
  const root = el("section", { class: "be-picker", "aria-label": "Handouts to print" });
  const label = el("label", {}, "Handout for ");
  const pick = el("select");
  label.append(pick);
  const print = el("button", { type: "button" }, "Print this handout");
  const preview = el("div", { class: "be-picker-preview" });
  root.append(label, print, preview);
  host.append(root);

  function options() {
    pick.replaceChildren(...model.get("handouts").map((h, i) => el("option", { value: String(i) }, h.title)));
    pick.value = String(model.get("selected"));
  }

  function show() {
    const chosen = model.get("handouts")[model.get("selected")];
    const sheets = model.get("sheets");
    const page = el("div", { class: "be-handout-print" });
    page.innerHTML = [...chosen.html, ...chosen.routines.flatMap((r) => sheets[r])].join("");
    preview.replaceChildren(handout.fillFigures(page, model.get("poses")));
  }

  // Python (with a kernel), or another view of this widget, may choose or change the handouts.
  const onSelected = () => {
    pick.value = String(model.get("selected"));
    show();
  };
  const onHandouts = () => {
    options();
    show();
  };
  pick.addEventListener("change", () => {
    model.set("selected", Number(pick.value));
    model.save_changes();
  });
  print.addEventListener("click", () => handout.printAlone(preview.firstElementChild));
  // A link may name its handout ("#handout=<plan name>": the course page links each session's): show it.
  const onHash = () => {
    const named = model.get("handouts").findIndex((h) => `#handout=${h.name}` === decodeURIComponent(location.hash));
    if (named < 0) return;
    model.set("selected", named);
    model.save_changes();
    root.scrollIntoView();
  };
  window.addEventListener("hashchange", onHash);
  const unlisten = [listen(model, ["selected"], onSelected), listen(model, ["handouts", "sheets", "poses"], onHandouts)];
  options();
  show();
  onHash();
  return () => {
    unlisten.forEach((off) => off());
    window.removeEventListener("hashchange", onHash);
  };
}

export default { render };
