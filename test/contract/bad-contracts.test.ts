import { describe, expect, it } from "vitest";
import { loadContract } from "../../src/contract/index.js";
import { MockpactError } from "../../src/errors.js";

const bad = "test/contracts/bad";

async function loadError(file: string, options = {}): Promise<MockpactError> {
  const error = await loadContract(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MockpactError);
  return error as MockpactError;
}

describe("contracts that cannot load", () => {
  it("names the file, line and column of unparseable YAML", async () => {
    const error = await loadError(`${bad}/broken.yaml`);
    expect(error.code).toBe("CONTRACT_PARSE");
    expect(error.place.file).toMatch(/broken\.yaml$/);
    expect(error.place.line).toBeGreaterThan(1);
    expect(error.place.column).toBeGreaterThan(0);
    expect(error.hint).not.toBe("");
  });

  it("reports a $ref to a missing file", async () => {
    const error = await loadError(`${bad}/root/missing-ref.yaml`);
    expect(error.code).toBe("REF_NOT_FOUND");
    expect(error.message).toMatch(/does-not-exist\.yaml/);
  });

  it("reports a $ref to a missing pointer with the place of the $ref", async () => {
    const error = await loadError(`${bad}/root/missing-pointer.yaml`);
    expect(error.code).toBe("REF_NOT_FOUND");
    expect(error.place.pointer).toBe("#/paths/~1a/get/responses/200/content/application~1json/schema");
  });

  it("refuses a $ref that escapes the contract's root folder", async () => {
    const error = await loadError(`${bad}/root/escaping-ref.yaml`);
    expect(error.code).toBe("REF_OUTSIDE_ROOT");
    expect(error.message).toMatch(/secret\.yaml/);
  });

  it("reads the same $ref when --ref-root widens the root", async () => {
    const contract = await loadContract(`${bad}/root/escaping-ref.yaml`, { refRoot: "test/contracts" });
    expect(contract.operations).toHaveLength(1);
  });

  it("refuses a remote $ref unless remote refs are allowed, without fetching it", async () => {
    const error = await loadError(`${bad}/root/remote-ref.yaml`);
    expect(error.code).toBe("REF_REMOTE");
    expect(error.message).toMatch(/http:\/\/127\.0\.0\.1:9/);
  });

  it("says a missing contract does not exist", async () => {
    const error = await loadError(`${bad}/nope.yaml`);
    expect(error.code).toBe("CONTRACT_NOT_FOUND");
  });

  it("refuses a document that is not a contract", async () => {
    const error = await loadError("package.json");
    expect(error.code).toBe("CONTRACT_INVALID");
  });
});
