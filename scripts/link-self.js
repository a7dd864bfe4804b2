#!/usr/bin/env node
// Makes `require("pulumi-lightsail-certificates")` resolve to this checkout from the
// root Pulumi project, the examples and the dynamic-provider host, the way it resolves in a
// user's program. Idempotent; touches nothing outside ./node_modules.
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
