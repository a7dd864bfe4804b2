/**
 * Pins the fixes the hardening suites led to, one deterministic example each (the fuzzers and
 * matrices find them only by chance or through the emulator).
 */
import { strict as assert } from "node:assert";
import {
  GetCertificatesCommand,
  GetLoadBalancerTlsCertificatesCommand,
  LightsailClient,
} from "@aws-sdk/client-lightsail";
import { mockClient } from "aws-sdk-client-mock";
import { parseGateArgs, UsageError } from "../../gate/args";
import { ReadCache } from "../../lookup/cache";
import { createLookupContext } from "../../lookup/context";
import { LightsailApiError } from "../../lightsail/errors";
import { findLoadBalancerCertificate } from "../../lookup/load-balancer";
import { findCertificate } from "../../lookup/lookup";
import { normalizeCertificate, tagsToMap } from "../../lightsail/normalize";
import { translateServiceError } from "../../lightsail/service-errors";
import { parseCertificateArgs } from "../../lookup/search-args";

const ctx = { operation: "GetCertificates", region: "eu-west-2" };
const HINT =
  "\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.";

/** An error as the SDK's deserializer throws it for a body it cannot parse. */
function unreadable(name: string, message: string, status: number) {
  return Object.assign(new Error(message + HINT), {
    name,
    $metadata: { httpStatusCode: status, attempts: 4 },
  });
}

describe("hardening fixes", () => {
  describe("service errors: a body the SDK could not read", () => {
    it("HTTP 200 with invalid JSON is MalformedResponse, without the SDK's $response hint", () => {
      const err = translateServiceError(unreadable("SyntaxError", "Unexpected token '<'", 200), ctx);
      assert.ok(err instanceof LightsailApiError);
      assert.equal(err.code, "MalformedResponse");
      assert.equal(
        err.message,
        "Lightsail GetCertificates in eu-west-2 returned a response that could not be read (Unexpected token '<').",
      );
    });

    it("a field of the wrong type (the SDK's TypeError) is MalformedResponse, not TypeError", () => {
      const err = translateServiceError(
        unreadable("TypeError", "Expected real number, got implicit NaN", 200),
        ctx,
      );
      assert.equal((err as LightsailApiError).code, "MalformedResponse");
      assert.doesNotMatch(err.message, /\$response|Deserialization/);
    });

    it("a 5xx or 4xx proxy page says so with its status; a 429 one is throttling", () => {
      const e503 = translateServiceError(unreadable("SyntaxError", "Unexpected token '<'", 503), ctx);
      assert.equal((e503 as LightsailApiError).code, "MalformedResponse");
      assert.match(
        e503.message,
        /failed on the service side after 4 attempts \(HTTP 503, with a body that is not/,
      );
      const e403 = translateServiceError(unreadable("SyntaxError", "Unexpected token '<'", 403), ctx);
      assert.match(e403.message, /could not be read \(HTTP 403: Unexpected token/);
      const e429 = translateServiceError(unreadable("SyntaxError", "Unexpected token '<'", 429), ctx);
      assert.equal((e429 as LightsailApiError).code, "ThrottlingException");
      assert.match(e429.message, /kept throttling after 4 attempts \(HTTP 429\)/);
    });

    it("an error whose name is not a string is Unknown, as the SDK calls unreadable error types", () => {
      const err = Object.assign(new Error("UnknownError"), { name: [], $metadata: { httpStatusCode: 400 } });
      assert.equal((translateServiceError(err, ctx) as LightsailApiError).code, "Unknown");
    });
  });

  describe("responses whose lists are not lists", () => {
    const client = new LightsailClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDFIX", secretAccessKey: "s" },
    });
    const mock = mockClient(client);
    const lookups = () =>
      createLookupContext({
        clientFor: () => client,
        cache: new ReadCache(),
        connection: { configRegion: "us-east-1" },
      });
    afterEach(() => mock.reset());
    after(() => mock.restore());

    it("GetCertificates with `certificates` an object: MalformedResponse, not a TypeError", async () => {
      mock.on(GetCertificatesCommand).resolves({ certificates: {} as never });
      await assert.rejects(findCertificate(lookups(), { domainName: "example.com" }), (e: unknown) => {
        assert.ok(e instanceof LightsailApiError);
        assert.equal(e.code, "MalformedResponse");
        assert.match(
          e.message,
          /GetCertificates in us-east-1 returned a response that could not be read \(certificates is not a list\)/,
        );
        return true;
      });
    });

    it("GetLoadBalancerTlsCertificates with `tlsCertificates` a string: MalformedResponse", async () => {
      mock.on(GetLoadBalancerTlsCertificatesCommand).resolves({ tlsCertificates: "x" as never });
      await assert.rejects(
        findLoadBalancerCertificate(lookups(), { loadBalancerName: "lb" }),
        (e: unknown) => {
          assert.ok(e instanceof LightsailApiError);
          assert.equal(e.code, "MalformedResponse");
          assert.match(e.message, /tlsCertificates is not a list/);
          return true;
        },
      );
    });
  });

  describe('tag keys such as "__proto__" (valid AWS tag keys)', () => {
    it("are kept by the normaliser", () => {
      const tags = tagsToMap([
        { key: "__proto__", value: "x" },
        { key: "env", value: "prod" },
      ]);
      assert.deepEqual(Object.keys(tags), ["__proto__", "env"]);
      assert.equal(Object.getPrototypeOf(tags), Object.prototype);
      const cert = normalizeCertificate(
        { certificateName: "c", certificateDetail: { name: "c", tags: [{ key: "__proto__", value: "x" }] } },
        "us-east-1",
        new Date(),
      );
      assert.equal(JSON.stringify(cert!.tags), '{"__proto__":"x"}');
    });

    it("are kept as a tag filter (from JSON, e.g. stack config)", () => {
      const query = parseCertificateArgs(
        JSON.parse('{"domainName":"example.com","tags":{"__proto__":"x"}}'),
        true,
      );
      assert.deepEqual(Object.entries(query.tags), [["__proto__", "x"]]);
    });
  });

  describe("lightsail-certs arguments from JavaScript callers", () => {
    it("a non-string argument is a usage error naming its position and flag", () => {
      assert.throws(
        () => parseGateArgs(["check", "--domain", null as never]),
        (e: unknown) =>
          e instanceof UsageError && e.message === "argument 3 (after --domain) must be a string, got null",
      );
      assert.throws(
        () => parseGateArgs("check" as never),
        /the arguments must be a list of strings, got string/,
      );
      assert.throws(() => parseGateArgs(undefined as never), UsageError);
    });
  });
});
