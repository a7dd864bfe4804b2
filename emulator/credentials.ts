/**
 * The test credentials the emulator accepts unless it is started with others.
 *
 * They are not secret: they only open the local emulator. Point any AWS client at the emulator
 * with these in `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`.
 */
export const EMULATOR_CREDENTIALS = {
  accessKeyId: "AKIALSEMULATORTEST01",
  secretAccessKey: "lightsail-emulator-test-secret-0000000000",
} as const;

/** A pair of static AWS credentials the emulator verifies SigV4 signatures against. */
export interface EmulatorCredentials {
  /** The access key ID clients put in the credential scope. */
  accessKeyId: string;
  /** The secret the signatures are computed with. Never logged. */
  secretAccessKey: string;
}
