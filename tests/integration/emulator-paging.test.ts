// Property: for any fixtures, page size and status filter, following nextPageToken through the
// real SDK returns every matching certificate exactly once, in order, in ceil(n / size) pages.
import * as assert from "node:assert/strict";
import { GetCertificatesCommand, type CertificateStatus } from "@aws-sdk/client-lightsail";
import * as fc from "fast-check";
import { makeCertificate } from "../../emulator";
import { useEmulator } from "../helpers/emulator";

const STATUSES: CertificateStatus[] = ["ISSUED", "EXPIRED", "PENDING_VALIDATION", "REVOKED", "INACTIVE"];

describe("emulator: paging property", function () {
  const h = useEmulator();

  it("every matching certificate exactly once, in fixture order, in ceil(n / pageSize) pages", async function () {
    this.timeout(60_000);
    const client = h.client();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...STATUSES), { maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.subarray(STATUSES),
        fc.boolean(),
        async (statuses, pageSize, filter, details) => {
          const certificates = statuses.map((status, i) => makeCertificate({ name: `c${i}`, status }));
          await h.emulator.setFixtures({ certificates });
          h.emulator.configure({ pageSize });
          const expected = certificates.filter(
            (c) => filter.length === 0 || filter.includes(c.status as CertificateStatus),
          );
          const names: string[] = [];
          let pages = 0;
          let pageToken: string | undefined;
          do {
            const out = await client.send(
              new GetCertificatesCommand({
                certificateStatuses: filter,
                includeCertificateDetails: details,
                pageToken,
              }),
            );
            pages += 1;
            assert.ok((out.certificates ?? []).length <= pageSize);
            assert.ok(pages <= 31, "the listing does not end");
            for (const summary of out.certificates ?? []) {
              names.push(summary.certificateName!);
              assert.equal(summary.certificateDetail !== undefined, details);
            }
            pageToken = out.nextPageToken;
          } while (pageToken);
          assert.deepEqual(
            names,
            expected.map((c) => c.name),
          );
          assert.equal(pages, Math.max(1, Math.ceil(expected.length / pageSize)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
