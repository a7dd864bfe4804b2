#!/usr/bin/env node
/**
 * `lightsail-certs` (package bin): checks the Lightsail certificates of one or more regions.
 * See `lightsail-certs --help` and gate/README.md.
 */
import { describeError, EXIT, runGate } from "./main";

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  // The reader went away (e.g. `| head`): nothing more to say.
  if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.pass);
  throw err;
});

runGate(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`lightsail-certs: unexpected error: ${describeError(err)}\n`);
    process.exitCode = EXIT.error;
  },
);
