// My routine as pure data: no DOM, no storage. A routine is {title, names}: the name typed so far and the
// library routines in order. `routineNext(routine, event, widget)` gives the routine after an event: "add"
// ({name}, while the list has room), "move" ({index, by}), "remove" ({index}), "start" ({name}: a
// ready-made routine alone, with its title), "title" ({text}), "open" ({data}: a payload checkPayload
// passed), "set" ({names, title}: from Python, names this guide does not have left out). `routineShown`
// says what the view shows: the total, and why the routine cannot be shared or run (checkPayload's words,
// so the view lets pass exactly what Python would open). `widget`: Python's limits, problems, units and
// library by name. tests/test_widgets_static_my_routine_state.py runs it in node over generated events.

export function routineNext(routine, event, { limits, byName }) {
  const names = [...routine.names];
  switch (event.type) {
    case "add":
      if (!Object.hasOwn(byName, event.name)) throw new Error(`there is no routine ${JSON.stringify(event.name)}`);
      return names.length < limits.max_items ? { ...routine, names: [...names, event.name] } : routine;
    case "move": {
      const [i, j] = [event.index, event.index + event.by];
      if (![i, j].every((k) => k >= 0 && k < names.length)) return routine;
      [names[i], names[j]] = [names[j], names[i]];
      return { ...routine, names };
    }
    case "remove":
      return { ...routine, names: names.filter((n, i) => i !== event.index) };
    case "start":
      return { title: byName[event.name].title, names: [event.name] };
    case "title":
      return { ...routine, title: event.text };
    case "open":
      return { title: event.data.title, names: [...event.data.routines] };
    case "set":
      return { title: event.title, names: event.names.filter((n) => Object.hasOwn(byName, n)) };
    default:
      throw new Error(`My routine has no event ${JSON.stringify(event.type)}`);
  }
}

// The routine as it is shared and kept (backease.widgets.my_routine.payload), named "My routine" until named.
export function routinePayload(routine, limits) {
  return { format: limits.format, version: limits.version, title: strip(routine.title) || "My routine",
    routines: [...routine.names] };
}

// What the view shows: the total seconds, whether one more routine fits, and the problem ("" if none) that
// keeps a routine with exercises from being shared or run.
export function routineShown(routine, widget) {
  let problem = "";
  if (routine.names.length) {
    try {
      checkPayload(routinePayload(routine, widget.limits), "this routine", widget);
    } catch (err) {
      problem = err.message;
    }
  }
  return { seconds: routinesSeconds(routine.names, widget.byName), problem,
    canAdd: routine.names.length < widget.limits.max_items, canShare: routine.names.length > 0 && !problem };
}
