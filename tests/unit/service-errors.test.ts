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

describe("service error translation, every branch by its exact result", () => {
  const where = "Lightsail GetCertificates in eu-west-2";
  type Expected = { kind: string; code?: string; status?: number; message: string };
  function result(err: unknown, context: Parameters<typeof translateServiceError>[1] = ctx): Expected {
    const e = translateServiceError(err, context);
    const out: Expected = { kind: e.name, message: e.message };
    if (e instanceof LightsailApiError) {
      out.code = e.code;
      if (e.httpStatusCode !== undefined) out.status = e.httpStatusCode;
    }
    return out;
  }
  const once = (name: string, message: string, status?: number, extra: object = {}) =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts: 1 }, ...extra });

  it("access denied by name or by code, with the scrubbed detail", () => {
    assert.deepEqual(result(once("AccessDeniedException", "see http://x.example/", 400)), {
      kind: "AccessDeniedError",
      message:
        "Access denied: the AWS identity in use may not call lightsail:GetCertificates in eu-west-2 (see <endpoint>). " +
        "Grant it lightsail:GetCertificates (read-only) in an IAM policy, or use another profile.",
    });
    assert.equal(result(once("Other", "", 400, { code: "AccessDenied" })).kind, "AccessDeniedError");
    assert.equal(result(once("Other", "", 400, { code: "AccessDeniedException" })).kind, "LightsailApiError");
  });

  it("each credential error, with and without a named profile", () => {
    for (const name of [
      "UnauthenticatedException",
      "UnrecognizedClientException",
      "InvalidSignatureException",
      "ExpiredTokenException",
      "ExpiredToken",
      "InvalidClientTokenId",
      "SignatureDoesNotMatch",
      "CredentialsProviderError",
    ]) {
      assert.deepEqual(result(once(name, "no", 403)), {
        kind: "LightsailApiError",
        code: name,
        status: 403,
        message:
          `${where} rejected the credentials (${name}: no). Refresh them (e.g. \`aws sso login\` or a new session token) ` +
          "or check AWS_PROFILE and the access key in use.",
      });
    }
    assert.equal(
      result(once("ExpiredToken", "no", 403), { ...ctx, profile: "dev" }).message,
      `${where} rejected the credentials (ExpiredToken: no). Refresh them (e.g. \`aws sso login\` or a new session token) ` +
        'or check the profile "dev" (from opts.provider or aws:profile) in the shared config and credentials files.',
    );
  });

  it("throttling by name or by HTTP 429, a proxy's 429 page included", () => {
    assert.deepEqual(result(once("ThrottlingException", "Rate exceeded", 400)), {
      kind: "LightsailApiError",
      code: "ThrottlingException",
      status: 400,
      message: `${where} kept throttling (ThrottlingException). Try again later or run fewer lookups at once.`,
    });
    assert.deepEqual(result(once("TooManyRequests", "slow down", 429)), {
      kind: "LightsailApiError",
      code: "TooManyRequests",
      status: 429,
      message: `${where} kept throttling (TooManyRequests). Try again later or run fewer lookups at once.`,
    });
    assert.deepEqual(result(once("SyntaxError", "Unexpected token <", 429)), {
      kind: "LightsailApiError",
      code: "ThrottlingException",
      status: 429,
      message: `${where} kept throttling (HTTP 429). Try again later or run fewer lookups at once.`,
    });
    const attempts = (n: number) =>
      result(Object.assign(new Error("x"), { name: "ThrottlingException", $metadata: { attempts: n } }))
        .message;
    assert.match(attempts(2), /kept throttling after 2 attempts \(/);
    assert.match(attempts(1), /kept throttling \(/);
  });

  it("a region still being set up, and an invalid request", () => {
    assert.deepEqual(result(once("RegionSetupInProgressException", "wait", 400)), {
      kind: "LightsailApiError",
      code: "RegionSetupInProgressException",
      status: 400,
      message: `${where}: Lightsail is still setting up this region for the account. Try again in a few minutes.`,
    });
    assert.deepEqual(result(once("InvalidInputException", "bad token at http://h:1/", 400)), {
      kind: "LightsailApiError",
      code: "InvalidInputException",
      status: 400,
      message: `${where} refused the request as invalid: bad token at <endpoint>`,
    });
  });

  it("time-outs by name or ETIMEDOUT, with the request timeout when known", () => {
    const timeout = (limit: string) =>
      `${where} got no answer${limit}. Check the network and the endpoint override (AWS_ENDPOINT_URL_LIGHTSAIL) ` +
      "if you set one; a slow but working endpoint needs a larger requestTimeoutMs setting.";
    for (const raw of [
      once("TimeoutError", "t"),
      once("RequestTimeout", "t"),
      once("Error", "t", undefined, { code: "ETIMEDOUT" }),
      once("TimeoutError", "t", undefined, { code: "Other" }),
      // The SDK's own time-out wins over the socket code it carries.
      once("TimeoutError", "t", undefined, { code: "ECONNRESET" }),
    ])
      assert.deepEqual(result(raw), {
        kind: "LightsailApiError",
        code: "TimeoutError",
        message: timeout(""),
      });
    assert.equal(
      result(once("TimeoutError", "t"), { ...ctx, requestTimeoutMs: 250 }).message,
      timeout(" within 250 ms"),
    );
  });

  it("each transport code names itself; an unknown code is not one", () => {
    for (const code of [
      "ECONNREFUSED",
      "ECONNRESET",
      "EPIPE",
      "ENOTFOUND",
      "EAI_AGAIN",
      "EHOSTUNREACH",
      "ENETUNREACH",
    ])
      assert.deepEqual(result(once("Error", "down", undefined, { code })), {
        kind: "LightsailApiError",
        code,
        message: `Could not reach ${where} (${code}). Check the network, and the endpoint override (AWS_ENDPOINT_URL_LIGHTSAIL) if you set one.`,
      });
    assert.equal(result(once("Error", "down", undefined, { code: "EOTHER" })).code, "Error");
  });

  it("bodies that are not Lightsail's JSON, by status", () => {
    const hint =
      "\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.";
    assert.deepEqual(result(once("Error", `Unexpected token < in JSON${hint}`, 502)), {
      kind: "LightsailApiError",
      code: "MalformedResponse",
      status: 502,
      message: `${where} failed on the service side (HTTP 502, with a body that is not Lightsail's JSON: Unexpected token < in JSON). Try again later.`,
    });
    assert.equal(
      result(once("Error", `cut${hint}`, 500)).message,
      `${where} failed on the service side (HTTP 500, with a body that is not Lightsail's JSON: cut). Try again later.`,
    );
    assert.deepEqual(result(once("Error", `garbled${hint}`, 404)), {
      kind: "LightsailApiError",
      code: "MalformedResponse",
      status: 404,
      message: `${where} returned a response that could not be read (HTTP 404: garbled).`,
    });
    assert.equal(
      result(once("Error", `bad${hint}`, 300)).message,
      `${where} returned a response that could not be read (HTTP 300: bad).`,
    );
    assert.equal(
      result(once("SyntaxError", "Unexpected end of JSON input", 200)).message,
      `${where} returned a response that could not be read (Unexpected end of JSON input).`,
    );
    // No hint and no SyntaxError: read as malformed only below HTTP 300 (or with no status).
    assert.equal(result(once("TypeError", "Unexpected field", undefined)).code, "MalformedResponse");
    assert.equal(result(once("TypeError", "cannot deserialize", 299)).code, "MalformedResponse");
    assert.equal(result(once("TypeError", "bad JSON", 300)).code, "TypeError");
    assert.equal(result(once("TypeError", "plain", 200)).code, "TypeError");
  });

  it("5xx and other service errors keep the name and the status", () => {
    assert.deepEqual(result(once("ServiceUnavailable", "down.", 503)), {
      kind: "LightsailApiError",
      code: "ServiceUnavailable",
      status: 503,
      message: `${where} failed on the service side (ServiceUnavailable, HTTP 503): down. Try again later.`,
    });
    assert.equal(
      result(once("InternalFailure", "Internal failure. Try again later", 500)).message,
      `${where} failed on the service side (InternalFailure, HTTP 500): Internal failure. Try again later.`,
    );
    assert.equal(
      result(once("ServiceUnavailable", "down", 500)).message,
      `${where} failed on the service side (ServiceUnavailable, HTTP 500): down. Try again later.`,
    );
    assert.deepEqual(result(once("OperationFailureException", "nope", 499)), {
      kind: "LightsailApiError",
      code: "OperationFailureException",
      status: 499,
      message: `${where} failed (OperationFailureException, HTTP 499): nope`,
    });
    assert.deepEqual(result(once("OperationFailureException", "nope")), {
      kind: "LightsailApiError",
      code: "OperationFailureException",
      message: `${where} failed (OperationFailureException): nope`,
    });
  });

  it("odd throwables: a string, an object without a name, an empty request id", () => {
    assert.deepEqual(result("boom"), {
      kind: "LightsailApiError",
      code: "Unknown",
      message: `${where} failed (Unknown): boom`,
    });
    assert.deepEqual(result(null), {
      kind: "LightsailApiError",
      code: "Unknown",
      message: `${where} failed (Unknown): null`,
    });
    assert.equal(result({ name: [], message: 5 }).message, `${where} failed (Unknown): `);
    const e = translateServiceError(
      once("X", "y", 400, { $metadata: { httpStatusCode: 400, requestId: "" } }),
      ctx,
    );
    assert.equal(e.requestId, undefined);
    assert.equal(result(once("X", "y", 400, { code: 7 })).code, "X");
  });

  it("not-found: by name, by code, or a service message saying so; nothing else", () => {
    assert.equal(isNotFoundError(once("DoesNotExist", "x", 400)), true);
    assert.equal(isNotFoundError(once("X", "x", 400, { code: "NotFound" })), true);
    assert.equal(isNotFoundError(once("X", "Resource DoesNotExist", 400)), true);
    assert.equal(isNotFoundError(Object.assign(new Error("does not exist"), { name: "X" })), false);
    assert.equal(isNotFoundError({ message: 5, $metadata: {} }), false);
    assert.equal(isNotFoundError(once("X", "it exists", 400)), false);
    assert.equal(isNotFoundError("DoesNotExist"), false);
    assert.equal(isNotFoundError(null), false);
    // Only objects count: not a function that happens to have the name, nor a message that is not a string.
    assert.equal(
      isNotFoundError(function NotFoundException() {}),
      false,
    );
    assert.equal(isNotFoundError({ message: ["does not exist"], $metadata: {} }), false);
  });

  it("scrubs each kind of address and keeps at most 500 characters", () => {
    assert.equal(scrubMessage("see HTTPS://A.b/c?d=1 now"), "see <endpoint> now");
    assert.equal(
      scrubMessage("from 10.0.0.1 and [::1]:443 and [FE80::1]"),
      "from <address> and <address> and <address>",
    );
    assert.equal(scrubMessage("LOCALHOST:80 and localhost"), "<address> and <address>");
    assert.equal(
      scrubMessage("ASIAABCDEFGHIJKL AKIDABCDEFGHIJKL AKIAABCDEFGHIJK"),
      "<access-key> <access-key> AKIAABCDEFGHIJK",
    );
    assert.equal(scrubMessage("x".repeat(600)), "x".repeat(500));
    assert.equal(scrubMessage("at 10.0.0.123:8080."), "at <address>.");
  });
});
