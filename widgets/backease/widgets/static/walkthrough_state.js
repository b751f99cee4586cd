// The guided check's place as pure data: no DOM, no storage. A place is {at, trail, mm}: `at` the id of
// the step or outcome shown, `trail` the steps answered on the way there (Back returns to the last),
// `mm` the number read on a measured outcome (null until one is read). `checkNext(walkthrough, place,
// event)` gives the next place after an event: "answer" ({label} of an answer of the step shown),
// "back", "restart", or "measure" ({mm}: a number readNumber in rules.js read, or null). A place from
// elsewhere (another view of the widget, a walkthrough Python replaced) is read through `checkPlace`, so
// only a step or outcome that exists is ever shown. tests/test_widgets_static_walkthrough_state.py runs it
// in node over generated walkthroughs and event sequences.

export const checkStart = (walkthrough) => ({ at: walkthrough.start, trail: [], mm: null });

// `place` if every id in it is one of the walkthrough's, else the start.
export function checkPlace(walkthrough, place) {
  const isStep = (id) => typeof id === "string" && Object.hasOwn(walkthrough.steps, id);
  const known = place && (isStep(place.at) || Object.hasOwn(walkthrough.outcomes, place.at))
    && Array.isArray(place.trail) && place.trail.every(isStep);
  return known ? place : checkStart(walkthrough);
}

export function checkNext(walkthrough, place, event) {
  const here = checkPlace(walkthrough, place);
  switch (event.type) {
    case "answer": {
      const answer = walkthrough.steps[here.at]?.answers.find((a) => a.label === event.label);
      if (!answer) throw new Error(`${JSON.stringify(here.at)} has no answer ${JSON.stringify(event.label)}`);
      return { at: answer.goto, trail: [...here.trail, here.at], mm: null };
    }
    case "back":
      return here.trail.length ? { at: here.trail[here.trail.length - 1], trail: here.trail.slice(0, -1), mm: null } : here;
    case "restart":
      return checkStart(walkthrough);
    case "measure":
      if (!walkthrough.outcomes[here.at]?.measure) throw new Error(`${JSON.stringify(here.at)} asks for no number`);
      return { ...here, mm: event.mm };
    default:
      throw new Error(`the guided check has no event ${JSON.stringify(event.type)}`);
  }
}
