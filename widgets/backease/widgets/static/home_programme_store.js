// The reader's home plan, kept in this browser only, under home.store_key: {version, plan, undone, reminder},
// checked by checkHomeStore (rules.js, joined in front). A browser may refuse to keep it (its storage full, or
// off as in some private windows): then what was kept before stays as it was, and the reader is told why.

// Why the browser refused, in words: its storage is full, or off.
function homeRefusal(what, err) {
  const full = err?.name === "QuotaExceededError" || err?.name === "NS_ERROR_DOM_QUOTA_REACHED" || err?.code === 22;
  return full ? `${what}: this browser's storage for this guide is full. Nothing kept before was changed.`
    + " Free some space (your browser's settings can clear what other sites keep) and try again."
    : `${what}: this browser does not let this guide keep anything (storage is off, as in some private windows).`
    + " Nothing kept before was changed. Your browser's settings can allow this site to keep data.";
}

// The kept plan: {kept: {plan, undone, reminder} or null, problem: "" or why it cannot be read or used}.
function readHomePlan(home, conditionIds) {
  let text;
  try {
    text = window.localStorage.getItem(home.store_key);
  } catch (err) {
    return { kept: null, problem: "This browser will not keep your plan (storage is off), so it cannot follow your diary." };
  }
  if (text === null) return { kept: null, problem: "" };
  try {
    return { kept: checkHomeStore(home, JSON.parse(text), "The plan kept in this browser", conditionIds), problem: "" };
  } catch (err) {
    const why = err instanceof SyntaxError ? "The plan kept in this browser is damaged: it is not JSON." : err.message;
    return { kept: null, problem: `${why} Nothing was changed. Make a new plan to replace it.` };
  }
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
    return homeRefusal(what, err);
  }
  try {
    also();
  } catch (err) {
    if (before === null) store.removeItem(home.store_key);
    else store.setItem(home.store_key, before); // it fitted before, and `also` kept nothing
    return homeRefusal(what, err);
  }
  return "";
}
