import { strict as assert } from "node:assert";
import * as source from "../../lightsail/errors";

/** The same module compiled into dist/: a second copy of the package's classes in this process. */
const built = require("../../dist/lightsail/errors") as typeof source;

describe("errors: isInstance", () => {
  it("recognises an error of the class and of its subclasses, from this copy", () => {
    const err = new source.CertificateNotFoundError({ message: "none", closest: [] });
    assert.equal(source.CertificateNotFoundError.isInstance(err), true);
    assert.equal(source.LightsailCertificateError.isInstance(err), true);
    assert.equal(source.AmbiguousCertificateError.isInstance(err), false);
    assert.equal(source.InvalidArgumentError.isInstance(err), false);
  });

  it("recognises errors made by another copy of the package, where instanceof cannot", () => {
    const other = new built.AccessDeniedError({ action: "lightsail:GetCertificates", region: "us-east-1" });
    assert.equal(other instanceof source.AccessDeniedError, false);
    assert.equal(source.AccessDeniedError.isInstance(other), true);
    assert.equal(source.LightsailCertificateError.isInstance(other), true);
    assert.equal(source.LightsailApiError.isInstance(other), false);
    const api = new built.LightsailApiError({
      operation: "GetCertificates",
      region: "us-east-1",
      code: "X",
      message: "m",
    });
    assert.equal(source.LightsailApiError.isInstance(api), true);
  });

  it("is not fooled by a look-alike name or by non-errors", () => {
    const fake = Object.assign(new Error("x"), { name: "CertificateNotFoundError" });
    assert.equal(source.CertificateNotFoundError.isInstance(fake), false);
    for (const v of [undefined, null, "CertificateNotFoundError", 1, {}])
      assert.equal(source.LightsailCertificateError.isInstance(v), false);
  });

  it("keeps the brand out of JSON and enumeration", () => {
    const err = new source.InvalidArgumentError({ argument: "name", problem: "bad" });
    assert.deepEqual(Object.keys(err).sort(), ["argument", "name", "requestId"]);
  });
});
