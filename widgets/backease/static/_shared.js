// Helpers every widget view shares. Python joins this file in front of each widget's own module
// (backease.static_modules.esm_module), so they are written once and arrive with the module, in
// Jupyter and on the built book alike. A module must not declare these names again.

// An element with attributes and, optionally, its text.
function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

// A page-unique id for labels and live regions, when a page shows several views.
let shared_idCount = 0;
function uniqueId(prefix) {
  shared_idCount += 1;
  return `${prefix}-${shared_idCount}`;
}

// "{name}" in a text from Python replaced by values[name].
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// Up, down and remove buttons for row i of count in a list the reader puts in order.
function rowTools(cls, name, i, count, move, remove) {
  const tools = el("span", { class: cls });
  const up = el("button", { type: "button", class: "be-up", "aria-label": `Move ${name} up` }, "\u2191");
  const down = el("button", { type: "button", class: "be-down", "aria-label": `Move ${name} down` }, "\u2193");
  const cut = el("button", { type: "button", class: "be-remove", "aria-label": `Remove ${name}` }, "\u2715");
  up.disabled = i === 0;
  down.disabled = i === count - 1;
  up.addEventListener("click", () => move(i, -1));
  down.addEventListener("click", () => move(i, 1));
  cut.addEventListener("click", () => remove(i));
  tools.append(up, down, cut);
  return tools;
}
