/**
 * The regions the emulator serves: those with a Lightsail endpoint, one list for the whole
 * package (lightsail/regions.ts).
 */
export { isLightsailRegion, LIGHTSAIL_REGIONS } from "../lightsail/regions";

/** The region fixtures belong to when they name none. @internal */
export const DEFAULT_REGION = "us-east-1";
