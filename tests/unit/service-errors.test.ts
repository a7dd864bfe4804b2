import { strict as assert } from "node:assert";
import { AccessDeniedError, LightsailApiError, PaginationError } from "../../lightsail/errors";
import { isNotFoundError, scrubMessage, translateServiceError } from "../../lightsail/service-errors";

function sdkError(name: string, message: string, status?: number, extra: object = {}) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, attempts: 4 },
    ...extra,
  });
}
const ctx = { operation: "GetCertificates", region: "eu-west-2" };

describe("service error translation", () => {
  it("AccessDenied names the IAM action and the region", () => {
    const err = translateServiceError(
      sdkError("AccessDeniedException", "not allowed", 400, { code: "AccessDenied" }),
      ctx,
    );
    assert.ok(err instanceof AccessDeniedError);
    assert.equal(err.name, "AccessDeniedError");
    assert.equal(err.action, "lightsail:GetCertificates");
    assert.match(err.message, /lightsail:GetCertificates in eu-west-2/);
    assert.match(err.message, /Grant it lightsail:GetCertificates/);
  });

  it("recognises an AccessDenied code on the base service exception", () => {
    const err = translateServiceError(
      sdkError("LightsailServiceException", "x", 400, { code: "AccessDenied" }),
      ctx,
    );
    assert.equal(err.name, "AccessDeniedError");
  });

  it("recognises the three not-found forms", () => {
    assert.equal(isNotFoundError(sdkError("NotFoundException", "x", 400)), true);
    assert.equal(
      isNotFoundError(sdkError("LightsailServiceException", "x", 400, { code: "DoesNotExist" })),
      true,
    );
    assert.equal(
      isNotFoundError(sdkError("LightsailServiceException", "The Certificate does not exist: x", 400)),
      true,
    );
    assert.equal(isNotFoundError(sdkError("InvalidInputException", "bad", 400)), false);
  });

  it("throttling after retries says so and what to do", () => {
    const err = translateServiceError(
      sdkError("ThrottlingException", "Rate exceeded", 400),
      ctx,
    ) as LightsailApiError;
    assert.equal(err.code, "ThrottlingException");
    assert.match(err.message, /kept throttling after 4 attempts/);
  });

  it("credential errors say to refresh credentials", () => {
    const err = translateServiceError(sdkError("ExpiredTokenException", "expired", 403), ctx);
    assert.match(err.message, /rejected the credentials \(ExpiredTokenException/);
  });

  it("transport errors never carry the endpoint", () => {
    const raw = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:45123 http://127.0.0.1:45123/"), {
      code: "ECONNREFUSED",
    });
    const err = translateServiceError(raw, ctx) as LightsailApiError;
    assert.equal(err.code, "ECONNREFUSED");
    assert.doesNotMatch(err.message, /127\.0\.0\.1|45123/);
    assert.match(err.message, /Could not reach Lightsail GetCertificates in eu-west-2/);
  });

  it("keeps the SDK's error as cause and shows the AWS request id, on every kind", () => {
    const cases = [
      sdkError("AccessDeniedException", "no", 400, {
        $metadata: { httpStatusCode: 400, requestId: "req-1" },
      }),
      sdkError("ThrottlingException", "slow", 400, {
        $metadata: { httpStatusCode: 400, requestId: "req-1" },
      }),
      sdkError("ServiceException", "boom", 500, { $metadata: { httpStatusCode: 500, requestId: "req-1" } }),
      sdkError("UnauthenticatedException", "who", 401, {
        $metadata: { httpStatusCode: 401, requestId: "req-1" },
      }),
    ];
    for (const raw of cases) {
      const err = translateServiceError(raw, ctx);
      assert.equal(err.requestId, "req-1", err.name);
      assert.equal(err.cause, raw, err.name);
      assert.match(err.message, /\(AWS request id req-1\)$/, err.name);
    }
    const transport = translateServiceError(Object.assign(new Error("reset"), { code: "ECONNRESET" }), ctx);
    assert.equal(transport.requestId, undefined);
    assert.doesNotMatch(transport.message, /request id/);
  });

  it("passes the package's own errors through", () => {
    const own = new PaginationError({ message: "loop", pagesRead: 3 });
    assert.equal(translateServiceError(own, ctx), own);
  });

  it("scrubs URLs, addresses and access keys from outside messages", () => {
    const text = scrubMessage(
      "at https://lightsail.local:9/x from 10.1.2.3:80 key AKIAABCDEFGHIJKLMNOP localhost:4566",
    );
    assert.equal(text, "at <endpoint> from <address> key <access-key> <address>");
  });
});

describe("error display", () => {
  it("util.inspect shows the package's errors by their stack, without Node 20's module marking", () => {
    const util = require("node:util") as typeof import("node:util");
    const err = new PaginationError({ message: "loop", pagesRead: 3 });
    err.stack = `PaginationError: loop\n    at applyHelperAsync (/x/node_modules/@pulumi/output.ts:516:31)`;
    assert.equal(util.inspect(err, { colors: true }), err.stack);
  });
});

describe("5xx messages", () => {
  it("say 'Try again later' once, even when the service already did", () => {
    const err = translateServiceError(
      sdkError("ServiceException", "Internal failure. Try again later.", 500),
      ctx,
    );
    assert.equal(err.message.match(/try again later/gi)?.length, 1);
    assert.match(
      err.message,
      /failed on the service side after 4 attempts \(ServiceException, HTTP 500\): Internal failure\. Try again later\.$/,
    );
  });
});
