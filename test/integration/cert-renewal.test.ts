/**
 * Certificate renewal under load: clients open new TLS connections in a bounded loop while the serving
 * certificate is renewed on disk; no request may fail and new connections must see the new certificate.
 */
import { writeFile, rename, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServingCert, inspectCert } from '../../src/certs/index.js';
import { seedReview } from './fixtures/reviews.js';
import { postReview } from './https-client.js';
import { startTestServer, waitFor, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function renewOnDisk(): Promise<string> {
  const ca = { cert: await readFile(join(t.certsDir, 'ca.pem'), 'utf8'), key: await readFile(join(t.certsDir, 'ca-key.pem'), 'utf8') };
  const leaf = createServingCert({ ca, now: new Date(), sans: ['guardrail.guardrail.svc'] });
  // As a renewal tool would: write aside, then rename into place (key first, then certificate).
  await writeFile(join(t.certsDir, 'tls.key.new'), leaf.key, { mode: 0o600 });
  await writeFile(join(t.certsDir, 'tls.crt.new'), leaf.cert);
  await rename(join(t.certsDir, 'tls.key.new'), join(t.certsDir, 'tls.key'));
  await rename(join(t.certsDir, 'tls.crt.new'), join(t.certsDir, 'tls.crt'));
  return inspectCert(leaf.cert).serialNumber;
}

describe('certificate renewal', () => {
  it('serves the renewed certificate to new connections without a failed request', async () => {
    const oldSerial = inspectCert(t.server.certs.current().cert).serialNumber;
    const serials: string[] = [];
    const failures: string[] = [];
    let stop = false;
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 400 && !stop; i++) {
        try {
          const res = await postReview(`${t.url}/validate`, seedReview('compliant'), t.ca);
          if (res.status !== 200 || !res.json<{ response: { allowed: boolean } }>().response.allowed) failures.push(`status ${res.status}`);
          serials.push(res.serial.toUpperCase());
        } catch (err) {
          failures.push(String(err));
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await waitFor(() => serials.length >= 20, 10_000, 'load to start');
    const newSerial = await renewOnDisk();
    await waitFor(() => serials.at(-1) === newSerial.toUpperCase(), 10_000, 'the renewed certificate to be served');
    const afterRenewal = serials.length;
    await waitFor(() => serials.length >= afterRenewal + 20, 10_000, 'load after renewal');
    stop = true;
    await Promise.all(workers);
    expect(failures).toEqual([]);
    expect(serials).toContain(oldSerial.toUpperCase());
    expect(serials).toContain(newSerial.toUpperCase());
    expect(t.server.certs.healthy().healthy).toBe(true);
  });
});
