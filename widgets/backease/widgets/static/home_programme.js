// The home programme view: set up six weeks on the days the reader chooses, then "Today" (the next session
// and one Start), the week done and to come, the week's reading, every level change with its reason and an
// Undo, and the plan's days as a calendar file. The plan is kept in this browser (home.store_key); the
// diary is read where it is kept. What the plan decides on them (levels, the next session, dates, the
// calendar, whether a stored plan can be used) is Python's rule as written in rules.js. Nothing is sent.

const todayIso = (when = new Date()) => localTime(when).slice(0, 10);

async function render({ model, el: host }) {
  const home = model.get("home");
  const spec = model.get("diary");
  const compact = model.get("compact");
  const H = compact ? "h2" : "h3"; // compact, it sits under the page's title (the welcome page); else under a section
  const conditionIds = home.conditions.map((c) => c.id);
  const titleOf = Object.fromEntries(model.get("shapes").map((r) => [r.name, r.title]));
  const dayName = (iso) => new Date(`${iso}T12:00`).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });

  // --- view -------------------------------------------------------------------------
  const root = el("section", { class: `be-home${compact ? " be-home-compact" : ""}`, "aria-label": "Your home programme" });
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

  // --- what is kept: the plan, and the reader's conditions (the conditions page's store) ---
  let kept = null; // {plan, undone, reminder}
  function readKept() {
    let text = null;
    try {
      text = window.localStorage.getItem(home.store_key);
    } catch (err) {
      message.textContent = "This browser will not keep your plan (storage is off), so it cannot follow your diary.";
      return null;
    }
    if (text === null) return null;
    try {
      return checkHomeStore(home, JSON.parse(text), "The plan kept in this browser", conditionIds);
    } catch (err) {
      message.textContent = `${err instanceof SyntaxError ? "The plan kept in this browser is damaged: it is not JSON." : err.message}`
        + " Nothing was changed. Make a new plan to replace it.";
      return null;
    }
  }
  // The conditions the reader ticked (conditions_store.js, its check in rules.js); null when none are kept
  // or the kept value cannot be used (the conditions page says why).
  function storedConditions() {
    const { mine, problem } = readConditions(home.conditions_store);
    return mine.length && !problem ? mine : null;
  }
  function keep(next, note = "") {
    window.localStorage.setItem(home.store_key, JSON.stringify({ version: home.store_version, ...next }));
    kept = next;
    model.set("plan", next.plan);
    model.save_changes();
    message.textContent = note;
    draw();
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
    const { plan, undone } = kept;
    const entries = diaryEntries();
    const now = todayIso();
    const progress = homeProgress(home, plan, entries, undone, spec.date_pattern);
    const dates = homeDates(home, plan);
    const current = homeWeekOf(home, plan, now);
    drawToday(plan, progress, current, dates, now);
    if (compact) return;
    drawChanges(progress);
    drawWeek(plan, entries, current, dates);
    drawTools(plan);
  }

  function drawOffer() {
    today.append(el(H, {}, "Your home programme"));
    if (compact) {
      today.append(el("p", {}, "Make a six-week plan of short sessions on the days you choose. It grows with you,"
        + " from what you note in your diary, and stays on this device."));
      const link = el("a", { href: model.get("page"), class: "be-home-make" }, "Make your home plan");
      today.append(link);
      return;
    }
    drawSetup();
  }

  function drawToday(plan, progress, current, dates, now) {
    today.append(el(H, {}, "Today"));
    if (current === null) {
      const before = now < plan.start;
      today.append(el("p", {}, before ? `Your plan starts on ${dayName(plan.start)}.`
        : `You have finished your ${home.weeks_count} weeks. Well done.`));
      if (!before) today.append(el("p", {}, home.weeks.at(-1).reading[0]));
      if (before) return;
    }
    const weekNumber = current ?? home.weeks_count;
    const session = homeSession(home, model.get("shapes"), model.get("move_shapes"), plan, weekNumber, progress.done,
      progress.levels, progress.flare_up_next);
    const planned = dates.find(([day]) => day >= now);
    const when = planned?.[0] === now ? "Planned for today." : planned ? `Your next planned day is ${dayName(planned[0])}; you can do it today if you like.` : "";
    today.append(el("p", { class: "be-home-what" }, `${session.title}: session ${progress.done + 1} of ${dates.length}, about ${Math.round(session.seconds / 60)} minutes. ${when}`));
    if (progress.flare_up_next) {
      today.append(el("p", { class: "be-home-flare" }, "You said you are in a flare-up, so this is the gentle flare-up"
        + " session. Your exercises have stepped down a level. When you feel ready, your plan goes on from there."));
    }
    const list = el("ul", { class: "be-home-list" });
    for (const name of session.routines) list.append(el("li", {}, titleOf[name]));
    today.append(list);
    const start = el("button", { type: "button", class: "be-home-start" }, "Start");
    start.addEventListener("click", async () => {
      start.disabled = true;
      const [library, moves] = await Promise.all([model.get("library"), model.get("moves")]);
      const full = homeSession(home, library, moves, plan, weekNumber, progress.done, progress.levels, progress.flare_up_next);
      await timer.run({ title: full.title, segments: full.segments, session_id: `${homePlanKey(plan)}.${progress.done}.${full.name}`,
        diary_entry: { home_session: full.name } });
      start.disabled = false;
    });
    today.append(start);
    if (!compact && !progress.flare_up_next) {
      const flare = el("button", { type: "button", class: "be-home-flare-up" }, spec.flare_up_ask);
      flare.addEventListener("click", () => {
        try {
          openDiary(spec).add({ id: newId(), date: localTime(new Date()), session: session.title, home_session: session.name,
            flare_up: true });
        } catch (err) {
          message.textContent = `Not saved: ${err.message}`;
          return;
        }
        message.textContent = spec.saved;
        draw();
      });
      today.append(flare);
    }
    if (compact) today.append(el("a", { href: model.get("page"), class: "be-home-more" }, "Your whole plan"));
  }

  function drawChanges(progress) {
    changes.append(el(H, {}, "How your plan has changed"));
    if (!progress.changes.length) {
      changes.append(el("p", {}, `Every exercise starts at level 1. After each session, say how it went: after ${home.up_after}`
        + " sessions in a row that feel too easy, an exercise moves up a level; a session that feels too hard or hurts"
        + " steps it down."));
      return;
    }
    const list = el("ul", { class: "be-home-change-list" });
    for (const change of progress.changes) {
      const item = el("li", {}, `${change.words}. `);
      const undo = el("button", { type: "button", class: "be-home-undo", "aria-label": `Undo: ${change.words}` }, "Undo");
      undo.addEventListener("click", () => keep({ ...kept, undone: [...kept.undone, change.id] },
        `Taken back: ${change.words}.`));
      item.append(undo);
      list.append(item);
    }
    changes.append(list);
    if (kept.undone.length) {
      const back = el("button", { type: "button", class: "be-home-redo" }, "Put back the changes you took back");
      back.addEventListener("click", () => keep({ ...kept, undone: [] }));
      changes.append(back);
    }
  }

  function drawWeek(plan, entries, current, dates) {
    const prefix = home.names.name.split("{")[0];
    const done = {};
    for (const e of entries) {
      const w = (e.home_session || "").startsWith(prefix) && !e.flare_up ? homeWeekOf(home, plan, e.date.slice(0, 10)) : null;
      if (w !== null) done[w] = (done[w] || 0) + 1;
    }
    week.append(el(H, {}, "Your six weeks"));
    const days = plan.days.map((d) => home.weekdays[d - 1]).join(", ");
    week.append(el("p", {}, `Your days: ${days}. ${home.shape_note}`));
    const list = el("ol", { class: "be-home-weeks" });
    for (const w of home.weeks) {
      const planned = dates.filter(([, n]) => n === w.number).length;
      const adds = w.adds.filter((e) => homeExercises(home, plan, w.number).includes(e)).map((e) => home.exercises[e].title);
      const item = el("li", { class: w.number === current ? "be-home-now" : "" });
      item.append(el("strong", {}, `Week ${w.number}${w.number === current ? " (this week)" : ""}: `),
        `${done[w.number] || 0} of ${planned} sessions done.${adds.length ? ` New: ${adds.join(", ")}.` : ""} Reading: ${w.title}.`);
      list.append(item);
    }
    week.append(list);
    const reading = home.weeks[(current ?? home.weeks_count) - 1];
    const box = el("div", { class: "be-home-reading" });
    box.append(el(H, {}, `This week's reading: ${reading.title}`), ...reading.reading.map((p) => el("p", {}, p)));
    week.append(box);
    const notes = [];
    for (const e of Object.keys(home.exercises)) {
      for (const kind of ["ask", "adapt"]) {
        for (const [c, text] of Object.entries(home.exercises[e].advice[kind])) {
          if (plan.conditions.includes(c)) notes.push(`${home.exercises[e].title}: ${home.advice_titles[kind]} (${home.conditions.find((x) => x.id === c).name}). ${text}`);
        }
      }
    }
    const out = homeLeftOut(home, plan).map((e) => home.exercises[e].title);
    if (out.length) notes.unshift(`Left out of your plan, because of a condition you ticked: ${out.join(", ")}.`);
    if (notes.length) {
      const advice = el("ul", { class: "be-home-advice" });
      notes.forEach((n) => advice.append(el("li", {}, n)));
      week.append(el(H, {}, "For your conditions"), advice);
    }
  }

  function drawTools(plan) {
    const ics = el("button", { type: "button", class: "be-home-calendar" }, "Save reminders to your calendar");
    ics.addEventListener("click", () => {
      const page = window.location.href.split("#")[0];
      const text = homeCalendar(home, plan, page, kept.reminder, new Date().toISOString());
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
      saveConditions(home.conditions_store, next.plan.conditions);
      keep(next, kept ? "Your plan is changed." : "Your plan is made and kept on this device.");
      today.scrollIntoView?.({ block: "start" });
    };
  }

  // --- start ------------------------------------------------------------------------
  kept = readKept();
  const conditions = storedConditions();
  if (kept && conditions && [...conditions].sort().join() !== [...kept.plan.conditions].sort().join()) {
    keep({ ...kept, plan: { ...kept.plan, conditions } }, "Your plan now follows the conditions you ticked.");
  } else if (!kept && !message.textContent && Object.keys(model.get("plan")).length) {
    try { // a plan given from Python (in Jupyter), when this browser keeps none
      keep(checkHomeStore(home, { version: home.store_version, plan: model.get("plan") }, "The plan from Python", conditionIds));
    } catch (err) {
      message.textContent = err.message;
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
      keep(checkHomeStore(home, { ...kept, version: home.store_version, plan }, "The plan from Python", conditionIds));
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
