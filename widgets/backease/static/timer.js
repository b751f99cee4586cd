// Session timer view: the same ES module runs in JupyterLab, classic Notebook and on the
// built book page (through the book's offline widget loader). Time comes from deadlines
// on performance.now(), never from counted ticks, so a background tab or a locked phone
// screen cannot make it drift: on return it catches up to where it should be.

const KIND_TONES = {
  step: [[880, 0.18]],
  switch: [[660, 0.15], [990, 0.25]],
  end: [[990, 0.2], [784, 0.2], [660, 0.45]],
};

function fmt(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

function spokenDuration(seconds) {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  const parts = [];
  if (m) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  if (s || !m) parts.push(`${s} second${s === 1 ? "" : "s"}`);
  return parts.join(" ");
}

function describe(seg) {
  const side = seg.side ? `, ${seg.side} side` : "";
  const reps = seg.reps ? `, ${seg.reps} repetitions` : "";
  return `${seg.label}${side}${reps}`;
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function breathPhase(b, elapsedMs) {
  const t = (elapsedMs / 1000) % (b.inhale + b.hold + b.exhale);
  if (t < b.inhale) return { name: "Breathe in", scale: 0.45 + 0.55 * (t / b.inhale) };
  if (t < b.inhale + b.hold) return { name: "Hold", scale: 1 };
  const out = (t - b.inhale - b.hold) / b.exhale;
  return { name: b.sound ? `Breathe out: “${b.sound}”` : "Breathe out", scale: 1 - 0.55 * out };
}

function render({ model, el: host }) {
  const segments = model.get("segments");
  const totalMs = segments.reduce((sum, s) => sum + s.seconds * 1000, 0);
  const reduceMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

  // --- view -------------------------------------------------------------------------
  // data-lm-suppress-shortcuts: in JupyterLab, keys pressed here belong to the timer, not the notebook.
  const root = el("section", { class: "be-timer", tabindex: "0", "aria-label": `Session timer: ${model.get("title")}`,
    "data-lm-suppress-shortcuts": "true" });
  const title = el("h3", { class: "be-title" }, model.get("title"));
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
  const live = el("p", { class: "be-live", "aria-live": "polite", role: "status" });
  const controls = el("div", { class: "be-controls", role: "group", "aria-label": "Timer controls" });
  const button = (text, name) => el("button", { type: "button", class: `be-${name}` }, text);
  const startBtn = button("Start", "start");
  const backBtn = button("Back", "back");
  const skipBtn = button("Skip", "skip");
  const restartBtn = button("Restart", "restart");
  const muteBtn = button("Mute", "mute");
  const voiceBtn = button("Speak cues", "voice");
  const presentBtn = button("Full screen", "present");
  muteBtn.setAttribute("aria-pressed", "false");
  voiceBtn.setAttribute("aria-pressed", "false");
  const canSpeak = "speechSynthesis" in window;
  if (!canSpeak) voiceBtn.hidden = true;
  presentBtn.setAttribute("aria-pressed", "false");
  controls.append(startBtn, backBtn, skipBtn, restartBtn, muteBtn, voiceBtn, presentBtn);
  const breathBox = el("div", { class: "be-breath-box" });
  breathBox.append(circle, breath);
  root.append(title, kind, label, cue, clock, breathBox, stepBar, allBar, status, next, controls, live);
  host.append(root);

  // --- state ------------------------------------------------------------------------
  let index = 0; // current segment
  let state = "ready"; // ready | running | paused | done
  let deadline = 0; // performance.now() at which the current segment ends (running)
  let leftMs = segments[0].seconds * 1000; // time left in the segment (ready/paused)
  let muted = false;
  let voice = false;
  let audio = null;
  let wakeLock = null;
  let ticker = null;
  let boundary = null;

  const now = () => performance.now();
  const segMs = (i) => segments[i].seconds * 1000;
  const remaining = () => (state === "running" ? deadline - now() : state === "done" ? 0 : leftMs);

  // --- cues -------------------------------------------------------------------------
  function tone(pattern) {
    if (muted) return;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      let t = audio.currentTime + 0.02;
      for (const [freq, dur] of KIND_TONES[pattern]) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.6, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + dur);
        osc.connect(gain).connect(audio.destination);
        osc.start(t);
        osc.stop(t + dur + 0.02);
        t += dur + 0.05;
      }
    } catch (err) {
      // No Web Audio here: the visual flash and the live region still carry the cue.
    }
  }

  function say(text) {
    if (!voice || muted || !canSpeak) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  function flash() {
    root.classList.remove("be-flash");
    void root.offsetWidth; // restart the animation
    root.classList.add("be-flash");
  }

  function announce(text) {
    live.textContent = text;
  }

  function cueSegment() {
    const seg = segments[index];
    tone(seg.kind === "switch" ? "switch" : "step");
    flash();
    const words = `${describe(seg)}. ${spokenDuration(seg.seconds)}.${seg.cue ? " " + seg.cue : ""}`;
    announce(`Step ${index + 1} of ${segments.length}: ${words}`);
    say(words);
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

  // --- progress back to Python (when a kernel is there) --------------------------
  function report() {
    model.set("completed", state === "done" ? segments.length : index);
    model.set("finished", state === "done");
    model.save_changes();
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
    flash();
    announce("Session complete. Well done. Rest for a moment before you get up.");
    say("Session complete. Well done.");
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
    }
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
    deadline = now() + leftMs;
    if (first) cueSegment();
    else announce(`Resumed: ${describe(segments[index])}`);
    startTicking();
    keepAwake(true);
    draw();
  }

  function pause() {
    if (state !== "running") return;
    leftMs = Math.max(0, deadline - now());
    state = "paused";
    stopTicking();
    keepAwake(false);
    announce(`Paused with ${spokenDuration(Math.ceil(leftMs / 1000))} left`);
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
    announce(`Ready: ${describe(segments[0])}. Press Start.`);
  }

  // --- drawing ----------------------------------------------------------------------
  function draw() {
    const seg = segments[index];
    const left = remaining();
    const doneBefore = segments.slice(0, index).reduce((s, x) => s + x.seconds * 1000, 0);
    const inStep = state === "done" ? segMs(index) : segMs(index) - left;
    root.dataset.state = state;
    root.dataset.index = String(index);
    root.dataset.kind = seg.kind;
    kind.textContent = state === "done" ? "Finished" : `Step ${index + 1} of ${segments.length}`;
    label.textContent = state === "done" ? "Session complete" : describe(seg);
    cue.textContent = state === "done" ? "Well done. Lie still for a moment, then get up slowly." : seg.cue;
    clock.textContent = fmt(left);
    stepBar.value = Math.min(1, inStep / segMs(index));
    allBar.value = Math.min(1, (doneBefore + inStep) / totalMs);
    status.textContent = { ready: "Ready", running: "Running", paused: "Paused", done: "Done" }[state];
    const after = segments[index + 1];
    next.textContent = state !== "done" && after ? `Next: ${describe(after)}` : "";
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
  }

  // --- input ------------------------------------------------------------------------
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
    voice = !voice;
    voiceBtn.setAttribute("aria-pressed", String(voice));
    if (voice) say(describe(segments[index]));
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
    const onButton = event.target instanceof HTMLButtonElement;
    if (event.key === " " && !onButton) start();
    else if (event.key === "ArrowRight") skip();
    else if (event.key === "ArrowLeft") back();
    else if (event.key === "Escape" && root.classList.contains("be-presenting")) present(false);
    else return;
    event.preventDefault();
  });
  const onVisible = () => {
    if (document.visibilityState !== "visible") return;
    catchUp();
    draw();
    if (state === "running") keepAwake(true);
  };
  document.addEventListener("visibilitychange", onVisible);

  draw();
  return () => {
    stopTicking();
    keepAwake(false);
    document.removeEventListener("visibilitychange", onVisible);
    document.removeEventListener("fullscreenchange", onFullscreen);
  };
}

export default { render };
