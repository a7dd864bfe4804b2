import { strict as assert } from "node:assert";
import { GetCertificatesCommand, GetCertificatesRequest, LightsailClient } from "@aws-sdk/client-lightsail";
import { mockClient } from "aws-sdk-client-mock";
import fc from "fast-check";
import { LightsailApiError, PaginationError } from "../../lightsail/errors";
import { DEFAULT_MAX_PAGES, paginateCertificates } from "../../lightsail/paginate";

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

describe("paginateCertificates: messages, page numbers and bounds", () => {
  // A client of its own: the block above restores the shared one when it ends.
  const client = new LightsailClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDUNIT", secretAccessKey: "s" },
  });
  const mock = mockClient(client);
  afterEach(() => mock.reset());
  after(() => mock.restore());

  async function pages(options?: Parameters<typeof paginateCertificates>[2]) {
    const out: { page: number; names: string[] }[] = [];
    for await (const page of paginateCertificates(client, {}, options))
      out.push({ page: page.page, names: page.certificates.map((c) => c.certificateName!) });
    return out;
  }
  const meta = { $metadata: { requestId: "req-9" } };

  it("numbers pages from 1, stops on a null token and sends no pageToken field first", async () => {
    mock
      .on(GetCertificatesCommand)
      .resolvesOnce({ certificates: summaries(["a"]), nextPageToken: "t1" })
      .resolvesOnce({ certificates: summaries(["b"]), nextPageToken: null as unknown as string })
      .resolves({ certificates: summaries(["never"]) });
    assert.deepEqual(await pages(), [
      { page: 1, names: ["a"] },
      { page: 2, names: ["b"] },
    ]);
    const inputs = mock.commandCalls(GetCertificatesCommand).map((c) => c.args[0].input);
    assert.equal(inputs.length, 2);
    assert.ok(!("pageToken" in inputs[0]));
  });

  it("a certificates field that is not a list is a MalformedResponse naming the region", async () => {
    mock.on(GetCertificatesCommand).resolves({ certificates: "x" as never, ...meta });
    await assert.rejects(pages({ region: "eu-west-2" }), (err: unknown) => {
      assert.ok(err instanceof LightsailApiError);
      assert.equal(err.operation, "GetCertificates");
      assert.equal(err.region, "eu-west-2");
      assert.equal(err.code, "MalformedResponse");
      assert.equal(err.requestId, "req-9");
      assert.equal(
        err.message,
        "Lightsail GetCertificates in eu-west-2 returned a response that could not be read (certificates is not a list). (AWS request id req-9)",
      );
      return true;
    });
    await assert.rejects(pages(), (err: unknown) => {
      assert.ok(err instanceof LightsailApiError);
      assert.equal(err.region, "");
      assert.match(err.message, /^Lightsail GetCertificates returned a response/);
      return true;
    });
  });

  it("a repeated token: the message names the region and page, and carries the request id", async () => {
    mock
      .on(GetCertificatesCommand)
      .resolvesOnce({ certificates: [], nextPageToken: "t1" })
      .resolves({ certificates: [], nextPageToken: "t1", ...meta });
    await assert.rejects(pages({ region: "eu-west-2" }), (err: unknown) => {
      assert.ok(err instanceof PaginationError);
      assert.equal(err.pagesRead, 2);
      assert.equal(err.requestId, "req-9");
      assert.match(
        err.message,
        /^GetCertificates in eu-west-2 returned a page token that it had already returned \(after page 2\); stopped to avoid an endless loop\./,
      );
      return true;
    });
  });

  it("the page bound: maxPages pages are fine, one more token is not; 500 by default", async () => {
    assert.equal(DEFAULT_MAX_PAGES, 500);
    let n = 0;
    mock.on(GetCertificatesCommand).callsFake(async () => (++n < 3 ? { nextPageToken: `t${n}` } : {}));
    assert.deepEqual(
      (await pages({ maxPages: 3 })).map((p) => p.page),
      [1, 2, 3],
    );
    mock.reset();
    n = 0;
    mock.on(GetCertificatesCommand).callsFake(async () => ({ nextPageToken: `t${++n}`, ...meta }));
    await assert.rejects(pages({ region: "eu-west-2" }), (err: unknown) => {
      assert.ok(err instanceof PaginationError);
      assert.equal(err.pagesRead, 500);
      assert.equal(err.requestId, "req-9");
      assert.match(
        err.message,
        /^GetCertificates in eu-west-2 still returned a nextPageToken after 500 pages; stopped\. This looks like a service or proxy fault; raise the maxPages setting/,
      );
      return true;
    });
    assert.equal(n, 500);
  });
});
