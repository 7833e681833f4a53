// Two builds of mockpact started in turn on one contract: the time to the first answer, and the server
// CPU spent by then. Starts alternate (A B, B A, ...) so that a busy neighbour on a shared machine weighs
// on both builds alike; with --cpu the servers run on that CPU alone (taskset), as a pinned bench run.
//
// usage: node bench/compare-startups.mjs <root A> <root B> [--contract F] [--path P] [--rounds N]
//        [--cpu C] [--header "name: value"]...
// Each root holds a built checkout (bin/mockpact.js and dist/). Once mockpact says where it listens, the
// path is asked every 10 ms (any status is an answer; bounded at 60 s). Prints each round and the medians,
// then one JSON line.
import { spawn, spawnSync } from "node:child_process";
import { request } from "node:http";
import { resolve } from "node:path";
import { announcedPort, compareArguments, cpuMillis, median } from "./compare-options.mjs";

const { values, roots, headers } = compareArguments("compare-startups.mjs", { cpu: { type: "string" } });
const pinned = values.cpu !== undefined && spawnSync("taskset", ["-c", values.cpu, "true"]).status === 0;
const BOUND_MS = 60_000;

function answers(port) {
  return new Promise((done) => {
    const asked = request({ host: "127.0.0.1", port, path: values.path, headers }, (response) => {
      response.resume().on("end", () => done(true));
    });
    asked.on("error", () => done(false)).setTimeout(5_000, () => asked.destroy());
    asked.end();
  });
}

async function startOnce(root) {
  const args = [resolve(root, "bin/mockpact.js"), "mock", values.contract, "--port", "0"];
  const [program, argv] = pinned
    ? ["taskset", ["-c", values.cpu, process.execPath, ...args]]
    : [process.execPath, args];
  const started = performance.now();
  const env = { ...process.env, PACT_DO_NOT_TRACK: "true" };
  const child = spawn(program, argv, { stdio: ["ignore", "pipe", "ignore"], env });
  const exited = new Promise((done) => child.once("exit", done));
  try {
    const port = await announcedPort(child, root, BOUND_MS);
    while (performance.now() - started < BOUND_MS) {
      if (await answers(port)) return { ms: performance.now() - started, cpuMs: cpuMillis(child.pid) };
      if (child.exitCode !== null) throw new Error(`${root}: mockpact exited (${child.exitCode}) before answering`);
      await new Promise((done) => setTimeout(done, 10));
    }
    throw new Error(`${root}: no answer within ${BOUND_MS} ms`);
  } finally {
    child.kill();
    await exited;
  }
}

const samples = roots.map(() => []);
for (let round = 0; round < Number(values.rounds); round++) {
  const order = round % 2 === 0 ? [0, 1] : [1, 0]; // neither build always goes first
  for (const i of order) samples[i].push(await startOnce(roots[i]));
  const shown = samples.map((s, i) => `${"AB"[i]} ${s.at(-1).ms.toFixed(0)} ms (CPU ${s.at(-1).cpuMs} ms)`);
  console.log(`round ${round + 1}: ${shown.join(", ")}`);
}
const medians = samples.map((s) => ({ ms: median(s.map((x) => x.ms)), cpuMs: median(s.map((x) => x.cpuMs)) }));
roots.forEach((root, i) =>
  console.log(
    `${"AB"[i]} ${root}: median ${medians[i].ms.toFixed(0)} ms to the first answer, CPU ${medians[i].cpuMs} ms`,
  ),
);
console.log(JSON.stringify({ a: roots[0], b: roots[1], pinned, medians, rounds: samples }));
