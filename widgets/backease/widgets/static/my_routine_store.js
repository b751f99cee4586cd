// My routine kept in this browser (localStorage, under one key) so it is there at the next visit; the
// routine as kept is the payload a link or file carries, and rules.js checks it before it is used.

const ROUTINE_KEY = "backease.my-routine";

// Keep `payload`; false if this browser will not (storage is off).
function keepRoutine(payload) {
  try {
    window.localStorage.setItem(ROUTINE_KEY, JSON.stringify(payload));
    return true;
  } catch (err) {
    return false;
  }
}

// The routine kept here, as read (check it before use), or null.
function keptRoutine() {
  try {
    return JSON.parse(window.localStorage.getItem(ROUTINE_KEY));
  } catch (err) {
    return null;
  }
}
