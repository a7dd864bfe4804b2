/**
 * Pointing this process's AWS SDK configuration chain at the emulator for one suite, the way a
 * user's environment points it at Lightsail, and putting the environment back afterwards.
 */
import type { RunningEmulator } from "../../emulator";
import { resetLookupCache } from "../../index";

/** Sets `env()` (undefined deletes) before the suite and restores process.env after it. */
export function useEnvironment(env: () => Record<string, string | undefined>): void {
  let saved: NodeJS.ProcessEnv = {};
  before(() => {
    saved = { ...process.env };
    for (const [key, value] of Object.entries(env())) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  after(() => {
    process.env = saved;
  });
}

/**
 * The emulator's endpoint, test credentials and region, no shared config files and no profile;
 * the package's lookup cache is emptied before each test (and after the suite).
 */
export function useEmulatorEnvironment(emulator: () => RunningEmulator): void {
  useEnvironment(() => ({
    ...emulator().env(),
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_PROFILE: undefined,
  }));
  beforeEach(() => resetLookupCache());
  after(() => resetLookupCache());
}
