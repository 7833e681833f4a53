// Two builds of mockpact side by side: the server CPU each spends per request, in alternated rounds.
// Both servers are up at once and take turns under the same load generator, so a busy neighbour on a
// shared machine weighs on both alike. One bench run against the next cannot show a change of a few
// microseconds per request; this can.
//
// usage: node bench/compare-builds.mjs <root A> <root B> [--contract F] [--path P] [--rounds N]
//        [--seconds S] [--settle S] [--method M] [--body TEXT] [--header "name: value"]...
// Each root holds a built checkout (bin/mockpact.js and dist/). Prints each round and the medians in
// µs of server CPU (user + system, from /proc) per request, then one JSON line.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import autocannon from "autocannon";
import { announcedPort, compareArguments, cpuMillis, median } from "./compare-options.mjs";

const { values, roots, headers } = compareArguments("compare-builds.mjs", {
  seconds: { type: "string", default: "2" },
  settle: { type: "string", default: "3" },
  method: { type: "string", default: "GET" },
  body: { type: "string" },
});
if (values.body && !headers["content-type"]) headers["content-type"] = "application/json";

async function startServer(root) {
  const args = [resolve(root, "bin/mockpact.js"), "mock", values.contract, "--port", "0", "--log-level", "silent"];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
  const port = await announcedPort(child, root, 60_000);
  return { root, child, url: `http://127.0.0.1:${port}${values.path}` };
}

function load(url) {
  const options = { url, connections: 10, duration: Number(values.seconds), method: values.method, headers };
  return new Promise((done, fail) =>
    autocannon(values.body ? { ...options, body: values.body } : options, (error, result) =>
      error ? fail(error) : done(result),
    ),
  );
}

const servers = await Promise.all(roots.map(startServer));
try {
  await new Promise((done) => setTimeout(done, Number(values.settle) * 1000)); // start-up work settles
  for (const server of servers) await load(server.url); // warm-up round, not counted
  const perRequest = servers.map(() => []);
  for (let round = 0; round < Number(values.rounds); round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0]; // neither build always goes first
    for (const i of order) {
      const before = cpuMillis(servers[i].child.pid) * 1000;
      const result = await load(servers[i].url);
      perRequest[i].push((cpuMillis(servers[i].child.pid) * 1000 - before) / Math.max(1, result.requests.total));
    }
    console.log(`round ${round + 1}: A ${perRequest[0].at(-1).toFixed(1)} µs, B ${perRequest[1].at(-1).toFixed(1)} µs`);
  }
  const medians = perRequest.map(median);
  servers.forEach((s, i) => console.log(`${"AB"[i]} ${s.root}: median ${medians[i].toFixed(1)} µs per request`));
  console.log(JSON.stringify({ a: roots[0], b: roots[1], medianMicros: medians, rounds: perRequest }));
} finally {
  for (const server of servers) server.child.removeAllListeners("exit").kill();
}
