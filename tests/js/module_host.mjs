// Runs an ES module (the file named on the command line) for a Python test: each line read is a
// call, {"call": name, "args": [...]}, of one of its exports; each line written is {"ok": result}
// or {"error": message}. tests/node_module.py starts it.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const mod = await import(pathToFileURL(process.argv[2]).href);
for await (const line of createInterface({ input: process.stdin })) {
  let answer;
  try {
    const { call, args } = JSON.parse(line);
    if (typeof mod[call] !== "function") throw new Error(`the module exports no function ${call}`);
    answer = { ok: mod[call](...args) ?? null };
  } catch (err) {
    answer = { error: err.message };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
