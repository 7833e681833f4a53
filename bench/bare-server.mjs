// The ceiling of the benchmark: bare node:http answering fixed bytes, nothing else.
// Plain JavaScript run by `node` (no tsx, no imports beyond node:), so its start-up and per-request
// cost is the least a Node server can have.
//
// argv[2]: a JSON file mapping "METHOD /path" to { status, contentType, body } (the bytes mockpact
// answered to that request, so the ceiling sends the same sizes); anything else gets a small 404.
// Prints `listening <port>` on stdout once bound (port 0 picks a free one).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const answers = new Map();
for (const [key, answer] of Object.entries(JSON.parse(readFileSync(process.argv[2], "utf8")))) {
  const body = Buffer.from(answer.body, "utf8");
  answers.set(key, {
    status: answer.status,
    headers: { "content-type": answer.contentType, "content-length": String(body.length) },
    body,
  });
}
const notFound = Buffer.from('{"title":"Not Found","status":404}');

const server = createServer((req, res) => {
  // The request body is drained, not parsed: the ceiling reads what the client sends, as a server must.
  req.resume();
  req.on("end", () => {
    const answer = answers.get(`${req.method} ${req.url}`);
    if (answer) {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    res.writeHead(404, { "content-type": "application/json", "content-length": String(notFound.length) });
    res.end(notFound);
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
