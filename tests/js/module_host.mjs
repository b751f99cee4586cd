// Runs an ES module (the file named on the command line) for a Python test: each line read is a
// call, {"call": name, "args": [...], "keep": {id: value}}, of one of its exports; each line written is
// {"ok": result} or {"error": message}. tests/node_module.py starts it. A value under "keep" is kept, frozen (a
// function that changes it throws), and an argument {"$kept": id} is that value.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const mod = await import(pathToFileURL(process.argv[2]).href);
const kept = new Map();
const freeze = (value) => {
  if (value !== null && typeof value === "object") Object.values(Object.freeze(value)).forEach(freeze);
  return value;
};
const isKept = (arg) => arg !== null && typeof arg === "object" && Object.keys(arg).join() === "$kept";
for await (const line of createInterface({ input: process.stdin })) {
  let answer;
  try {
    const { call, args, keep } = JSON.parse(line);
    for (const [id, value] of Object.entries(keep)) kept.set(id, freeze(value));
    if (typeof mod[call] !== "function") throw new Error(`the module exports no function ${call}`);
    answer = { ok: mod[call](...args.map((a) => (isKept(a) ? kept.get(a.$kept) : a))) ?? null };
  } catch (err) {
    answer = { error: err.message };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
