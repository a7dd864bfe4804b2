/** The emulator settings that can change while it runs, with their defaults and checks. */
import type { NotFoundMode } from "./operations";

/** The settings that can change while the emulator runs (`configure`, `PUT /__admin/config`). */
export interface EmulatorConfig {
  /** Certificates per `GetCertificates` page. @defaultValue 10 */
  pageSize: number;
  /** Delay added to every API call, in milliseconds (simulates round-trip time). @defaultValue 0 */
  latencyMs: number;
  /** What `GetCertificates` answers for an unknown `certificateName`. @defaultValue `"empty"` */
  notFoundMode: NotFoundMode;
  /**
   * Validation by time: a PENDING_VALIDATION certificate is validated (every domain SUCCESS, then
   * ISSUED) once this many milliseconds have passed since its `createdAt`, seen at the next API
   * call. 0: never by time (only through the admin API). @defaultValue 0
   */
  validationDelayMs: number;
}

/** The defaults of {@link EmulatorConfig}. */
export const DEFAULT_CONFIG: Readonly<EmulatorConfig> = {
  pageSize: 10,
  latencyMs: 0,
  notFoundMode: "empty",
  validationDelayMs: 0,
};

const NOT_FOUND_MODES: readonly NotFoundMode[] = ["empty", "NotFoundException", "DoesNotExist"];

/**
 * Checks a partial configuration; throws an Error naming the field otherwise. Fields that are
 * undefined are left out.
 * @internal
 */
export function validateConfigPatch(patch: unknown): Partial<EmulatorConfig> {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new Error(`config: expected an object like {"pageSize": 2}, got ${JSON.stringify(patch)}`);
  }
  const input = patch as Record<string, unknown>;
  const out: Partial<EmulatorConfig> = {};
  for (const key of Object.keys(input)) {
    if (!["pageSize", "latencyMs", "notFoundMode", "validationDelayMs"].includes(key)) {
      throw new Error(
        `config: unknown field ${key}; known: pageSize, latencyMs, notFoundMode, validationDelayMs`,
      );
    }
  }
  const { pageSize, latencyMs, notFoundMode, validationDelayMs } = input;
  if (validationDelayMs !== undefined) {
    if (
      typeof validationDelayMs !== "number" ||
      !Number.isFinite(validationDelayMs) ||
      validationDelayMs < 0 ||
      validationDelayMs > 86_400_000
    ) {
      throw new Error(
        `config.validationDelayMs: expected milliseconds from 0 to 86400000, got ${JSON.stringify(validationDelayMs)}`,
      );
    }
    out.validationDelayMs = validationDelayMs;
  }
  if (pageSize !== undefined) {
    if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      throw new Error(`config.pageSize: expected an integer from 1 to 1000, got ${JSON.stringify(pageSize)}`);
    }
    out.pageSize = pageSize;
  }
  if (latencyMs !== undefined) {
    if (typeof latencyMs !== "number" || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 60_000) {
      throw new Error(
        `config.latencyMs: expected milliseconds from 0 to 60000, got ${JSON.stringify(latencyMs)}`,
      );
    }
    out.latencyMs = latencyMs;
  }
  if (notFoundMode !== undefined) {
    if (!NOT_FOUND_MODES.includes(notFoundMode as NotFoundMode)) {
      throw new Error(
        `config.notFoundMode: expected one of ${NOT_FOUND_MODES.join(", ")}, got ${JSON.stringify(notFoundMode)}`,
      );
    }
    out.notFoundMode = notFoundMode as NotFoundMode;
  }
  return out;
}
