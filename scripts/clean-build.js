#!/usr/bin/env node
// `prepack`: removes what `npm run build` writes (dist/, policy/bin/) so that a packed tarball
// holds only what this build produced, never a file left from a source that no longer exists.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
for (const dir of ["dist", path.join("policy", "bin")]) {
  fs.rmSync(path.join(root, dir), { recursive: true, force: true });
}
