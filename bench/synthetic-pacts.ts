/**
 * Consumer pacts against the synthetic contract (bench/synthetic-contract.ts), generated into a
 * temporary folder for the compat curve: `pacts` files of `interactionsPerPact` interactions each,
 * alternating a GET of one item and a POST that creates one, spread over the contract's resources.
 * Every interaction is compatible with the contract, so each checker's whole run is measured.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export async function writeSyntheticPacts(
  folder: string,
  pacts: number,
  interactionsPerPact: number,
  operations: number,
): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const resources = Math.max(1, Math.ceil(operations / 2));
  const files = Array.from({ length: pacts }, (_, k) => join(folder, `consumer-${k}-synthetic.json`));
  await Promise.all(
    files.map((file, k) => writeFile(file, JSON.stringify(syntheticPact(k, interactionsPerPact, resources)))),
  );
  return files;
}

function syntheticPact(k: number, size: number, resources: number) {
  const interactions = Array.from({ length: size }, (_, i) => {
    const r = (k * size + i) % resources;
    const item = { id: i + 1, name: `item ${i + 1}` };
    return i % 2 === 0
      ? {
          description: `consumer ${k} reads item ${i + 1} of r${r}`,
          request: { method: "GET", path: `/r${r}/${i + 1}` },
          response: { status: 200, headers: { "Content-Type": "application/json" }, body: item },
        }
      : {
          description: `consumer ${k} creates item ${i + 1} in r${r}`,
          request: { method: "POST", path: `/r${r}`, headers: { "Content-Type": "application/json" }, body: item },
          response: { status: 201, headers: { "Content-Type": "application/json" }, body: item },
        };
  });
  return {
    consumer: { name: `consumer-${k}` },
    provider: { name: "synthetic" },
    interactions,
    metadata: { pactSpecification: { version: "2.0.0" } },
  };
}
