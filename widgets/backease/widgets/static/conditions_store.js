// The reader's conditions, kept in this browser only under the key Python names (model/conditions.py
// STORE_KEY): {"version": 1, "conditions": [ids]}. checkStoredConditions is Python's check_stored, in the
// same words (tests/test_widgets_conditions_store.py holds the two together); a value that fails it is
// never used and never overwritten until the reader ticks again. `store` is the spec Python sends
// (backease.widgets.my_conditions.store_spec): key, version, known ids, problems, titles.

// The ids in `text` (the kept value; null when nothing is kept), or an Error saying why it cannot be used.
export function checkStoredConditions(store, text) {
  if (text === null) return [];
  const bad = (kind, got = "") => new Error(fill(store.problems[kind], { got }));
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw bad("damaged");
  }
  if (data === null || typeof data !== "object" || Array.isArray(data) || !Object.hasOwn(data, "version")) throw bad("damaged");
  if (data.version !== store.version) throw bad("version");
  const ids = data.conditions;
  if (Object.keys(data).length !== 2 || !Array.isArray(ids) || !ids.every((i) => typeof i === "string")
    || new Set(ids).size !== ids.length) throw bad("damaged");
  const unknown = ids.find((i) => !Object.hasOwn(store.names, i));
  if (unknown !== undefined) throw bad("unknown", unknown);
  return ids;
}

// The reader's conditions as kept: {mine: [ids], problem: "" or why the kept value cannot be used}.
function readConditions(store) {
  try {
    return { mine: checkStoredConditions(store, window.localStorage.getItem(store.key)), problem: "" };
  } catch (err) {
    return { mine: [], problem: err.message };
  }
}

// Keep `ids` (in the order of the shared list), or forget them all when there are none. Throws if storage is off.
function saveConditions(store, ids) {
  const known = Object.keys(store.names).filter((i) => ids.includes(i));
  if (known.length) window.localStorage.setItem(store.key, JSON.stringify({ version: store.version, conditions: known }));
  else window.localStorage.removeItem(store.key);
}

// The answers (Python sends them strictest first) to the reader's conditions, in their order.
function answersFor(answers, mine) {
  return answers.filter((a) => mine.includes(a.condition));
}

// Where the conditions page's picker is, from this page (the built book knows its root; Jupyter does not).
function conditionsLink(store) {
  const root = document.documentElement.dataset.content_root;
  return root === undefined ? "" : root + store.page;
}

// Call `handler` when another tab changes the kept conditions; returns what stops listening.
function onConditionsChange(store, handler) {
  const listener = (event) => event.key === store.key && handler();
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}
