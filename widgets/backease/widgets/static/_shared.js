// Helpers every widget view shares. Python joins this file in front of each widget's own module
// (backease.widgets.static_modules.esm_module), so they are written once and arrive with the module, in
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

// Call `handler` whenever one of `keys` changes in the model (Python set it, or another view
// of the widget did); returns what stops listening, for the view's cleanup.
function listen(model, keys, handler) {
  for (const key of keys) model.on(`change:${key}`, handler);
  return () => keys.forEach((key) => model.off(`change:${key}`, handler));
}

// Why this browser did not keep (or read) something, after `what` ("Your plan was not kept"): its storage is
// full, or off, in Python's words (backease.text.storage.REFUSED, which each widget sends as `refused`). Any
// other error (a failed check, a damaged kept value) is said in its own words after `what`.
function refusal(refused, what, err) {
  if (!(err instanceof DOMException)) return `${what}: ${err.message}`;
  const full = err.name === "QuotaExceededError" || err.name === "NS_ERROR_DOM_QUOTA_REACHED" || err.code === 22;
  return `${what}: ${full ? refused.full : refused.off}`;
}

// An ES module from its text (a module Python sent in widget state), imported through a Blob URL.
function importText(text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  return import(url).finally(() => URL.revokeObjectURL(url));
}

// A model like anywidget's over plain `values`, for a view with no kernel behind it: the book's
// offline loader, a timer inside another view, the tests. `set` fires the "change:NAME" handlers;
// `get` returns read(value) (the loader reads a value kept in a file). Every widget module exports it.
export function standInModel(values, read = (value) => value) {
  const handlers = new Map();
  return {
    get: (name) => read(values[name]),
    set(name, value) {
      values[name] = value;
      for (const cb of handlers.get(`change:${name}`) || []) cb({ new: value });
    },
    on(event, cb) {
      handlers.set(event, [...(handlers.get(event) || []), cb]);
    },
    off(event, cb) {
      if (!event) return handlers.clear();
      handlers.set(event, cb ? (handlers.get(event) || []).filter((h) => h !== cb) : []);
    },
    save_changes() {},
    send() {},
    widget_manager: {},
  };
}

// A session timer inside this view (My routine, the plan builder), from the timer module, styles
// and state the widget carries (backease.widgets.timer.TimerHost), loaded at the first run (the built
// book may keep them in a file until then: `_on_demand`). run(session) starts a session
// ({title, segments, session_id}, and any diary_entry: fields for its diary entry) in `host`, replacing
// any before it; stop() ends it.
function embeddedTimer(model, host) {
  let timer = null;
  let stop = null;
  return {
    async run(session) {
      stop?.();
      timer ??= Promise.resolve(model.get("timer_esm")).then(importText);
      const [mod, state, css] = await Promise.all([timer, model.get("timer_state"), model.get("timer_css")]);
      stop?.();
      stop = mod.embed(host, { ...state, ...session, completed: 0, finished: false }, css);
    },
    stop: () => stop?.(),
  };
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

// `text` on the clipboard; where there is none (an older browser, a page served without https), the
// text of `node` selected for the reader to copy. Resolves to true if copied, false if selected.
async function copyText(text, node) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (err) {
    window.getSelection().selectAllChildren(node);
    return false;
  }
}

// `text` downloaded as a file called `name` (the browser makes it a safe file name).
function downloadText(text, type, name) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
