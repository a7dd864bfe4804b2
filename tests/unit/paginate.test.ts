import { strict as assert } from "node:assert";
import { GetCertificatesCommand, GetCertificatesRequest, LightsailClient } from "@aws-sdk/client-lightsail";
import { mockClient } from "aws-sdk-client-mock";
import fc from "fast-check";
import { PaginationError } from "../../lightsail/errors";
import { paginateCertificates } from "../../lightsail/paginate";

const client = new LightsailClient({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDUNIT", secretAccessKey: "s" },
});
const mock = mockClient(client);

async function collect(
  filter: Omit<GetCertificatesRequest, "pageToken">,
  maxPages?: number,
): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateCertificates(client, filter, { maxPages, region: "us-east-1" })) {
    for (const c of page.certificates) names.push(c.certificateName!);
  }
  return names;
}

function summaries(names: string[]) {
  return names.map((n) => ({
    certificateName: n,
    certificateArn: `arn:${n}`,
    domainName: `${n}.example.com`,
  }));
}

describe("paginateCertificates", () => {
  afterEach(() => mock.reset());
  after(() => mock.restore());

  it("reads every page, sending the same filters with each token", async () => {
    mock
      .on(GetCertificatesCommand)
      .resolvesOnce({ certificates: summaries(["a", "b"]), nextPageToken: "t1" })
      .resolvesOnce({ certificates: summaries(["c"]), nextPageToken: "t2" })
      .resolvesOnce({ certificates: summaries(["d"]) });
    const filter = { certificateStatuses: ["ISSUED" as const], includeCertificateDetails: true };
    assert.deepEqual(await collect(filter), ["a", "b", "c", "d"]);
    const inputs = mock.commandCalls(GetCertificatesCommand).map((c) => c.args[0].input);
    assert.deepEqual(inputs, [filter, { ...filter, pageToken: "t1" }, { ...filter, pageToken: "t2" }]);
  });

  it("stops on an empty nextPageToken", async () => {
    mock
      .on(GetCertificatesCommand)
      .resolvesOnce({ certificates: summaries(["a"]), nextPageToken: "" })
      .resolves({ certificates: summaries(["never"]) });
    assert.deepEqual(await collect({}), ["a"]);
    assert.equal(mock.commandCalls(GetCertificatesCommand).length, 1);
  });

  it("treats a missing certificates list as an empty page", async () => {
    mock.on(GetCertificatesCommand).resolves({});
    assert.deepEqual(await collect({}), []);
  });

  it("stops with a PaginationError when a token repeats", async () => {
    mock
      .on(GetCertificatesCommand)
      .resolvesOnce({ certificates: summaries(["a"]), nextPageToken: "t1" })
      .resolvesOnce({ certificates: summaries(["b"]), nextPageToken: "t2" })
      .resolves({ certificates: summaries(["c"]), nextPageToken: "t1" });
    await assert.rejects(collect({}), (err: unknown) => {
      assert.ok(err instanceof PaginationError);
      assert.equal(err.pagesRead, 3);
      assert.match(err.message, /already returned/);
      return true;
    });
    assert.equal(mock.commandCalls(GetCertificatesCommand).length, 3);
  });

  it("stops with a PaginationError after maxPages of ever-new tokens", async () => {
    let n = 0;
    mock
      .on(GetCertificatesCommand)
      .callsFake(async () => ({ certificates: [], nextPageToken: `fresh-${++n}` }));
    await assert.rejects(
      collect({}, 25),
      (err: unknown) =>
        err instanceof PaginationError && err.pagesRead === 25 && /after 25 pages/.test(err.message),
    );
    assert.equal(mock.commandCalls(GetCertificatesCommand).length, 25);
  });

  it("property: yields every certificate exactly once, in order, and always ends", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (names, pageSize, emptyTokenAtEnd) => {
          mock.reset();
          mock.on(GetCertificatesCommand).callsFake(async (input: GetCertificatesRequest) => {
            const offset = input.pageToken ? Number(input.pageToken.slice(1)) : 0;
            const end = offset + pageSize;
            const next = end < names.length ? `o${end}` : emptyTokenAtEnd ? "" : undefined;
            return { certificates: summaries(names.slice(offset, end)), nextPageToken: next };
          });
          const got = await collect({ includeCertificateDetails: true });
          assert.deepEqual(got, names);
          assert.equal(
            mock.commandCalls(GetCertificatesCommand).length,
            Math.max(1, Math.ceil(names.length / pageSize)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("property: a service that cycles through tokens is always stopped", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10 }), async (cycle) => {
        mock.reset();
        let n = 0;
        mock
          .on(GetCertificatesCommand)
          .callsFake(async () => ({ certificates: [], nextPageToken: `c${n++ % cycle}` }));
        await assert.rejects(collect({}, 50), PaginationError);
        assert.ok(mock.commandCalls(GetCertificatesCommand).length <= cycle + 1);
      }),
      { numRuns: 20 },
    );
  });
});
