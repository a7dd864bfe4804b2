// Staging directories for the caches the ensure-* scripts fill: a build writes into a temporary
// directory named after its process (`.<kind>-<pid>-XXXXXX`) beside its destination and renames it
// into place when it is complete, so a killed build leaves nothing half made; cleanStale removes
// the temporary directories of processes that are gone. Plain Node, no dependencies.
"use strict";
const fs = require("fs");
const path = require("path");

/** A temporary directory inside dir named after this process, removed by cleanStale when it dies. */
function tempDir(dir, kind) {
  fs.mkdirSync(dir, { recursive: true });
  return fs.mkdtempSync(path.join(dir, `.${kind}-${process.pid}-`));
}

/** Removes temporary directories (kinds build, src, tmp) left in dir by killed runs, where it can. */
function cleanStale(dir) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const m = /^\.(build|src|tmp)-(\d+)-/.exec(name);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[2]), 0);
    } catch (err) {
      alive = err.code === "EPERM";
    }
    if (!alive || Number(m[2]) === process.pid) {
      try {
        fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      } catch {
        // A child of the dead run (pip, go) may still be writing into it: a later run removes it.
      }
    }
  }
}

module.exports = { tempDir, cleanStale };
