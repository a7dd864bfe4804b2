#!/usr/bin/env node
// Makes `require("pulumi-lightsail-certificates")` resolve to this checkout from inside it: the
// policy pack's build and its tests, the unit and integration tests that load the built
// package, the root Pulumi project, and the test runs with LSC_TEST_PACKAGE=checkout.
// `npm run build` and `npm run lint` run it (not `postinstall`: an installed package must not
// run scripts that only exist in the repository). Idempotent; touches nothing outside
// ./node_modules.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-lightsail-certificates");
try {
  const stat = fs.lstatSync(link);
  if (stat.isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(root)) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch (err) {
  if (err.code !== "ENOENT") throw err;
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync("..", link, "dir");
