// Session timer view: the same ES module runs in JupyterLab, classic Notebook and on the
// built book page (through the book's offline widget loader). Python joins its parts in front
// of this file (backease.widgets.timer): the state machine (timer_machine.js), what it asks of the
// device (timer_device.js) and the place kept for a reload (timer_resume.js). This file draws
// the machine's state and turns taps, keys and the clock into its events. Time comes from
// deadlines on performance.now(), never from counted ticks, so a background tab or a locked
// phone screen cannot make it drift: on return it catches up to where it should be.
//
// Python computes everything the view shows or says (segment headings and spoken cues,
// tones, vibration patterns, fixed texts, the diary's fields) and sends it in widget
// state; the view listens for changes.

const SAVE_EVERY_MS = 5000;

function fmt(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

function breathPhase(b, elapsedMs) {
  const t = (elapsedMs / 1000) % (b.inhale + b.hold + b.exhale);
  if (t < b.inhale) return { name: "Breathe in", scale: 0.45 + 0.55 * (t / b.inhale) };
  if (t < b.inhale + b.hold) return { name: "Hold", scale: 1 };
  const out = (t - b.inhale - b.hold) / b.exhale;
  return { name: b.sound ? `Breathe out: “${b.sound}”` : "Breathe out", scale: 1 - 0.55 * out };
}

// Segments made outside Python (a talk added in the plan builder) may come without their texts.
const withTexts = (list) => list.map((s) => ({ heading: s.label, spoken: s.label, ...s }));
const durationsOf = (segments) => segments.map((s) => s.seconds * 1000);

function render({ model, el: host }) {
  let segments = withTexts(model.get("segments"));
  let cues = model.get("cues") || { tones: {}, vibrations: {}, texts: {}, lang: "en" };
  let place = placeKeeper(model.get("session_id"));
  const reduceMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const text = (name) => cues.texts[name] || "";

  // --- view -------------------------------------------------------------------------
  // data-lm-suppress-shortcuts: in JupyterLab, keys pressed here belong to the timer, not the notebook.
  const root = el("section", { class: "be-card be-timer", tabindex: "0", "data-lm-suppress-shortcuts": "true" });
  const title = el("h3", { class: "be-title" });
  const resumeBox = el("div", { class: "be-resume", role: "group", "aria-label": "Carry on where you stopped" });
  const kind = el("p", { class: "be-kind" });
  const label = el("p", { class: "be-label" });
  const cue = el("p", { class: "be-cue" });
  const clock = el("p", { class: "be-clock", role: "timer", "aria-label": "Time left in this step" });
  const circle = el("div", { class: "be-breath", "aria-hidden": "true" });
  const breath = el("p", { class: "be-breath-label" });
  const stepBar = el("progress", { class: "be-step-bar", max: "1", value: "0", "aria-label": "This step" });
  const allBar = el("progress", { class: "be-all-bar", max: "1", value: "0", "aria-label": "Whole session" });
  const status = el("p", { class: "be-status" });
  const next = el("p", { class: "be-next" });
  const note = el("p", { class: "be-note", role: "status" });
  const live = el("p", { class: "be-live", "aria-live": "polite", role: "status" });
  const controls = el("div", { class: "be-controls", role: "group", "aria-label": "Timer controls" });
  const button = (words, name) => el("button", { type: "button", class: `be-${name}` }, words);
  const startBtn = button("Start", "start");
  const backBtn = button("Back", "back");
  const skipBtn = button("Skip", "skip");
  const restartBtn = button("Restart", "restart");
  const muteBtn = button("Mute", "mute");
  const voiceBtn = button("Speak cues", "voice");
  const buzzBtn = button("Vibrate", "vibrate");
  const presentBtn = button("Full screen", "present");
  for (const b of [muteBtn, voiceBtn, buzzBtn, presentBtn]) b.setAttribute("aria-pressed", "false");
  controls.append(startBtn, backBtn, skipBtn, restartBtn, muteBtn, voiceBtn, buzzBtn, presentBtn);
  const breathBox = el("div", { class: "be-breath-box" });
  breathBox.append(circle, breath);
  const diaryBox = el("div", { class: "be-diary-offer" });
  const tones = el("div", { hidden: "" }); // the <audio> elements that play the tones
  root.append(title, resumeBox, kind, label, cue, clock, breathBox, stepBar, allBar, status, next, controls, note,
    diaryBox, live, tones);
  host.append(root);

  // --- the device: tones, vibration, voice, the screen kept on --------------------------
  const player = tonePlayer(tones);
  const buzzer = vibrator();
  const voice = speaker();
  const keepAwake = screenWake();
  buzzBtn.hidden = !buzzer.able;
  let muted = false;
  let speaking = false;
  let buzzing = false;

  function tone(name) {
    if (!muted) player.play(name);
  }

  function vibrate(name) {
    if (buzzing) buzzer.buzz(cues.vibrations[name]);
  }

  function say(words) {
    if (speaking && !muted) voice.say(words);
  }

  function flash() {
    root.classList.remove("be-flash");
    void root.offsetWidth; // restart the animation
    root.classList.add("be-flash");
  }

  function announce(words) {
    live.textContent = words;
  }

  function cueSegment() {
    const seg = segments[machine.index];
    const name = seg.kind === "switch" ? "switch" : "step";
    tone(name);
    vibrate(name);
    flash();
    announce(`Step ${machine.index + 1} of ${segments.length}: ${seg.spoken}`);
    say(seg.spoken);
  }

  // --- the machine, and what each of its effects means here ---------------------------
  let machine = timerStart(durationsOf(segments));
  let ticker = null;
  let boundary = null;
  let lastSave = 0;
  const now = () => performance.now();

  function savePlace() {
    lastSave = now();
    place.keep(machine, lastSave);
  }

  // Progress back to Python (when a kernel is there), and the place for a reload.
  function report() {
    model.set("completed", machine.phase === "done" ? segments.length : machine.index);
    model.set("finished", machine.phase === "done");
    model.save_changes();
    savePlace();
  }

  const effects = {
    cue: cueSegment,
    finished() {
      tone("end");
      vibrate("end");
      flash();
      announce(text("done_announce"));
      say(text("done_say"));
    },
    resumed: () => announce(`Resumed: ${segments[machine.index].heading}`),
    paused: () => announce(`Paused with ${fmt(machine.leftMs)} left`),
    ready: () => announce(`Ready: ${segments[0].heading}. Press Start.`),
  };

  function send(type, extra = {}) {
    const was = machine;
    const step = timerStep(machine, { type, now: now(), ...extra });
    machine = step.state;
    if (machine.phase === "running") {
      if (was.phase !== "running" || machine.deadline !== was.deadline) startTicking();
    } else if (was.phase === "running") stopTicking();
    if (machine.phase === "running" && was.phase !== "running") {
      resumeBox.hidden = true;
      keepAwake(true);
    } else if ((machine.phase !== "running" && was.phase === "running") || type === "restart") keepAwake(false);
    step.effects.forEach((name) => effects[name]());
    if (machine.index !== was.index || machine.phase !== was.phase || type !== "tick") report();
    else if (now() - lastSave >= SAVE_EVERY_MS) savePlace();
    draw();
  }

  // Two clocks: a display tick, and a timeout set for the exact end of the segment,
  // so a step changes on time rather than on the next display tick.
  function onBoundary() {
    boundary = null;
    send("tick"); // which sets the clocks again if it moved to the next segment
    if (machine.phase === "running" && !boundary) boundary = setTimeout(onBoundary, Math.max(0, machine.deadline - now()));
  }

  function startTicking() {
    stopTicking();
    ticker = setInterval(() => send("tick"), 100);
    boundary = setTimeout(onBoundary, Math.max(0, machine.deadline - now()));
  }

  function stopTicking() {
    clearInterval(ticker);
    clearTimeout(boundary);
    ticker = boundary = null;
  }

  const startOrPause = () => send(machine.phase === "running" ? "pause" : "start");

  // --- carry on after a reload ------------------------------------------------------
  function offerResume() {
    const saved = place.saved(machine.durations);
    resumeBox.replaceChildren();
    resumeBox.hidden = !saved;
    if (!saved) return;
    const yes = button(text("resume_yes"), "resume-yes");
    const no = button(text("resume_no"), "resume-no");
    resumeBox.append(el("p", {}, fill(text("resume"), { step: saved.index + 1, total: segments.length,
      heading: segments[saved.index].heading, left: fmt(saved.leftMs) })), yes, no);
    yes.addEventListener("click", () => {
      resumeBox.hidden = true;
      send("resume", saved);
    });
    no.addEventListener("click", () => {
      resumeBox.hidden = true;
      place.forget();
      root.focus();
    });
  }

  // --- the diary, at the end of a session or when it is stopped early ---------------
  let diarySpec = null; // asked for when a session first ends: a built page loads it from its file then
  let diaryModule = null;
  function offerDiary() {
    diaryBox.replaceChildren();
    const done = machine.phase === "done";
    if (!(done || stoppedEarly(machine))) return;
    diarySpec ??= model.get("diary");
    if (!diarySpec) return;
    Promise.resolve(diarySpec).catch(() => {}); // a file that does not load is reported when the form is asked for
    const open = button(done ? "Record this session in your diary" : "Stopping here? Record it in your diary", "diary");
    diaryBox.append(open);
    open.addEventListener("click", async () => {
      const spec = await diarySpec;
      diaryModule ??= importText(spec.esm);
      const { entryForm } = await diaryModule;
      const total = machine.durations.reduce((sum, ms) => sum + ms, 0);
      const session = { ...model.get("diary_entry"), session: model.get("title"), planned_seconds: Math.round(total / 1000),
        done_seconds: Math.round(timeDone(machine, now()) / 1000), finished: machine.phase === "done" };
      const form = entryForm(spec, session, {
        onSaved: () => diaryBox.replaceChildren(el("p", { class: "be-diary-saved", role: "status" },
          spec.saved)),
        onCancel: () => offerDiary(),
      });
      diaryBox.replaceChildren(form);
      form.querySelector("select")?.focus();
    });
  }

  // --- drawing ----------------------------------------------------------------------
  // A tick (every 100 ms) writes only what changed: a text written again, even the same, is laid out again.
  const put = (node, value) => { if (node.textContent !== value) node.textContent = value; };
  let shownState = null;
  function draw() {
    const { phase, index, durations } = machine;
    const seg = segments[index];
    const done = phase === "done";
    const at = now();
    const inStep = durations[index] - timeLeft(machine, at);
    Object.assign(root.dataset, { state: phase, index: String(index), kind: seg.kind });
    put(kind, done ? "Finished" : `Step ${index + 1} of ${segments.length}`);
    put(label, done ? text("done_label") : seg.heading);
    put(cue, done ? text("done_cue") : seg.cue);
    put(clock, fmt(timeLeft(machine, at)));
    stepBar.value = Math.min(1, inStep / durations[index]);
    allBar.value = Math.min(1, timeDone(machine, at) / durations.reduce((sum, ms) => sum + ms, 0));
    put(status, { ready: "Ready", running: "Running", paused: "Paused", done: "Done" }[phase]);
    const after = segments[index + 1];
    put(next, !done && after ? `Next: ${after.heading}` : "");
    put(startBtn, phase === "running" ? "Pause" : phase === "paused" ? "Resume" : "Start");
    backBtn.disabled = index === 0 && !done;
    skipBtn.disabled = done;
    const b = seg.breathing;
    breathBox.hidden = !b || done;
    if (b) {
      const breathNow = breathPhase(b, inStep);
      put(breath, phase === "running" ? breathNow.name : "Breathing pace");
      circle.style.transform = reduceMotion || phase !== "running" ? "scale(0.75)" : `scale(${breathNow.scale})`;
    }
    if (phase !== shownState) {
      shownState = phase;
      offerDiary();
    }
  }

  function showSession() {
    const name = model.get("title");
    title.textContent = name;
    root.setAttribute("aria-label", `Session timer: ${name}`);
  }

  // --- input ------------------------------------------------------------------------
  root.addEventListener("pointerdown", player.unlock, { capture: true });
  root.addEventListener("keydown", player.unlock, { capture: true });
  startBtn.addEventListener("click", startOrPause);
  skipBtn.addEventListener("click", () => send("skip"));
  backBtn.addEventListener("click", () => send("back"));
  restartBtn.addEventListener("click", () => send("restart"));
  muteBtn.addEventListener("click", () => {
    muted = !muted;
    muteBtn.setAttribute("aria-pressed", String(muted));
    if (muted) voice.hush();
  });
  voiceBtn.addEventListener("click", () => {
    if (!voice.voice) voice.pick();
    if (!speaking && !voice.voice) {
      note.textContent = text("no_voice");
      return;
    }
    speaking = !speaking;
    voiceBtn.setAttribute("aria-pressed", String(speaking));
    note.textContent = speaking ? `${text("voice_on")} (${voice.voice.name})` : "";
    if (speaking) say(segments[machine.index].heading);
  });
  buzzBtn.addEventListener("click", () => {
    buzzing = !buzzing;
    buzzBtn.setAttribute("aria-pressed", String(buzzing));
    if (buzzing) vibrate("step");
  });
  // Presenter view: full screen where the browser allows it, else a page-filling overlay.
  function present(on) {
    root.classList.toggle("be-presenting", on);
    presentBtn.setAttribute("aria-pressed", String(on));
    presentBtn.textContent = on ? "Exit full screen" : "Full screen";
    root.focus();
  }
  presentBtn.addEventListener("click", async () => {
    const on = !root.classList.contains("be-presenting");
    if (!on && document.fullscreenElement === root) return document.exitFullscreen();
    if (on && root.requestFullscreen) {
      try {
        return await root.requestFullscreen();
      } catch (err) {
        // refused (e.g. inside a frame): fall back to the overlay
      }
    }
    present(on);
  });
  const onFullscreen = () => present(document.fullscreenElement === root);
  document.addEventListener("fullscreenchange", onFullscreen);

  root.addEventListener("keydown", (event) => {
    const onControl = event.target instanceof HTMLButtonElement || event.target.closest?.("form");
    if (event.key === " " && !onControl) startOrPause();
    else if (event.key === "ArrowRight" && !onControl) send("skip");
    else if (event.key === "ArrowLeft" && !onControl) send("back");
    else if (event.key === "Escape" && root.classList.contains("be-presenting")) present(false);
    else return;
    event.preventDefault();
  });
  const onVisible = () => {
    if (document.visibilityState !== "visible") return savePlace();
    send("tick");
    if (machine.phase === "running") keepAwake(true);
  };
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("pagehide", savePlace);

  // Python changed the session or its cues: show the new one from the start.
  const onSegments = () => {
    segments = withTexts(model.get("segments"));
    machine = { ...machine, durations: durationsOf(segments) };
    send("restart");
    offerResume();
  };
  const onCues = () => {
    cues = model.get("cues");
    player.load(cues.tones);
    voice.setLang(cues.lang);
    draw();
  };
  const onSession = () => { // a new session from Python keeps its place under its own key
    place = placeKeeper(model.get("session_id"));
    offerResume();
  };
  const unlisten = [listen(model, ["segments"], onSegments), listen(model, ["title"], showSession),
    listen(model, ["cues"], onCues), listen(model, ["session_id"], onSession)];

  player.load(cues.tones);
  voice.setLang(cues.lang);
  showSession();
  offerResume();
  draw();
  return () => {
    stopTicking();
    keepAwake(false);
    savePlace();
    document.removeEventListener("visibilitychange", onVisible);
    document.removeEventListener("fullscreenchange", onFullscreen);
    window.removeEventListener("pagehide", savePlace);
    voice.stop();
    unlisten.forEach((off) => off());
  };
}

// The timer inside another widget's view (My routine, the plan builder: see embeddedTimer in
// _shared.js): a stand-in model over `values`, the timer's styles, the view. Returns the view's cleanup.
export function embed(host, values, css) {
  host.replaceChildren(el("style", {}, css));
  const cleanup = render({ model: standInModel(values), el: host });
  host.querySelector(".be-timer")?.focus();
  return cleanup;
}

export default { render };
