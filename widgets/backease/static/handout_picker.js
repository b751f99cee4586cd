// Handout picker: choose a ready-made plan or a course session, see its handout, print it.
// Every handout's text arrives from Python; the exercise sheets are shared between handouts.

async function render({ model, el: host }) {
  const handout = await import(URL.createObjectURL(new Blob([model.get("handout_esm")], { type: "text/javascript" })));
  const root = document.createElement("section");
  root.className = "be-picker";
  root.setAttribute("aria-label", "Handouts to print");
  const label = document.createElement("label");
  label.textContent = "Handout for ";
  const pick = document.createElement("select");
  label.append(pick);
  const print = document.createElement("button");
  print.type = "button";
  print.textContent = "Print this handout";
  const preview = document.createElement("div");
  preview.className = "be-picker-preview";
  root.append(label, print, preview);
  host.append(root);

  function options() {
    pick.replaceChildren(...model.get("handouts").map((h, i) => {
      const o = document.createElement("option");
      o.value = String(i);
      o.textContent = h.title;
      return o;
    }));
    pick.value = String(model.get("selected"));
  }

  function show() {
    const chosen = model.get("handouts")[model.get("selected")];
    const sheets = model.get("sheets");
    const page = document.createElement("div");
    page.className = "be-handout-print";
    page.innerHTML = [...chosen.html, ...chosen.routines.flatMap((r) => sheets[r])].join("");
    preview.replaceChildren(handout.fillFigures(page, model.get("poses")));
  }

  pick.addEventListener("change", () => {
    model.set("selected", Number(pick.value));
    model.save_changes();
  });
  print.addEventListener("click", () => handout.printAlone(preview.firstElementChild));
  model.on("change:selected", () => { pick.value = String(model.get("selected")); show(); });
  model.on("change:handouts", () => { options(); show(); });
  options();
  show();
}

export default { render };
