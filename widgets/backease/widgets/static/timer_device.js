// What the session timer asks of the device: tones, vibration, a spoken cue, a screen kept awake.
// Each part fails quietly where the device refuses (no sound, no voice, battery saver): the
// timer's text, flash and live region still carry every cue.

// Tones from <audio> elements in `box` (an iPhone's silent switch mutes Web Audio, not these),
// with the same WAV through Web Audio if the element refuses to play. `tones`: name -> data URI.
// The elements are made on the first tap (or tone), not when the timer is drawn: each costs the
// first render main-thread time, and the course page has 12 timers of 3 tones.
function tonePlayer(box) {
  let players = null; // made by ready()
  let tones = {};
  let webAudio = null;
  let unlocked = false;

  async function playWebAudio(name) {
    webAudio = webAudio || new (window.AudioContext || window.webkitAudioContext)();
    const bytes = Uint8Array.from(atob(tones[name].split(",")[1]), (c) => c.charCodeAt(0));
    const source = webAudio.createBufferSource();
    source.buffer = await webAudio.decodeAudioData(bytes.buffer);
    source.connect(webAudio.destination);
    source.start();
  }

  function ready() {
    if (!players) {
      players = {};
      for (const [name, uri] of Object.entries(tones)) {
        players[name] = el("audio", { src: uri, preload: "auto", "data-tone": name });
        box.append(players[name]);
      }
    }
    return players;
  }

  return {
    load(newTones) {
      tones = newTones;
      players = null;
      box.replaceChildren();
    },
    // iOS plays a media element only after a tap has started it once: start each one, silently, on the first tap.
    unlock() {
      if (unlocked) return;
      unlocked = true;
      for (const player of Object.values(ready())) {
        player.muted = true;
        player.play().then(() => {
          player.pause();
          player.currentTime = 0;
          player.muted = false;
        }, () => (player.muted = false));
      }
    },
    play(name) {
      const player = ready()[name];
      if (!player) return;
      player.muted = false;
      player.currentTime = 0;
      player.play().catch(() => playWebAudio(name).catch(() => {
        // no sound at all here: the flash, the live region and vibration still carry the cue
      }));
    },
  };
}

// Vibration patterns by name, where the device can vibrate.
function vibrator() {
  const able = typeof navigator.vibrate === "function";
  return { able, buzz: (pattern) => able && pattern && navigator.vibrate(pattern) };
}

// Spoken cues, only with voices on the device, so they work offline: a voice for `lang` (or its base language).
function speaker() {
  const able = "speechSynthesis" in window;
  let lang = "en";
  let voice = null;
  function pick() {
    const local = window.speechSynthesis.getVoices().filter((v) => v.localService);
    const base = lang.split("-")[0];
    voice = local.find((v) => v.lang.toLowerCase().replace("_", "-") === lang)
      || local.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base) || null;
  }
  if (able) window.speechSynthesis.addEventListener?.("voiceschanged", pick);
  return {
    able,
    get voice() {
      return voice;
    },
    setLang(newLang) {
      lang = newLang.toLowerCase();
      if (able) pick();
    },
    pick: () => able && pick(),
    say(words) {
      if (!voice) return;
      window.speechSynthesis.cancel(); // a new cue replaces one still being spoken
      const utterance = new SpeechSynthesisUtterance(words);
      utterance.voice = voice;
      utterance.lang = voice.lang || lang;
      window.speechSynthesis.speak(utterance);
    },
    hush: () => able && window.speechSynthesis.cancel(),
    stop: () => able && window.speechSynthesis.removeEventListener?.("voiceschanged", pick),
  };
}

// The screen kept on while the session runs, where the browser allows it.
function screenWake() {
  let lock = null;
  return async function keepAwake(on) {
    try {
      if (on && !lock && navigator.wakeLock && document.visibilityState === "visible") {
        lock = await navigator.wakeLock.request("screen");
        lock.addEventListener("release", () => (lock = null));
      } else if (!on && lock) {
        await lock.release();
        lock = null;
      }
    } catch (err) {
      lock = null; // not allowed here (e.g. battery saver): the timer still runs
    }
  };
}
