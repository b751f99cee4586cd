// The reader's home plan, kept in this browser only, under home.store_key: {version, plan, undone, reminder},
// read and checked by readHomeStore (rules.js, joined in front). A browser may refuse to keep it (its storage full, or
// off as in some private windows): then what was kept before stays as it was, and the reader is told why, in
// Python's words (home.refused, through refusal in _shared.js).

// The kept plan: {kept: {plan, undone, reminder} or null, problem: "" or why it cannot be read or used}.
function readHomePlan(home, conditionIds) {
  let text;
  try {
    text = window.localStorage.getItem(home.store_key);
  } catch (err) {
    return { kept: null, problem: refusal(home.refused, "Your plan cannot be kept", err) };
  }
  const { kept, why } = readHomeStore(home, text, "The plan kept in this browser", conditionIds);
  return { kept, problem: why && `${why} Nothing was changed. Make a new plan to replace it.` };
}

// Keep `next`, then do `also` (which may keep more, and throws if the browser refuses): all of it, or nothing
// and the plan as it was. Returns "" once kept, else why not, in words that begin with `what`.
function keepHomePlan(home, next, what, also = () => {}) {
  let store;
  let before;
  try {
    store = window.localStorage;
    before = store.getItem(home.store_key);
    store.setItem(home.store_key, JSON.stringify({ version: home.store_version, ...next }));
  } catch (err) {
    return refusal(home.refused, what, err);
  }
  try {
    also();
  } catch (err) {
    if (before === null) store.removeItem(home.store_key);
    else store.setItem(home.store_key, before); // it fitted before, and `also` kept nothing
    return refusal(home.refused, what, err);
  }
  return "";
}
