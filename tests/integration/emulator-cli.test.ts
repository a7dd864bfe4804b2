// The emulator's command line: flags, printed environment, signals and usage errors.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { GetCertificatesCommand, LightsailClient } from "@aws-sdk/client-lightsail";
import { EMULATOR_CREDENTIALS, type RunningEmulator } from "../../emulator";
import { emulatorClientConfig } from "../helpers/emulator";

describe("emulator: command line", function () {
  const cli = path.resolve(__dirname, "../../emulator/cli.ts");
  const run = (args: string[]) =>
    spawn(process.execPath, ["-r", "ts-node/register/transpile-only", cli, ...args], {
      cwd: path.resolve(__dirname, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 20_000,
    });

  it("serves the built-in sample with flags applied, prints the URL and env, and stops on SIGTERM", async function () {
    const child = run(["--page-size", "1", "--fault", '{"kind":"throttle","calls":[1]}', "--quiet"]);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let stdout = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^lightsail emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (match && stdout.includes("AWS_REGION")) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`the CLI exited (${code}) before listening`)));
    });
    assert.match(stdout, /^export AWS_ENDPOINT_URL_LIGHTSAIL=http:\/\/127\.0\.0\.1:\d+$/m);
    assert.match(
      stdout,
      new RegExp(`^export AWS_SECRET_ACCESS_KEY=${EMULATOR_CREDENTIALS.secretAccessKey}$`, "m"),
    );
    const client = new LightsailClient({ ...emulatorClientConfig({ url } as RunningEmulator) });
    try {
      await assert.rejects(client.send(new GetCertificatesCommand({})), { name: "ThrottlingException" });
      const out = await client.send(new GetCertificatesCommand({}));
      assert.deepEqual(
        out.certificates?.map((c) => c.certificateName),
        ["www-example-com"],
      );
      assert.ok(out.nextPageToken);
    } finally {
      client.destroy();
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0);
  });

  it("exits 2 with a clear message on a usage error", async function () {
    const child = run(["--page-size", "zero"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    assert.equal(code, 2);
    assert.match(stderr, /--page-size must be an integer from 1 to 1000, not zero/);
    assert.match(stderr, /Usage: lightsail-emulator/);
  });
});
