import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCertificates } from './ensure-certs.js';
import { createCa, createServingCert } from './forge-certs.js';
import { createFilesCertSource } from './files-source.js';
import { inspectCert } from './inspect.js';
import { readCaBundle } from './ca-bundle.js';

const DAY = 24 * 3600 * 1000;
const t0 = new Date('2030-01-01T00:00:00Z');
const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'guardrail-certs-'));
const waitFor = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('ensureCertificates', () => {
  it('creates the CA and serving pair on first start and reuses them later', async () => {
    const dir = await tempDir();
    expect((await ensureCertificates(dir, ['guardrail.guardrail.svc'], t0)).actions).toEqual(['created-ca', 'issued']);
    expect((await readdir(dir)).sort()).toEqual(['ca-key.pem', 'ca.pem', 'tls.crt', 'tls.key']);
    expect((await stat(join(dir, 'tls.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'ca-key.pem'))).mode & 0o777).toBe(0o600);
    const cert = await readFile(join(dir, 'tls.crt'), 'utf8');
    expect((await ensureCertificates(dir, ['guardrail.guardrail.svc'], t0)).actions).toEqual(['reused']);
    expect(await readFile(join(dir, 'tls.crt'), 'utf8')).toBe(cert);
    expect(await readCaBundle(dir)).toBe(Buffer.from(await readFile(join(dir, 'ca.pem'), 'utf8')).toString('base64'));
  });

  it('re-issues the serving certificate when it is due or a SAN is added, keeping the CA', async () => {
    const dir = await tempDir();
    await ensureCertificates(dir, [], t0);
    const ca = await readFile(join(dir, 'ca.pem'), 'utf8');
    expect((await ensureCertificates(dir, ['new.svc'], t0)).actions).toEqual(['issued']);
    expect(inspectCert(await readFile(join(dir, 'tls.crt'), 'utf8')).sans).toContain('new.svc');
    const later = new Date(t0.getTime() + 300 * DAY);
    expect((await ensureCertificates(dir, ['new.svc'], later)).actions).toEqual(['issued']);
    expect(inspectCert(await readFile(join(dir, 'tls.crt'), 'utf8')).notAfter.getTime()).toBeGreaterThan(later.getTime() + 300 * DAY);
    expect(await readFile(join(dir, 'ca.pem'), 'utf8')).toBe(ca);
  });

  it('never touches a folder without a CA key (bring your own certificate)', async () => {
    const dir = await tempDir();
    const ca = createCa({ now: t0 });
    const leaf = createServingCert({ ca, now: t0 });
    await writeFile(join(dir, 'tls.crt'), leaf.cert);
    await writeFile(join(dir, 'tls.key'), leaf.key);
    expect((await ensureCertificates(dir, ['x.svc'], t0)).actions).toEqual(['external']);
    expect((await readdir(dir)).sort()).toEqual(['tls.crt', 'tls.key']);
  });
});

describe('createFilesCertSource', () => {
  it('serves the bundle, reports health, and picks up a renewal on disk', async () => {
    let now = t0;
    const dir = await tempDir();
    const source = createFilesCertSource({ dir, now: () => now, debounceMs: 20 });
    await source.start();
    const first = source.current();
    expect(first.ca).toContain('BEGIN CERTIFICATE');
    expect(source.healthy()).toMatchObject({ healthy: true });
    const changes: string[] = [];
    source.onChange((b) => changes.push(b.cert));
    now = new Date(t0.getTime() + 300 * DAY);
    await ensureCertificates(dir, [], now);
    await waitFor(() => changes.length > 0);
    expect(source.current().cert).not.toBe(first.cert);
    expect(source.current().cert).toBe(changes.at(-1));
    await source.stop();
  });

  it('keeps the last good bundle when the key on disk does not match', async () => {
    const dir = await tempDir();
    const source = createFilesCertSource({ dir, now: () => t0, debounceMs: 20 });
    await source.start();
    const good = source.current();
    await writeFile(join(dir, 'tls.key'), createServingCert({ ca: createCa({ now: t0 }), now: t0 }).key);
    await waitFor(() => source.healthy().lastError !== undefined);
    expect(source.current()).toBe(good);
    expect(source.healthy()).toMatchObject({ healthy: true, lastError: expect.stringContaining('does not match') });
    await source.stop();
  });

  it('is unhealthy once the certificate has expired', async () => {
    let now = t0;
    const source = createFilesCertSource({ dir: await tempDir(), now: () => now });
    await source.start();
    now = new Date(t0.getTime() + 400 * DAY);
    expect(source.healthy()).toMatchObject({ healthy: false, message: expect.stringContaining('expired') });
    await source.stop();
  });
});
