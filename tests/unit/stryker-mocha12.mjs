// Lets Stryker 9's mocha runner load mocha 12. Not a test: stryker.config.mjs imports it in
// Stryker's own process and passes it to each test-runner process (`testRunnerNodeArgs`).
//
// The runner requires mocha's CLI helpers by extensionless paths (`mocha/lib/cli/run-helpers`),
// which mocha 12 ships as `.cjs` files. Stryker 10, whose runner knows that, needs Node.js 22;
// this package supports (and its machines run) Node.js 20. Teaching `require` to also try `.cjs`
// is enough; remove this file once the project is on Node.js 22 and Stryker 10.
import Module from "node:module";

const extensions = Module._extensions;
if (!extensions[".cjs"]) extensions[".cjs"] = extensions[".js"];
