// Session timer view: the same ES module runs in JupyterLab, classic Notebook and on the
// built book page (through the book's offline widget loader). Time comes from deadlines
// on performance.now(), never from counted ticks, so a background tab or a locked phone
// screen cannot make it drift: on return it catches up to where it should be.
//
// Python computes everything the view shows or says (segment headings and spoken cues,
// tones, vibration patterns, fixed texts, the diary's fields) and sends it in widget
// state; the view listens for changes. A running session keeps its place in
// localStorage, so a reload or a closed tab can carry on where it stopped.

const RESUME_VERSION = 1;
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

// localStorage may be missing or refuse (private modes, storage full): the timer still runs.
const storage = {
  get(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (err) {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (err) {
      // nowhere to keep the place: resuming is simply not offered
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (err) {
      // as above
    }
  },
};

// Segments made outside Python (a talk added in the plan builder) may come without their texts.
const withTexts = (list) => list.map((s) => ({ heading: s.label, spoken: s.label, ...s }));

function render({ model, el: host }) {
  let segments = withTexts(model.get("segments"));
  let cues = model.get("cues") || { tones: {}, vibrations: {}, texts: {}, lang: "en" };
  const diarySpec = model.get("diary");
  const keyOf = (sessionId) => (sessionId ? `backease.timer.v${RESUME_VERSION}.${sessionId}` : null);
  let resumeKey = keyOf(model.get("session_id"));
  const reduceMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const totalMs = () => segments.reduce((sum, s) => sum + s.seconds * 1000, 0);
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
  const canVibrate = typeof navigator.vibrate === "function";
  buzzBtn.hidden = !canVibrate;
  controls.append(startBtn, backBtn, skipBtn, restartBtn, muteBtn, voiceBtn, buzzBtn, presentBtn);
  const breathBox = el("div", { class: "be-breath-box" });
  breathBox.append(circle, breath);
  const diaryBox = el("div", { class: "be-diary-offer" });
  const tones = el("div", { hidden: "" }); // the <audio> elements that play the tones
  root.append(title, resumeBox, kind, label, cue, clock, breathBox, stepBar, allBar, status, next, controls, note,
    diaryBox, live, tones);
  host.append(root);

  // --- state ------------------------------------------------------------------------
  let index = 0; // current segment
  let state = "ready"; // ready | running | paused | done
  let deadline = 0; // performance.now() at which the current segment ends (running)
  let leftMs = segments[0].seconds * 1000; // time left in the segment (ready/paused)
  let muted = false;
  let voice = false;
  let buzz = false;
  let webAudio = null;
  let wakeLock = null;
  let ticker = null;
  let boundary = null;
  let lastSave = 0;

  const now = () => performance.now();
  const segMs = (i) => segments[i].seconds * 1000;
  const remaining = () => (state === "running" ? deadline - now() : state === "done" ? 0 : leftMs);

  // --- tones: <audio> elements (an iPhone's silent switch mutes Web Audio, not these) ----
  const players = {};
  function makePlayers() {
    tones.replaceChildren();
    for (const [name, uri] of Object.entries(cues.tones)) {
      players[name] = el("audio", { src: uri, preload: "auto", "data-tone": name });
      tones.append(players[name]);
    }
  }

  // iOS plays a media element only after a tap has started it once: start each one, silently, on the first tap.
  let unlocked = false;
  function unlockAudio() {
    if (unlocked) return;
    unlocked = true;
    for (const player of Object.values(players)) {
      player.muted = true;
      player.play().then(() => {
        player.pause();
        player.currentTime = 0;
        player.muted = false;
      }, () => (player.muted = false));
    }
  }

  // The same WAV through Web Audio, if the media element refuses to play.
  async function playWebAudio(name) {
    webAudio = webAudio || new (window.AudioContext || window.webkitAudioContext)();
    const bytes = Uint8Array.from(atob(cues.tones[name].split(",")[1]), (c) => c.charCodeAt(0));
    const source = webAudio.createBufferSource();
    source.buffer = await webAudio.decodeAudioData(bytes.buffer);
    source.connect(webAudio.destination);
    source.start();
  }

  function tone(name) {
    if (muted || !players[name]) return;
    const player = players[name];
    player.muted = false;
    player.currentTime = 0;
    player.play().catch(() => playWebAudio(name).catch(() => {
      // no sound at all here: the flash, the live region and vibration still carry the cue
    }));
  }

  function vibrate(name) {
    if (buzz && canVibrate && cues.vibrations[name]) navigator.vibrate(cues.vibrations[name]);
  }

  // --- voice: only voices on the device, so cues work offline -------------------------
  const canSpeak = "speechSynthesis" in window;
  let spokenBy = null;
  function pickVoice() {
    const local = window.speechSynthesis.getVoices().filter((v) => v.localService);
    const lang = cues.lang.toLowerCase();
    const base = lang.split("-")[0];
    spokenBy = local.find((v) => v.lang.toLowerCase().replace("_", "-") === lang)
      || local.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base) || null;
  }
  if (canSpeak) {
    pickVoice();
    window.speechSynthesis.addEventListener?.("voiceschanged", pickVoice);
  }

  function say(words) {
    if (!voice || muted || !spokenBy) return;
    window.speechSynthesis.cancel(); // a new cue replaces one still being spoken
    const utterance = new SpeechSynthesisUtterance(words);
    utterance.voice = spokenBy;
    utterance.lang = spokenBy.lang || cues.lang;
    window.speechSynthesis.speak(utterance);
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
    const seg = segments[index];
    const name = seg.kind === "switch" ? "switch" : "step";
    tone(name);
    vibrate(name);
    flash();
    announce(`Step ${index + 1} of ${segments.length}: ${seg.spoken}`);
    say(seg.spoken);
  }

  async function keepAwake(on) {
    try {
      if (on && !wakeLock && navigator.wakeLock && document.visibilityState === "visible") {
        wakeLock = await navigator.wakeLock.request("screen");
        wakeLock.addEventListener("release", () => (wakeLock = null));
      } else if (!on && wakeLock) {
        await wakeLock.release();
        wakeLock = null;
      }
    } catch (err) {
      wakeLock = null; // not allowed here (e.g. battery saver): the timer still runs
    }
  }

  // --- the place in the session, kept for a reload ----------------------------------
  function savePlace() {
    if (!resumeKey) return;
    lastSave = now();
    if (state === "running" || state === "paused") {
      storage.set(resumeKey, { v: RESUME_VERSION, index, leftMs: Math.round(remaining()), savedAt: Date.now() });
    } else storage.remove(resumeKey);
  }

  function offerResume() {
    const saved = resumeKey && storage.get(resumeKey);
    const valid = saved && saved.v === RESUME_VERSION && Number.isInteger(saved.index) && saved.index >= 0
      && saved.index < segments.length && saved.leftMs > 0 && saved.leftMs <= segMs(saved.index);
    resumeBox.replaceChildren();
    resumeBox.hidden = !valid;
    if (!valid) return;
    const seg = segments[saved.index];
    const yes = button(text("resume_yes"), "resume-yes");
    const no = button(text("resume_no"), "resume-no");
    resumeBox.append(el("p", {}, fill(text("resume"), { step: saved.index + 1, total: segments.length,
      heading: seg.heading, left: fmt(saved.leftMs) })), yes, no);
    yes.addEventListener("click", () => {
      resumeBox.hidden = true;
      index = saved.index;
      leftMs = saved.leftMs;
      state = "paused";
      start();
    });
    no.addEventListener("click", () => {
      resumeBox.hidden = true;
      storage.remove(resumeKey);
      root.focus();
    });
  }

  // --- the diary, at the end of a session or when it is stopped early ---------------
  let diaryModule = null;
  function offerDiary() {
    diaryBox.replaceChildren();
    const stopped = state === "paused" && (index > 0 || leftMs < segMs(0));
    if (!diarySpec || !(state === "done" || stopped)) return;
    const open = button(state === "done" ? "Record this session in your diary" : "Stopping here? Record it in your diary", "diary");
    diaryBox.append(open);
    open.addEventListener("click", async () => {
      diaryModule ??= importText(diarySpec.esm);
      const { entryForm } = await diaryModule;
      const doneMs = state === "done" ? totalMs() : segments.slice(0, index).reduce((s, x) => s + x.seconds * 1000, 0)
        + segMs(index) - leftMs;
      const session = { session: model.get("title"), planned_seconds: Math.round(totalMs() / 1000),
        done_seconds: Math.round(doneMs / 1000), finished: state === "done" };
      const form = entryForm(diarySpec, session, {
        onSaved: () => diaryBox.replaceChildren(el("p", { class: "be-diary-saved", role: "status" },
          diarySpec.saved)),
        onCancel: () => offerDiary(),
      });
      diaryBox.replaceChildren(form);
      form.querySelector("select")?.focus();
    });
  }

  // --- progress back to Python (when a kernel is there) --------------------------
  function report() {
    model.set("completed", state === "done" ? segments.length : index);
    model.set("finished", state === "done");
    model.save_changes();
    savePlace();
  }

  // --- transitions ------------------------------------------------------------------
  function go(i, { cue = true } = {}) {
    index = i;
    leftMs = segMs(i);
    if (state === "running") {
      deadline = now() + leftMs;
      startTicking();
    }
    if (cue) cueSegment();
    report();
    draw();
  }

  function finish() {
    state = "done";
    index = segments.length - 1;
    stopTicking();
    keepAwake(false);
    tone("end");
    vibrate("end");
    flash();
    announce(text("done_announce"));
    say(text("done_say"));
    report();
    draw();
  }

  // Advance past every segment whose deadline has passed (several after a locked screen).
  function catchUp() {
    if (state !== "running") return;
    let moved = false;
    while (now() >= deadline) {
      if (index === segments.length - 1) return finish();
      index += 1;
      deadline += segMs(index);
      moved = true;
    }
    if (moved) {
      cueSegment();
      report();
    } else if (now() - lastSave >= SAVE_EVERY_MS) savePlace();
  }

  // Two clocks: a display tick, and a timeout set for the exact end of the segment,
  // so a step changes on time rather than on the next display tick.
  function onBoundary() {
    catchUp();
    draw();
    if (state === "running") boundary = setTimeout(onBoundary, Math.max(0, deadline - now()));
  }

  function startTicking() {
    stopTicking();
    ticker = setInterval(() => {
      catchUp();
      draw();
    }, 100);
    boundary = setTimeout(onBoundary, Math.max(0, deadline - now()));
  }

  function stopTicking() {
    clearInterval(ticker);
    clearTimeout(boundary);
    ticker = boundary = null;
  }

  function start() {
    if (state === "running") return pause();
    if (state === "done") restart();
    const first = state === "ready";
    state = "running";
    resumeBox.hidden = true;
    deadline = now() + leftMs;
    if (first) cueSegment();
    else announce(`Resumed: ${segments[index].heading}`);
    startTicking();
    keepAwake(true);
    savePlace();
    draw();
  }

  function pause() {
    if (state !== "running") return;
    leftMs = Math.max(0, deadline - now());
    state = "paused";
    stopTicking();
    keepAwake(false);
    announce(`Paused with ${fmt(leftMs)} left`);
    savePlace();
    draw();
  }

  function skip() {
    if (state === "done") return;
    if (index === segments.length - 1) return finish();
    go(index + 1);
  }

  function back() {
    if (state === "done") {
      state = "paused";
      return go(segments.length - 1);
    }
    go(Math.max(0, index - 1));
  }

  function restart() {
    stopTicking();
    keepAwake(false);
    state = "ready";
    go(0, { cue: false });
    announce(`Ready: ${segments[0].heading}. Press Start.`);
  }

  // --- drawing ----------------------------------------------------------------------
  let shownState = null;
  function draw() {
    const seg = segments[index];
    const left = remaining();
    const doneBefore = segments.slice(0, index).reduce((s, x) => s + x.seconds * 1000, 0);
    const inStep = state === "done" ? segMs(index) : segMs(index) - left;
    root.dataset.state = state;
    root.dataset.index = String(index);
    root.dataset.kind = seg.kind;
    kind.textContent = state === "done" ? "Finished" : `Step ${index + 1} of ${segments.length}`;
    label.textContent = state === "done" ? text("done_label") : seg.heading;
    cue.textContent = state === "done" ? text("done_cue") : seg.cue;
    clock.textContent = fmt(left);
    stepBar.value = Math.min(1, inStep / segMs(index));
    allBar.value = Math.min(1, (doneBefore + inStep) / totalMs());
    status.textContent = { ready: "Ready", running: "Running", paused: "Paused", done: "Done" }[state];
    const after = segments[index + 1];
    next.textContent = state !== "done" && after ? `Next: ${after.heading}` : "";
    startBtn.textContent = state === "running" ? "Pause" : state === "paused" ? "Resume" : "Start";
    backBtn.disabled = index === 0 && state !== "done";
    skipBtn.disabled = state === "done";
    const b = seg.breathing;
    breathBox.hidden = !b || state === "done";
    if (b) {
      const phase = breathPhase(b, inStep);
      breath.textContent = state === "running" ? phase.name : "Breathing pace";
      circle.style.transform = reduceMotion || state !== "running" ? "scale(0.75)" : `scale(${phase.scale})`;
    }
    if (state !== shownState) {
      shownState = state;
      offerDiary();
    }
  }

  function showSession() {
    const name = model.get("title");
    title.textContent = name;
    root.setAttribute("aria-label", `Session timer: ${name}`);
  }

  // --- input ------------------------------------------------------------------------
  root.addEventListener("pointerdown", unlockAudio, { capture: true });
  root.addEventListener("keydown", unlockAudio, { capture: true });
  startBtn.addEventListener("click", start);
  skipBtn.addEventListener("click", skip);
  backBtn.addEventListener("click", back);
  restartBtn.addEventListener("click", restart);
  muteBtn.addEventListener("click", () => {
    muted = !muted;
    muteBtn.setAttribute("aria-pressed", String(muted));
    if (muted && canSpeak) window.speechSynthesis.cancel();
  });
  voiceBtn.addEventListener("click", () => {
    if (canSpeak && !spokenBy) pickVoice();
    if (!voice && !spokenBy) {
      note.textContent = text("no_voice");
      return;
    }
    voice = !voice;
    voiceBtn.setAttribute("aria-pressed", String(voice));
    note.textContent = voice ? `${text("voice_on")} (${spokenBy.name})` : "";
    if (voice) say(segments[index].heading);
  });
  buzzBtn.addEventListener("click", () => {
    buzz = !buzz;
    buzzBtn.setAttribute("aria-pressed", String(buzz));
    if (buzz) vibrate("step");
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
    if (event.key === " " && !onControl) start();
    else if (event.key === "ArrowRight" && !onControl) skip();
    else if (event.key === "ArrowLeft" && !onControl) back();
    else if (event.key === "Escape" && root.classList.contains("be-presenting")) present(false);
    else return;
    event.preventDefault();
  });
  const onVisible = () => {
    if (document.visibilityState !== "visible") return savePlace();
    catchUp();
    draw();
    if (state === "running") keepAwake(true);
  };
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("pagehide", savePlace);

  // Python changed the session or its cues: show the new one from the start.
  const onSegments = () => {
    segments = withTexts(model.get("segments"));
    restart();
    offerResume();
  };
  const onCues = () => {
    cues = model.get("cues");
    makePlayers();
    draw();
  };
  const onSession = () => { // a new session from Python keeps its place under its own key
    resumeKey = keyOf(model.get("session_id"));
    offerResume();
  };
  const unlisten = [listen(model, ["segments"], onSegments), listen(model, ["title"], showSession),
    listen(model, ["cues"], onCues), listen(model, ["session_id"], onSession)];

  makePlayers();
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
    if (canSpeak) window.speechSynthesis.removeEventListener?.("voiceschanged", pickVoice);
    unlisten.forEach((off) => off());
  };
}

// The timer inside another widget's view (My routine, the plan builder: see embeddedTimer in
// _shared.js): a stand-in model over `values` that fires change handlers as anywidget's does,
// the timer's styles, the view. Returns the view's cleanup.
export function embed(host, values, css) {
  const handlers = {};
  const model = {
    get: (k) => values[k],
    set(k, v) {
      values[k] = v;
      for (const cb of handlers[`change:${k}`] || []) cb({ new: v });
    },
    on: (event, cb) => (handlers[event] = [...(handlers[event] || []), cb]),
    off: (event, cb) => (handlers[event] = (handlers[event] || []).filter((h) => h !== cb)),
    save_changes() {},
    send() {},
  };
  host.replaceChildren(el("style", {}, css));
  const cleanup = render({ model, el: host });
  host.querySelector(".be-timer")?.focus();
  return cleanup;
}

export default { render };
