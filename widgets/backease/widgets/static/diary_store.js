// What the progress page reads and writes of what the reader keeps in this browser, together: the diary
// (openDiary, diary_core.js), the home plan (home.store_key, read by readHomeStore) and the conditions
// (conditions_store.js). An import writes them all or none.

// What is kept: {entries, home_plan (as kept) or null, conditions (ids) or null, problems: {plan?, conditions?}
// (why a kept plan or conditions cannot be used)}. Throws if the diary cannot be read or storage is off.
function readKept(spec, home, store) {
  const entries = openDiary(spec).entries();
  const problems = {};
  const { kept, why } = readHomeStore(home, window.localStorage.getItem(home.store_key), "The home plan kept in this browser",
    store.ids);
  if (why) problems.plan = why;
  const plan = kept && { version: home.store_version, ...kept };
  const { mine, problem } = readConditions(store);
  if (problem) problems.conditions = problem;
  return { entries, home_plan: plan, conditions: mine.length ? mine : null, problems };
}

// Keep `writes` ({key: text, or null to remove it}) all or none: if the browser refuses one (its storage is full
// or off), those written already are put back as they were, and it throws.
function keepAll(writes) {
  const store = window.localStorage;
  const put = (key, text) => (text === null ? store.removeItem(key) : store.setItem(key, text));
  const before = [];
  try {
    for (const [key, text] of Object.entries(writes)) {
      before.push([key, store.getItem(key)]);
      put(key, text);
    }
  } catch (err) {
    for (const [key, text] of before.reverse()) put(key, text);
    throw err;
  }
}
