/**
 * `CreateCertificate` and `DeleteCertificate` on the wire: request checks and response shapes of
 * the Lightsail API model (`certificateName`, `domainName`, `subjectAlternativeNames`, `tags`;
 * answers `{certificate, operations}` and `{operations}`). The rules are in `lifecycle.ts`.
 */
import { randomUUID } from "node:crypto";
import { invalidInput, notFound } from "./errors";
import { toEpochSeconds, type CertificateFixture, type FixtureTag } from "./fixtures";
import { createCertificate, deleteCertificate, LifecycleError } from "./lifecycle";
import {
  certificateDetail,
  mismatch,
  optional,
  optionalStringList,
  type Operation,
  type OperationContext,
} from "./operations";

function required(input: Record<string, unknown>, key: string): string {
  const value = optional(input, key, "string");
  if (!value)
    throw invalidInput(`Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function tagsOf(input: Record<string, unknown>): FixtureTag[] | undefined {
  const value = input.tags;
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    value.some(
      (t) =>
        typeof t !== "object" ||
        t === null ||
        typeof (t as FixtureTag).key !== "string" ||
        ((t as FixtureTag).value !== undefined && typeof (t as FixtureTag).value !== "string"),
    )
  )
    throw mismatch("tags", "list of {key, value}", value);
  return value as FixtureTag[];
}

/** The `Operation` record Lightsail returns for a certificate request or deletion. */
function operationRecord(
  type: string,
  cert: CertificateFixture,
  ctx: OperationContext,
): Record<string, unknown> {
  const at = toEpochSeconds(ctx.now.toISOString());
  return {
    id: randomUUID(),
    resourceName: cert.name,
    resourceType: "Certificate",
    createdAt: at,
    location: { availabilityZone: "all", regionName: ctx.region },
    isTerminal: true,
    operationType: type,
    status: "Succeeded",
    statusChangedAt: at,
  };
}

function asApiError(err: unknown, name: string): never {
  if (err instanceof LifecycleError) {
    throw err.kind === "not-found" ? notFound("Certificate", name) : invalidInput(err.message);
  }
  throw err;
}

const createCertificateOperation: Operation = (input, ctx) => {
  const certificateName = required(input, "certificateName");
  const domainName = required(input, "domainName");
  const subjectAlternativeNames = optionalStringList(input, "subjectAlternativeNames");
  const tags = tagsOf(input);
  try {
    const { document, certificate } = createCertificate(
      ctx.fixtures,
      ctx.region,
      {
        certificateName,
        domainName,
        ...(subjectAlternativeNames ? { subjectAlternativeNames } : {}),
        ...(tags ? { tags } : {}),
      },
      ctx.now,
    );
    return {
      document,
      body: {
        certificate: {
          certificateArn: certificate.arn,
          certificateName: certificate.name,
          domainName: certificate.domainName,
          certificateDetail: certificateDetail(certificate),
          tags: certificate.tags ?? [],
        },
        operations: [operationRecord("CreateCertificate", certificate, ctx)],
      },
    };
  } catch (err) {
    return asApiError(err, certificateName);
  }
};

const deleteCertificateOperation: Operation = (input, ctx) => {
  const certificateName = required(input, "certificateName");
  try {
    const { document, certificate } = deleteCertificate(ctx.fixtures, ctx.region, certificateName);
    return { document, body: { operations: [operationRecord("DeleteCertificate", certificate, ctx)] } };
  } catch (err) {
    return asApiError(err, certificateName);
  }
};

/** The operations that change certificates. @internal */
export const LIFECYCLE_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateCertificate: createCertificateOperation,
  DeleteCertificate: deleteCertificateOperation,
};
