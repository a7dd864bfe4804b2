// Preload of bench/profile-preview.ts (NODE_OPTIONS=--require; Node 20 refuses --cpu-prof there):
// profiles the process with the inspector from its first require to its exit and writes
// $LSC_PROFILE_DIR/<pid>.cpuprofile. The engine stops its plugins with SIGINT, which would end
// the process without an exit: SIGINT becomes a normal exit here.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const inspector = require("node:inspector");

const dir = process.env.LSC_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 250 });
  session.post("Profiler.start");
  process.once("SIGINT", () => process.exit(0));
  process.once("exit", () => {
    session.post("Profiler.stop", (err, result) => {
      if (!err) fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
