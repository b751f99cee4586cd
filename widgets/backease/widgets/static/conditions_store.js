// The reader's conditions, kept in this browser only under the key Python names (model/conditions.py
// STORE_KEY): {"version": 1, "conditions": [ids]}. A kept value is checked by rules.js (checkStoredConditions,
// joined in front of this file), and one that fails is never used and never overwritten until the reader
// ticks again. `store` is the spec Python sends
// (backease.widgets.my_conditions.store_spec): key, version, known ids, problems, titles.

// The reader's conditions as kept: {mine: [ids], problem: "" or why the kept value cannot be used}. With storage
// off nothing can be kept, so none are (ticking one says why, in refusal's words).
function readConditions(store) {
  let text;
  try {
    text = window.localStorage.getItem(store.key);
  } catch (err) {
    return { mine: [], problem: "" };
  }
  try {
    return { mine: checkStoredConditions(store, text), problem: "" };
  } catch (err) {
    return { mine: [], problem: err.message };
  }
}

// Keep `ids` (in the order of the shared list), or forget them all when there are none. Throws if the browser
// refuses (its storage is full or off).
function saveConditions(store, ids) {
  const known = store.ids.filter((i) => ids.includes(i));
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
