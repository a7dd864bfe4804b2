#!/usr/bin/env node
// The last step of `npm run build` for the generated Node.js SDK (sdk/nodejs, compiled by
// tsconfig.sdk-nodejs.json into dist/sdk/nodejs and shipped as `pulumi-lightsail-certificates/plugin`):
// its utilities.ts reads the plugin version from `./package.json` beside the compiled code, as the
// generator's own postinstall arranges for `bin/`, so sdk/nodejs/package.json (whose version is the
// schema's, package.json's) is copied there. Without it every invoke and resource would ask the
// engine for a plugin of version `undefined`.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const from = path.join(root, "sdk", "nodejs", "package.json");
const to = path.join(root, "dist", "sdk", "nodejs", "package.json");
if (!fs.existsSync(path.dirname(to))) {
  console.error(`[build-sdk-nodejs] ${path.dirname(to)} is missing: tsc -p tsconfig.sdk-nodejs.json first`);
  process.exit(1);
}
fs.copyFileSync(from, to);
