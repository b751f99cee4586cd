// The session timer as a pure state machine: no DOM, no clock of its own. A state is
// {phase, index, deadline, leftMs, durations}: phase is ready | running | paused | done; index the
// segment shown; deadline the clock time (performance.now() in the page) at which a running
// segment ends; leftMs the time left in a segment that is not running; durations each segment's
// length in ms. `timerStep(state, event)` returns the next state and what the view must do
// (`effects`: "cue" a new segment, "finished", "resumed", "paused", "ready"). Every event that can
// move time carries the clock's `now`, so the place comes from deadlines, never from counted ticks.
// tests/test_widgets_static_timer_machine.py runs it in node over generated event sequences.

export function timerStart(durations) {
  return { phase: "ready", index: 0, deadline: 0, leftMs: durations[0], durations };
}

// Time left in the current segment at clock time `now` (never below 0).
export function timeLeft(state, now) {
  if (state.phase === "done") return 0;
  return Math.max(0, state.phase === "running" ? state.deadline - now : state.leftMs);
}

// Time done in the session at `now`: the segments before this one, and this one so far.
export function timeDone(state, now) {
  const before = state.durations.slice(0, state.index).reduce((sum, ms) => sum + ms, 0);
  return before + state.durations[state.index] - timeLeft(state, now);
}

// A session stopped part of the way: paused after it has begun.
export function stoppedEarly(state) {
  return state.phase === "paused" && (state.index > 0 || state.leftMs < state.durations[0]);
}

function enter(state, index, now) {
  const leftMs = state.durations[index];
  return { ...state, index, leftMs, deadline: state.phase === "running" ? now + leftMs : state.deadline };
}

const finished = (state) => ({ ...state, phase: "done", index: state.durations.length - 1, leftMs: 0 });
const last = (state) => state.durations.length - 1;

// Past every segment whose deadline has gone by (several after a locked screen).
function catchUp(state, now) {
  if (state.phase !== "running") return { state, effects: [] };
  let s = state;
  let moved = false;
  while (now >= s.deadline) {
    if (s.index === last(s)) return { state: finished(s), effects: ["finished"] };
    s = { ...s, index: s.index + 1, deadline: s.deadline + s.durations[s.index + 1] };
    moved = true;
  }
  return { state: { ...s, leftMs: s.durations[s.index] }, effects: moved ? ["cue"] : [] };
}

// The next state and effects after `event` ({type, now}; "resume" also carries index and leftMs).
// A running session first catches up with the clock, so a tap after a locked screen acts on the
// step the clock has reached (and does nothing if the session ended meanwhile).
export function timerStep(state, event) {
  if (event.type === "restart") return { state: timerStart(state.durations), effects: ["ready"] };
  if (event.type === "resume") { // a saved place, after a reload
    return act({ ...state, phase: "paused", index: event.index, leftMs: event.leftMs }, { type: "start", now: event.now });
  }
  const caught = catchUp(state, event.now);
  if (event.type === "tick" || caught.effects.includes("finished")) return caught; // the end, reached meanwhile, wins
  const then = act(caught.state, event);
  return { state: then.state, effects: [...caught.effects, ...then.effects] };
}

function act(state, { type, now }) {
  switch (type) {
    case "start": { // Start, or Resume from a pause; from the end, a new start
      if (state.phase === "running") return { state, effects: [] };
      const from = state.phase === "done" ? timerStart(state.durations) : state;
      return { state: { ...from, phase: "running", deadline: now + from.leftMs },
        effects: [from.phase === "ready" ? "cue" : "resumed"] };
    }
    case "pause":
      if (state.phase !== "running") return { state, effects: [] };
      return { state: { ...state, phase: "paused", leftMs: Math.max(0, state.deadline - now) }, effects: ["paused"] };
    case "skip":
      if (state.phase === "done") return { state, effects: [] };
      if (state.index === last(state)) return { state: finished(state), effects: ["finished"] };
      return { state: enter(state, state.index + 1, now), effects: ["cue"] };
    case "back":
      if (state.phase === "done") return { state: enter({ ...state, phase: "paused" }, last(state), now), effects: ["cue"] };
      return { state: enter(state, Math.max(0, state.index - 1), now), effects: ["cue"] };
    default:
      throw new Error(`the timer has no event ${JSON.stringify(type)}`);
  }
}
