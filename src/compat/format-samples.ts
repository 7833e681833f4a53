/**
 * A plain, valid value of each common string format: a regex or date matcher that rejects it
 * rejects values the provider may well send. Only formats with one obvious canonical spelling.
 */
const SAMPLES: Record<string, string> = {
  "date-time": "2024-01-02T03:04:05Z",
  date: "2024-01-02",
  time: "03:04:05Z",
  uuid: "3f0c6f1e-8a3b-4c55-9d7e-2b1a4c5d6e7f",
  email: "ada@example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uri: "https://example.com/a",
  hostname: "example.com",
};

export function formatSample(format: string): string | undefined {
  return SAMPLES[format];
}
