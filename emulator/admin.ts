/**
 * The admin API under `/__admin/`: unsigned, not logged as calls, bound to loopback like the
 * rest of the emulator. Every answer is `application/json`; errors are `{"error": message}`.
 *
 * - `GET /__admin/health`
 * - `GET /__admin/calls`, `DELETE /__admin/calls`
 * - `GET /__admin/faults`, `POST /__admin/faults` (a rule or a list of rules), `DELETE /__admin/faults`
 * - `GET /__admin/fixtures`, `PUT /__admin/fixtures` (replaces the document; rewrites the fixtures file)
 * - `GET /__admin/config`, `PUT /__admin/config` (`pageSize`, `latencyMs`, `notFoundMode`)
 * - `POST /__admin/dns-records` and `POST /__admin/certificates/{validate,fail,time-out,renewal}`:
 *   a certificate's validation and renewal states (admin-lifecycle.ts)
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallRecord } from "./call-log";
import type { EmulatorConfig } from "./config";
import type { FaultRule } from "./faults";
import type { FixtureDocument } from "./fixtures";
import { LIFECYCLE_PATHS, routeLifecycle } from "./admin-lifecycle";
import { BodyTooLargeError, readBody, send } from "./http";

/** What the admin API operates on. @internal */
export interface AdminTarget {
  readonly url: string;
  readonly fixturesFile: string | undefined;
  calls(): CallRecord[];
  resetCalls(): void;
  faults(): Array<FaultRule & { seen: number }>;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  fixtures(): Promise<FixtureDocument>;
  setFixtures(document: FixtureDocument): Promise<void>;
  config(): EmulatorConfig;
  configure(partial: Partial<EmulatorConfig>): EmulatorConfig;
}

const MAX_ADMIN_BODY = 1024 * 1024;

/** Answers one admin request. @internal */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  target: AdminTarget,
): Promise<void> {
  const path = (req.url ?? "").split("?", 1)[0]!.replace(/\/+$/, "");
  const method = req.method ?? "GET";
  try {
    const answer = await route(method, path, req, target);
    if (answer === undefined) {
      reply(res, 404, { error: `No admin endpoint ${method} ${path}. See emulator/README.md.` });
    } else {
      reply(res, 200, answer);
    }
  } catch (err) {
    const status = err instanceof BodyTooLargeError ? 413 : 400;
    reply(res, status, { error: (err as Error).message });
  }
}

async function route(
  method: string,
  path: string,
  req: IncomingMessage,
  target: AdminTarget,
): Promise<unknown> {
  switch (`${method} ${path}`) {
    case "GET /__admin/health": {
      const fixtures = await target.fixtures();
      return {
        status: "ok",
        url: target.url,
        fixturesFile: target.fixturesFile ?? null,
        certificates: fixtures.certificates?.length ?? 0,
        loadBalancerTlsCertificates: fixtures.loadBalancerTlsCertificates?.length ?? 0,
        config: target.config(),
      };
    }
    case "GET /__admin/calls":
      return { calls: target.calls() };
    case "DELETE /__admin/calls":
      target.resetCalls();
      return { calls: [] };
    case "GET /__admin/faults":
      return { faults: target.faults() };
    case "POST /__admin/faults": {
      const body = await readJson(req);
      const rules = Array.isArray(body) ? body : [body];
      for (const rule of rules) target.addFault(rule as FaultRule);
      return { faults: target.faults() };
    }
    case "DELETE /__admin/faults":
      target.clearFaults();
      return { faults: [] };
    case "GET /__admin/fixtures":
      return target.fixtures();
    case "PUT /__admin/fixtures": {
      await target.setFixtures((await readJson(req)) as FixtureDocument);
      const fixtures = await target.fixtures();
      return {
        certificates: fixtures.certificates?.length ?? 0,
        loadBalancerTlsCertificates: fixtures.loadBalancerTlsCertificates?.length ?? 0,
        fixturesFile: target.fixturesFile ?? null,
      };
    }
    case "GET /__admin/config":
      return target.config();
    case "PUT /__admin/config":
      return target.configure((await readJson(req)) as Partial<EmulatorConfig>);
    default:
      return method === "POST" && LIFECYCLE_PATHS.includes(path)
        ? routeLifecycle(path, await readJson(req), target)
        : undefined;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_ADMIN_BODY);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (err) {
    throw new Error(`request body is not JSON: ${(err as Error).message}`);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, `${JSON.stringify(body, null, 2)}\n`, "application/json");
}
