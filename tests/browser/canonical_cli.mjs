// Runs the web editor's canonical writer (content/admin/canonical.js) for the Python tests:
// reads JSON lines {"op": "text"|"unit"|"load", ...} on stdin, writes one JSON result per line.
// ops: "text" → canonicalText(data); "load" → loadUnit(text); "format" → canonicalText(loadUnit(text))
// and "format-unit" → canonicalUnit(shape, loadUnit(text)), what the editor does to a file it saves.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const root = resolve(process.argv[2] ?? ".");
const canonical = await import(pathToFileURL(resolve(root, "content/admin/canonical.js")).href);
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  let answer;
  try {
    if (request.op === "text") answer = { text: canonical.canonicalText(request.data) };
    else if (request.op === "format") answer = { text: canonical.canonicalText(canonical.loadUnit(request.text)) };
    else if (request.op === "format-unit") {
      answer = { text: canonical.canonicalUnit(request.shape, canonical.loadUnit(request.text)) };
    } else answer = { data: canonical.loadUnit(request.text) };
  } catch (error) {
    answer = { error: String(error && error.message ? error.message : error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
