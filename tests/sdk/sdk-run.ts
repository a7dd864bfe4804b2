/**
 * Running the SDK generation script and a command in a generated SDK, each with a timeout that
 * kills it: the SDK suites' one way to spawn.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Resolves stdout; rejects with the command, its exit and the tail of its output. */
export function runBounded(
  cmd: string,
  args: string[],
  opts: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        timeout: opts.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new Error(
              `${cmd} ${args.join(" ")} failed (${err.message.split("\n")[0]}):\n${`${stdout}${stderr}`.slice(-4000)}`,
            ),
          );
        else resolve(stdout);
      },
    );
  });
}

/** `node scripts/generate-sdks.js <language>`: the generated, built SDK's directory. */
export async function ensureSdk(language: "python" | "go"): Promise<string> {
  const out = await runBounded(
    process.execPath,
    [path.join(REPO_ROOT, "scripts", "generate-sdks.js"), language],
    {
      cwd: REPO_ROOT,
      timeoutMs: 20 * 60_000,
    },
  );
  return out.trim().split("\n").pop()!;
}
