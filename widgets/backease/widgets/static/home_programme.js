// The home programme view: set up its weeks on the days the reader chooses, then "Today" (the next session
// and one Start), the week done and to come, the week's reading, every level change with its reason and an
// Undo, and the plan's days as a calendar file. What it shows is homeView's (home_programme_state.js) for
// the plan kept in this browser (home_programme_store.js) and the diary kept where it is; the rules are
// Python's as written in rules.js. Nothing is sent.

const todayIso = (when = new Date()) => localTime(when).slice(0, 10);

async function render({ model, el: host }) {
  const home = model.get("home");
  const spec = model.get("diary");
  const compact = model.get("compact");
  const H = compact ? "h2" : "h3"; // compact, it sits under the page's title (the welcome page); else under a section
  const conditionIds = home.conditions_store.ids;
  const titleOf = Object.fromEntries(model.get("shapes").map((r) => [r.name, r.title]));
  const dayName = (iso) => new Date(`${iso}T12:00`).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });

  // --- view -------------------------------------------------------------------------
  const root = el("section", { class: `be-home${compact ? " be-home-compact" : ""}`, "aria-label": home.offer_title });
  const message = el("p", { class: "be-home-message", role: "alert" });
  const today = el("div", { class: "be-home-today" });
  const timerHost = el("div", { class: "be-home-timer" });
  const week = el("div", { class: "be-home-week" });
  const changes = el("div", { class: "be-home-changes" });
  const setup = el("form", { class: "be-home-setup", "aria-label": "Set up your plan" });
  const tools = el("div", { class: "be-home-tools" });
  root.append(message, today, timerHost, ...(compact ? [] : [changes, week, tools, setup]));
  host.append(root);
  const timer = embeddedTimer(model, timerHost);

  // --- what is kept: the plan (home_programme_store.js), the reader's conditions (conditions_store.js) ---
  let kept = null; // {plan, undone, reminder}
  function readKept() {
    const read = readHomePlan(home, conditionIds);
    if (read.problem) message.textContent = read.problem;
    return read.kept;
  }
  // The conditions the reader ticked (conditions_store.js, its check in rules.js); null when none are kept
  // or the kept value cannot be used (the conditions page says why).
  function storedConditions() {
    const { mine, problem } = readConditions(home.conditions_store);
    return mine.length && !problem ? mine : null;
  }
  // Keep `next` (and what `also` keeps) and show it; if the browser refuses, say why in `shown` (the words
  // begin with `what`) and change nothing. Returns true once kept.
  function keep(next, note, what, also, shown = message) {
    const refused = keepHomePlan(home, next, what, also);
    shown.textContent = refused;
    if (refused) return false;
    kept = next;
    model.set("plan", next.plan);
    model.save_changes();
    message.textContent = note;
    draw();
    return true;
  }
  function diaryEntries() {
    try {
      return openDiary(spec).entries();
    } catch (err) {
      message.textContent = `${err.message} Your plan cannot follow it until it is fixed; the progress page can export what it holds.`;
      return [];
    }
  }

  // --- drawing ----------------------------------------------------------------------
  function draw() {
    today.replaceChildren();
    week.replaceChildren();
    changes.replaceChildren();
    tools.replaceChildren();
    setup.hidden = Boolean(kept);
    if (!kept) return drawOffer();
    const view = homeView(home, model.get("shapes"), model.get("move_shapes"), kept, diaryEntries(), todayIso(),
      spec.date_pattern);
    drawToday(view.today);
    if (compact) return;
    drawChanges(view);
    drawWeek(view);
    drawTools();
  }

  // Compact, the element tree HomeProgramme's offer_html gives the built page to show until this view has loaded.
  function drawOffer() {
    today.append(el(H, {}, home.offer_title));
    if (compact) {
      today.append(el("p", {}, home.invite));
      const link = el("a", { href: model.get("page"), class: "be-home-make" }, home.offer_link);
      today.append(link);
      return;
    }
    drawSetup();
  }

  function drawToday(t) {
    today.append(el(H, {}, "Today"));
    if (t.phase === "before") {
      today.append(el("p", {}, `Your plan starts on ${dayName(t.start)}.`));
      return;
    }
    if (t.phase === "after") {
      today.append(el("p", {}, `You have finished your ${home.weeks_count} weeks. Well done.`),
        el("p", {}, home.weeks.at(-1).reading[0]));
    }
    const { session } = t;
    const when = t.planned === null ? "" : t.planned === todayIso() ? "Planned for today."
      : `Your next planned day is ${dayName(t.planned)}; you can do it today if you like.`;
    today.append(el("p", { class: "be-home-what" }, `${session.title}: session ${t.number} of ${t.total}, about ${session.minutes} minutes. ${when}`));
    if (t.flare_up) {
      today.append(el("p", { class: "be-home-flare" }, "You said you are in a flare-up, so this is the gentle flare-up"
        + " session. Your exercises have stepped down a level. When you feel ready, your plan goes on from there."));
    }
    const list = el("ul", { class: "be-home-list" });
    for (const name of session.routines) list.append(el("li", {}, titleOf[name]));
    today.append(list);
    const start = el("button", { type: "button", class: "be-home-start" }, "Start");
    const plan = kept.plan;
    start.addEventListener("click", async () => {
      start.disabled = true;
      const [library, moves] = await Promise.all([model.get("library"), model.get("moves")]);
      const full = homeSession(home, library, moves, plan, t.week, t.done, t.levels, t.flare_up);
      await timer.run({ title: full.title, segments: full.segments, session_id: `${homePlanKey(plan)}.${t.done}.${full.name}`,
        diary_entry: { home_session: full.name } });
      start.disabled = false;
    });
    today.append(start);
    if (!compact && !t.flare_up) {
      const flare = el("button", { type: "button", class: "be-home-flare-up" }, spec.flare_up_ask);
      flare.addEventListener("click", () => {
        try {
          openDiary(spec).add({ id: newId(), date: localTime(new Date()), session: session.title, home_session: session.name,
            flare_up: true });
        } catch (err) { // the browser refused to store it, or the entry is not one the diary takes
          message.textContent = refusal(home.refused, "Your flare-up was not saved", err);
          return;
        }
        message.textContent = spec.saved;
        draw();
      });
      today.append(flare);
    }
    if (compact) today.append(el("a", { href: model.get("page"), class: "be-home-more" }, "Your whole plan"));
  }

  function drawChanges(view) {
    changes.append(el(H, {}, "How your plan has changed"));
    if (!view.changes.length) {
      changes.append(el("p", {}, `Every exercise starts at level 1. After each session, say how it went. ${home.rule_note}`));
      return;
    }
    const list = el("ul", { class: "be-home-change-list" });
    for (const change of view.changes) {
      const item = el("li", {}, `${change.words}. `);
      const undo = el("button", { type: "button", class: "be-home-undo", "aria-label": `Undo: ${change.words}` }, "Undo");
      undo.addEventListener("click", () => keep(homeUndo(kept, change.id), `Taken back: ${change.words}.`, "Your change was not kept"));
      item.append(undo);
      list.append(item);
    }
    changes.append(list);
    if (view.taken_back) {
      const back = el("button", { type: "button", class: "be-home-redo" }, "Put back the changes you took back");
      back.addEventListener("click", () => keep(homePutBack(kept), "", "Your change was not kept"));
      changes.append(back);
    }
  }

  function drawWeek(view) {
    week.append(el(H, {}, `Your ${home.length}`));
    week.append(el("p", {}, `Your days: ${view.days.join(", ")}. ${home.shape_note}`));
    const list = el("ol", { class: "be-home-weeks" });
    for (const w of view.weeks) {
      const item = el("li", { class: w.current ? "be-home-now" : "" });
      item.append(el("strong", {}, `Week ${w.number}${w.current ? " (this week)" : ""}: `),
        `${w.done} of ${w.planned} sessions done.${w.adds.length ? ` New: ${w.adds.join(", ")}.` : ""} Reading: ${w.title}.`);
      list.append(item);
    }
    week.append(list);
    const box = el("div", { class: "be-home-reading" });
    box.append(el(H, {}, `This week's reading: ${view.reading.title}`), ...view.reading.paragraphs.map((p) => el("p", {}, p)));
    week.append(box);
    if (view.notes.length) {
      const advice = el("ul", { class: "be-home-advice" });
      view.notes.forEach((n) => advice.append(el("li", {}, n)));
      week.append(el(H, {}, "For your conditions"), advice);
    }
  }

  function drawTools() {
    const ics = el("button", { type: "button", class: "be-home-calendar" }, "Save reminders to your calendar");
    ics.addEventListener("click", () => {
      const page = window.location.href.split("#")[0];
      const text = homeCalendar(home, kept.plan, page, kept.reminder, new Date().toISOString());
      const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/calendar" })), download: "back-exercises.ics" });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      message.textContent = "Open the file to add the sessions to your calendar. It was made on this device; nothing was sent.";
    });
    const change = el("button", { type: "button", class: "be-home-change" }, "Change your plan");
    change.addEventListener("click", () => {
      drawSetup();
      setup.hidden = false;
      setup.querySelector("input")?.focus();
    });
    tools.append(el("p", {}, `Reminders at ${kept.reminder} on your days: the calendar file has one event for each session,`
      + " linking back to this page."), ics, change);
  }

  function drawSetup() {
    const was = kept?.plan;
    const ticked = was ? was.conditions : storedConditions() || [];
    setup.replaceChildren(el(H, {}, kept ? "Change your plan" : "Make your plan"));
    const [low, high] = home.days_a_week;
    const days = el("fieldset", { class: "be-home-days" });
    days.append(el("legend", {}, `Choose ${low} to ${high} days a week`));
    home.weekdays.forEach((name, i) => {
      const label = el("label");
      const box = el("input", { type: "checkbox", name: "day", value: String(i + 1) });
      box.checked = was ? was.days.includes(i + 1) : false;
      label.append(box, ` ${name}`);
      days.append(label);
    });
    const startLabel = el("label", { class: "be-home-start-date" }, "Start on ");
    const start = el("input", { type: "date", name: "start", required: "" });
    start.value = was?.start || todayIso();
    startLabel.append(start);
    const timeLabel = el("label", { class: "be-home-reminder" }, "Reminder time, for your calendar ");
    const at = el("input", { type: "time", name: "reminder", required: "" });
    at.value = kept?.reminder || home.reminder_at;
    timeLabel.append(at);
    const conditions = el("fieldset", { class: "be-home-conditions" });
    conditions.append(el("legend", {}, "Tick any that apply to you (the plan leaves out or marks what they affect)"));
    for (const c of home.conditions) {
      const label = el("label");
      const box = el("input", { type: "checkbox", name: "condition", value: c.id });
      box.checked = ticked.includes(c.id);
      label.append(box, ` ${c.name}`);
      conditions.append(label);
    }
    const save = el("button", { type: "submit", class: "be-home-save" }, kept ? "Save the changes" : "Make my plan");
    const problem = el("p", { class: "be-home-problem", role: "alert" });
    setup.append(days, startLabel, timeLabel, conditions, el("p", { class: "be-home-shape" }, home.shape_note), save, problem);
    setup.onsubmit = (event) => {
      event.preventDefault();
      const value = (name) => [...setup.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
      const data = { version: home.store_version, undone: kept?.undone || [], reminder: at.value,
        plan: { days: value("day").map(Number), start: start.value, conditions: value("condition") } };
      let next;
      try {
        next = checkHomeStore(home, data, "Your plan", conditionIds);
      } catch (err) {
        problem.textContent = err.message;
        return;
      }
      if (keep(next, kept ? "Your plan is changed." : "Your plan is made and kept on this device.",
        kept ? "Your change was not kept" : "Your plan was not kept", () => saveConditions(home.conditions_store, next.plan.conditions),
        problem)) today.scrollIntoView?.({ block: "start" });
    };
  }

  // --- start ------------------------------------------------------------------------
  kept = readKept();
  const follow = kept && homeFollow(kept, storedConditions());
  const fromPython = !kept && !message.textContent && Object.keys(model.get("plan")).length;
  if (follow) {
    if (!keep(follow, "Your plan now follows the conditions you ticked.", "Your plan could not take up the conditions you ticked")) draw();
  } else if (fromPython) {
    try { // a plan given from Python (in Jupyter), when this browser keeps none
      const given = checkHomeStore(home, { version: home.store_version, plan: model.get("plan") }, "The plan from Python", conditionIds);
      if (!keep(given, "", "The plan from Python was not kept")) draw();
    } catch (err) {
      message.textContent = err.message;
      draw();
    }
  } else {
    if (kept) {
      model.set("plan", kept.plan);
      model.save_changes();
    }
    draw();
  }
  root.addEventListener("be-diary-saved", () => draw());
  // Another tab changed the plan, the conditions or the diary.
  const onStorage = (event) => {
    if (![home.store_key, home.conditions_store.key, spec.key].includes(event.key)) return;
    kept = readKept() ?? kept;
    draw();
  };
  window.addEventListener("storage", onStorage);
  const unlisten = listen(model, ["plan"], () => { // Python set a plan (in Jupyter)
    const plan = model.get("plan");
    if (!Object.keys(plan).length || JSON.stringify(plan) === JSON.stringify(kept?.plan)) return;
    try {
      keep(checkHomeStore(home, { ...kept, version: home.store_version, plan }, "The plan from Python", conditionIds), "",
        "The plan from Python was not kept");
    } catch (err) {
      message.textContent = `${err.message} Nothing was changed.`;
    }
  });
  return () => {
    timer.stop();
    unlisten();
    window.removeEventListener("storage", onStorage);
  };
}

export default { render };
