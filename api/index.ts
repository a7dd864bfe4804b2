export { CertificateLookup } from "./certificateLookup";
export type { CertificateLookupArgs, CertificateLookupRole } from "./certificateLookup";
export { CertificateValidation } from "./certificateValidation";
export type { CertificateValidationArgs } from "./certificateValidation";
export { configureLookups, resetLookupCache } from "./context";
export { getCertificate, getCertificateOutput } from "./getCertificate";
export type { GetCertificateArgs, GetCertificateOutputArgs } from "./getCertificate";
export { getCertificates, getCertificatesOutput } from "./getCertificates";
export type {
  GetCertificatesArgs,
  GetCertificatesOutputArgs,
  GetCertificatesResult,
} from "./getCertificates";
export {
  getLoadBalancerTlsCertificate,
  getLoadBalancerTlsCertificateOutput,
} from "./getLoadBalancerTlsCertificate";
export type {
  GetLoadBalancerTlsCertificateArgs,
  GetLoadBalancerTlsCertificateOutputArgs,
} from "./getLoadBalancerTlsCertificate";
