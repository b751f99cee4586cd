// The practice diary in the reader's browser: storage and the entry form, shared by the session
// timer (an entry at the end of a session) and the progress page. The fields, their limits and
// the storage key come from Python (backease.widgets.diary_view.diary_spec(), with the words for a browser that
// refuses to keep an entry); the checks are Python's, in rules.js (joined in front of this file). Nothing here is
// ever sent anywhere.

// The entries of the diary's text as kept in this browser, checked (checkDiary, in rules.js); throws with a
// message. (A file the progress page exports holds more: rules.js's readDiaryFile reads it.)
function parseDiary(spec, text, source) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source} is not a diary: it is not JSON.`);
  }
  return checkDiary(spec, data, source);
}

// When an entry was made, as a Date (its date is checked: see dateTime in rules.js).
export const entryDate = (spec, entry) => dateTime(entry.date, spec.date_pattern);

// The diary's text as kept under spec.key: {format, version, entries}.
export const diaryText = (spec, entries) => JSON.stringify({ format: spec.format, version: spec.version, entries });

// The diary as stored under spec.key. Throws if storage is unavailable.
export function openDiary(spec) {
  const store = window.localStorage;
  const read = () => {
    const text = store.getItem(spec.key);
    return text ? parseDiary(spec, text, "The diary in this browser") : [];
  };
  return {
    entries: read,
    add(entry) {
      checkEntry(spec, entry);
      store.setItem(spec.key, diaryText(spec, [...read(), entry]));
      // Ask the browser not to clear the diary when space runs low (Safari may still, after weeks unused).
      navigator.storage?.persist?.().catch(() => {});
    },
    clear: () => store.removeItem(spec.key),
    csv() {
      const names = spec.fields.map((f) => f.name);
      const cell = (v) => (v === undefined || v === null ? "" : /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
      return [names.join(","), ...read().map((e) => names.map((n) => cell(e[n])).join(","))].join("\r\n") + "\r\n";
    },
  };
}

export function newId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function addStyle(css) {
  if (!css || document.getElementById("be-diary-style")) return;
  const style = el("style", { id: "be-diary-style" });
  style.textContent = css;
  document.head.append(style);
}

// A time on the reader's clock with its offset ("2027-01-04T08:00:00+13:00"): a home session counts on the
// day the reader did it (backease.model.home.progress reads the date as written).
export function localTime(when) {
  const two = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const offset = -when.getTimezoneOffset();
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())}T${two(when.getHours())}:`
    + `${two(when.getMinutes())}:${two(when.getSeconds())}${offset < 0 ? "-" : "+"}${two(offset / 60)}:${two(offset % 60)}`;
}

// What a home programme session's entry asks besides (backease.model.diary: how_it_went, flare_up).
function homeQuestions(spec, byName) {
  const box = el("fieldset", { class: "be-diary-how" });
  box.append(el("legend", {}, byName.how_it_went.label));
  const name = `be-how-${newId()}`;
  for (const [value, text] of byName.how_it_went.choices) {
    const label = el("label");
    label.append(el("input", { type: "radio", name, value }), ` ${text}`);
    box.append(label);
  }
  const flare = el("label", { class: "be-diary-flare" });
  const tick = el("input", { type: "checkbox", name: "flare_up" });
  flare.append(tick, ` ${spec.flare_up_ask}`);
  box.append(flare);
  return { box, values: () => ({ how_it_went: box.querySelector(`input[name="${name}"]:checked`)?.value ?? null,
    flare_up: tick.checked || null }) };
}

// The entry form. `session` holds the values the form does not ask for (session, times, finished); a home
// programme session (session.home_session) also asks how it went and offers "I'm in a flare-up". A saved
// entry is announced to the page with a "be-diary-saved" event (its detail: the entry) from the form.
export function entryForm(spec, session, { onSaved, onCancel } = {}) {
  addStyle(spec.css);
  const byName = Object.fromEntries(spec.fields.map((f) => [f.name, f]));
  const form = el("form", { class: "be-diary-form", "aria-label": "Diary entry" });
  form.append(el("p", { class: "be-diary-privacy" }, spec.privacy));
  const painSelect = (name) => {
    const field = byName[name];
    const label = el("label", { class: "be-diary-pain" }, `${field.label} `);
    const select = el("select", { name });
    select.append(el("option", { value: "" }, "not given"));
    for (let n = field.low; n <= field.high; n += 1) select.append(el("option", { value: String(n) }, String(n)));
    label.append(select);
    return [label, select];
  };
  const [beforeLabel, before] = painSelect("pain_before");
  const [afterLabel, after] = painSelect("pain_after");
  const feelings = el("fieldset", { class: "be-diary-feeling" });
  feelings.append(el("legend", {}, byName.feeling.label));
  const radioName = `be-feeling-${newId()}`;
  for (const [value, text] of spec.feelings) {
    const label = el("label");
    label.append(el("input", { type: "radio", name: radioName, value }), ` ${text}`);
    feelings.append(label);
  }
  const noteLabel = el("label", { class: "be-diary-note" }, `${byName.note.label} `);
  const note = el("textarea", { name: "note", rows: "2", maxlength: String(byName.note.max_length) });
  noteLabel.append(note);
  const save = el("button", { type: "submit" }, "Save in my diary");
  const cancel = el("button", { type: "button" }, "Not now");
  const buttons = el("div", { class: "be-diary-buttons" });
  buttons.append(save, cancel);
  const message = el("p", { class: "be-diary-message", role: "status" });
  const home = session.home_session ? homeQuestions(spec, byName) : null;
  form.append(beforeLabel, afterLabel, ...(home ? [home.box] : []), feelings, noteLabel, buttons, message);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const number = (s) => (s.value === "" ? null : Number(s.value));
    const feeling = form.querySelector(`input[name="${radioName}"]:checked`)?.value ?? null;
    const entry = { id: newId(), date: home ? localTime(new Date()) : new Date().toISOString(), ...session,
      pain_before: number(before), pain_after: number(after), feeling, note: note.value.trim() || null, ...home?.values() };
    for (const k of Object.keys(entry)) if (entry[k] === null) delete entry[k];
    try {
      openDiary(spec).add(entry);
    } catch (err) {
      message.textContent = refusal(spec.refused, "Your diary entry was not saved", err);
      return;
    }
    form.dispatchEvent(new CustomEvent("be-diary-saved", { bubbles: true, detail: entry }));
    onSaved?.(entry);
  });
  cancel.addEventListener("click", () => onCancel?.());
  return form;
}
