// The plan builder's plan as pure data: no DOM, no storage. A plan is {title, blocks}, each block as
// backease.model.plans.Block.to_dict writes it ({routine, repeat} or {talk, seconds}). `builderNext(plan,
// event, limits)` returns {plan, message} after an event: "routine" ({name}: added, or one more repeat of
// the last block when it is the same routine), "talk" ({text, minutes} as typed; a message says what is
// wrong, and the plan stays), "move" ({index, by}), "remove" ({index}), "title" ({text}). `builderShown`
// is what the view shows: the parts and totals that planParts and planTotals in rules.js give, whether the
// plan is too long to run, and its YAML. tests/test_widgets_static_plan_builder_state.py runs it in node.

export function builderNext(plan, event, limits) {
  const blocks = plan.blocks.map((b) => ({ ...b }));
  const next = (changed) => ({ plan: { ...plan, blocks: changed }, message: "" });
  switch (event.type) {
    case "routine": {
      const last = blocks[blocks.length - 1];
      if (last && last.routine === event.name && (last.repeat || 1) < limits.max_repeat) last.repeat = (last.repeat || 1) + 1;
      else blocks.push({ routine: event.name, repeat: 1 });
      return next(blocks);
    }
    case "talk": {
      const text = oneLine(event.text);
      const minutes = Number(event.minutes);
      if (!text) return { plan, message: "Say what the talk is about, e.g. \u201cWelcome and check-in\u201d." };
      if (!Number.isFinite(minutes) || minutes < limits.talk_min_minutes || minutes > limits.talk_max_minutes) {
        return { plan, message: `Minutes must be a number from ${limits.talk_min_minutes} to ${limits.talk_max_minutes},`
          + ` got \u201c${event.minutes}\u201d.` };
      }
      return next([...blocks, { talk: text, seconds: Math.round(minutes * 60) }]);
    }
    case "move": {
      const [i, j] = [event.index, event.index + event.by];
      if (![i, j].every((k) => k >= 0 && k < blocks.length)) return { plan, message: "" };
      [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
      return next(blocks);
    }
    case "remove":
      return next(blocks.filter((b, i) => i !== event.index));
    case "title":
      return { plan: { ...plan, title: event.text }, message: "" };
    default:
      throw new Error(`the plan builder has no event ${JSON.stringify(event.type)}`);
  }
}

// The plan as the view shows it, from the values the widget carries (`get` reads them).
export function builderShown(plan, get) {
  const parts = planParts(plan.blocks, get);
  const { seconds, moving } = planTotals(parts);
  return { parts, seconds, moving, tooLong: seconds > get("limits").max_seconds,
    yaml: planYaml(get("name"), plan.title, plan.blocks, get("yaml_lines")) };
}
