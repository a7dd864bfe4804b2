/** Regions with a Lightsail endpoint (us-west-1 is in the API enum but has none). */
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

/** Whether Lightsail has an endpoint in `region`. */
export function isLightsailRegion(region: string): boolean {
  return LIGHTSAIL_REGIONS.includes(region);
}

/** Regions that Lightsail's API names but that have no Lightsail endpoint. */
export const REGIONS_WITHOUT_LIGHTSAIL: readonly string[] = ["us-west-1"];

/** Whether `region` is shaped like an AWS region name (`eu-west-1`, `ap-southeast-5`, `us-gov-west-1`). */
export function looksLikeRegion(region: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
}
