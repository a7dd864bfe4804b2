// Mutation testing of the core lookup logic (issue 14); see TESTING.md. `npm run test:mutation`.
import "./tests/unit/stryker-mocha12.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "mocha",
  // The unit tests that cover the mutated files; the rest of .mocharc.json (ts-node, tests/setup.ts) applies.
  mochaOptions: {
    spec: [
      "tests/unit/search-args.test.ts",
      "tests/unit/select.test.ts",
      "tests/unit/paginate.test.ts",
      "tests/unit/normalize.test.ts",
      "tests/unit/service-errors.test.ts",
      "tests/unit/settings.test.ts",
      "tests/unit/lookup.test.ts",
      "tests/unit/fit-for-use.test.ts",
    ],
  },
  testRunnerNodeArgs: ["--import", "./tests/unit/stryker-mocha12.mjs"],
  checkerNodeArgs: ["--import", "./tests/unit/stryker-mocha12.mjs"],
  coverageAnalysis: "perTest",
  // Type-checks each mutant so that mutants that do not compile are not run, against
  // tsconfig.mutation.json: the wire and lookup rooms alone (the mutated files and all they import),
  // not the whole checkout's program, which made the checker the bottleneck.
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.mutation.json",
  // The machine is shared: one checker and one test runner.
  concurrency: 1,
  mutate: [
    "lookup/search-args.ts",
    "lookup/argument-values.ts",
    "lookup/fit-for-use.ts",
    "lookup/domain.ts",
    "lookup/select.ts",
    "lightsail/paginate.ts",
    "lightsail/normalize.ts",
    "lightsail/service-errors.ts",
    "lightsail/settings.ts",
  ],
  ignorePatterns: ["dist", ".pulumi-test", ".tmp", "policy/node_modules", "policy/bin", "reports"],
  reporters: ["clear-text", "progress", "html", "json"],
  tempDirName: ".stryker-tmp",
  // A sandbox left behind would be linted (eslint .) and type-checked as part of the checkout.
  cleanTempDir: "always",
  timeoutMS: 10000,
};
