import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, tempDir, type ServerProcess } from "./serverProcess.ts";

const dir = tempDir("muster-tls-");
const certFile = join(dir, "server.crt");
const keyFile = join(dir, "server.key");
let server: ServerProcess | null = null;

/** A self-signed certificate for 127.0.0.1, as a district's CA would sign. */
function makeCertificate(): void {
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
      ...["-keyout", keyFile, "-out", certFile],
      ...["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
}

/** GETs a path, trusting only the test's certificate. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: readFileSync(certFile) }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(() => makeCertificate());

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("serves HTTPS when given a certificate and a key", async () => {
  server = await startServer({
    dataDir: join(dir, "data"),
    env: { MUSTER_TLS_CERT: certFile, MUSTER_TLS_KEY: keyFile },
  });
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

  const health = await get(`${server.url}/healthz`);
  expect(health).toEqual({ status: 200, body: '{"ok":true}' });
});

test("refuses to start with a missing key file, naming the variable", async () => {
  const missing = join(dir, "nowhere.key");
  const started = startServer({
    dataDir: join(dir, "data2"),
    env: { MUSTER_TLS_CERT: certFile, MUSTER_TLS_KEY: missing },
  });

  await expect(started).rejects.toThrow(
    /exited with 2[\s\S]*MUSTER_TLS_KEY: cannot read ".*nowhere\.key" \(ENOENT\)/,
  );
});
