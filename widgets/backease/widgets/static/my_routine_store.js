// My routine kept in this browser (localStorage, under one key) so it is there at the next visit, and
// as a file: downloaded, or opened. What is kept or saved is the payload a link carries; rules.js checks
// whatever is read back (checkPayload) before it is used.

const ROUTINE_KEY = "backease.my-routine";

// Keep `payload`. Throws if this browser refuses (its storage is full or off); what was kept stays as it was.
function keepRoutine(payload) {
  window.localStorage.setItem(ROUTINE_KEY, JSON.stringify(payload));
}

// The routine kept here, as read (check it before use), or null.
function keptRoutine() {
  try {
    return JSON.parse(window.localStorage.getItem(ROUTINE_KEY));
  } catch (err) {
    return null;
  }
}

// The routine as a file to download, named by its title (the browser makes that a safe file name).
function downloadRoutine(payload) {
  downloadText(JSON.stringify(payload, null, 2) + "\n", "application/json", `${payload.title}.json`);
}

// The routine in the text of a file the reader opened (`name`), checked; else an Error in Python's words.
function routineFromFile(name, text, widget) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(problem(widget, "not_json", `“${name}”`));
  }
  return checkPayload(data, `“${name}”`, widget);
}
