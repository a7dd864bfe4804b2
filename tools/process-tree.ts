/**
 * Running the Pulumi CLI as a child process that never outlives its time limit. The CLI starts its
 * plugins (language host, program, dynamic-provider host) in process groups of their own, so a
 * timeout kills the whole tree, found through /proc, not just the CLI's group.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";

/** What a finished command printed and how it exited. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The last `lines` lines of `text`. */
export function tail(text: string, lines = 40): string {
  return text.split("\n").slice(-lines).join("\n");
}

/**
 * Pids of all descendants of pid (Linux /proc). The CLI starts its plugins in process groups of
 * their own, so killing the CLI's group alone would leave the language host, the program and the
 * dynamic-provider host running.
 */
function descendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // the process exited meanwhile
    }
  }
  const out: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop() as number) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function killPids(pids: number[]): void {
  for (const p of pids) {
    for (const target of [-p, p]) {
      try {
        process.kill(target, "SIGKILL");
      } catch {
        // already gone, or not a group leader
      }
    }
  }
}

export function spawnWithTimeout(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; timeoutMs: number; onKill?: Set<() => void> },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    let timedOut = false;
    let doomed: number[] = [];
    const kill = () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        killPids([child.pid, ...descendants(child.pid)]);
      }
    };
    opts.onKill?.add(kill);
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid === undefined) return;
      // Remember everything the CLI started (plugins run in process groups of their own and are
      // orphaned when the CLI exits), give the CLI 5 s to cancel, then kill them all.
      doomed = [child.pid, ...descendants(child.pid)];
      try {
        process.kill(-child.pid, "SIGINT");
      } catch {
        // gone
      }
      setTimeout(() => killPids(doomed), 5_000).unref();
    }, opts.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      opts.onKill?.delete(kill);
      reject(new Error(`could not run ${cmd}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      opts.onKill?.delete(kill);
      if (timedOut) {
        killPids(doomed);
        reject(
          new Error(
            `${cmd} ${args.join(" ")} timed out after ${opts.timeoutMs} ms\n` +
              `--- stdout (tail) ---\n${tail(stdout)}\n--- stderr (tail) ---\n${tail(stderr)}`,
          ),
        );
        return;
      }
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
