// A running session's place, kept in localStorage under its session's key, so a reload or a closed
// tab can carry on where it stopped. localStorage may be missing or refuse (private modes, storage
// full): then resuming is simply not offered, and the timer still runs.

const RESUME_VERSION = 1;

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
      // nowhere to keep the place
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

// The place of the session `sessionId` (no id: nothing is kept).
function placeKeeper(sessionId) {
  const key = sessionId ? `backease.timer.v${RESUME_VERSION}.${sessionId}` : null;
  return {
    // The machine's state at `now`: kept while the session runs or is paused, forgotten otherwise.
    keep(state, now) {
      if (!key) return;
      if (state.phase === "running" || state.phase === "paused") {
        storage.set(key, { v: RESUME_VERSION, index: state.index, leftMs: Math.round(timeLeft(state, now)), savedAt: Date.now() });
      } else storage.remove(key);
    },
    // The kept place ({index, leftMs}) if it fits a session of these durations, else null.
    saved(durations) {
      const place = key && storage.get(key);
      const fits = place && place.v === RESUME_VERSION && Number.isInteger(place.index) && place.index >= 0
        && place.index < durations.length && place.leftMs > 0 && place.leftMs <= durations[place.index];
      return fits ? { index: place.index, leftMs: place.leftMs } : null;
    },
    forget: () => key && storage.remove(key),
  };
}
