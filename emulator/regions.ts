/** The regions with a Lightsail endpoint (us-west-1 is in the API's enum but has no endpoint). */
export const LIGHTSAIL_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "eu-south-2",
  "ca-central-1",
  "ap-east-1",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-northeast-1",
  "ap-northeast-2",
  "sa-east-1",
];

/** The region fixtures belong to when they name none. @internal */
export const DEFAULT_REGION = "us-east-1";

/** Whether `region` has a Lightsail endpoint. @internal */
export function isLightsailRegion(region: string): boolean {
  return LIGHTSAIL_REGIONS.includes(region);
}
