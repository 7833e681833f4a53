/**
 * The ceiling of the fixtures curve: plain json-schema-faker (the version mockpact uses), making one
 * value with `generateSync` for each 2xx JSON response schema of an OpenAPI contract (what `mockpact
 * fixtures` writes a file for), in a loop in one process. Loading and dereferencing the contract is
 * not timed; the loop is. Prints one JSON line: values, bytes (pretty JSON, as the fixture files),
 * loopMs and the loop's CPU time. `node bench/jsf-ceiling.mjs CONTRACT.json`
 */
import { dereference } from "@apidevtools/json-schema-ref-parser";
import { generateSync } from "json-schema-faker";
import { performance } from "node:perf_hooks";

const contract = await dereference(process.argv[2]);
const schemas = Object.values(contract.paths ?? {}).flatMap((item) =>
  Object.values(item).flatMap((operation) =>
    Object.entries(operation?.responses ?? {})
      .filter(([status]) => /^2/.test(status))
      .flatMap(([, response]) => response.content?.["application/json"]?.schema ?? []),
  ),
);
const values = [];
const cpu = process.cpuUsage();
const started = performance.now();
for (const [i, schema] of schemas.entries()) values.push(generateSync(schema, { seed: i + 1 }));
const loopMs = performance.now() - started;
const used = process.cpuUsage(cpu);
const bytes = values.reduce((sum, value) => sum + Buffer.byteLength(JSON.stringify(value, null, 2)), 0);
process.stdout.write(
  `${JSON.stringify({ values: values.length, bytes, loopMs, cpuMs: (used.user + used.system) / 1000 })}\n`,
);
