/**
 * swagger-mock-validator (PactFlow's bi-directional check) as a library, in one process: each pact
 * of a folder against one OpenAPI file, one `validate` call per pact (its API takes one pact and one
 * contract). `node bench/smv-compat.mjs CONTRACT PACT_FOLDER`; exits 1 when any pact fails, with the
 * first errors on stderr, so the bench only times runs that agree with mockpact's verdict.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { SwaggerMockValidatorFactory } from "@pactflow/swagger-mock-validator";

const [contract, folder] = process.argv.slice(2);
const validator = SwaggerMockValidatorFactory.create();
const pacts = (await readdir(folder)).filter((name) => name.endsWith(".json")).sort();
let failed = 0;
for (const name of pacts) {
  const result = await validator.validate({ specPathOrUrl: contract, mockPathOrUrl: join(folder, name) });
  if (!result.success) {
    failed++;
    if (failed <= 3) process.stderr.write(`${name}: ${result.errors.map((e) => e.message).join("; ")}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
