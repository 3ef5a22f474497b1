import { describe, expect, it } from 'vitest';
import { inspectCert, signedBy } from '../inspect.js';
import { createSecretCertSource } from './secret-source.js';
import type { SecretStore } from './secret-store.js';

/**
 * An in-memory Secret store whose create answers 'exists' like the API server's 409 AlreadyExists. With
 * `barrier`, the first `barrier` reads are answered together, so both replicas see "absent" and race.
 */
function memoryStore(barrier = 0): SecretStore & { creates: number } {
  const secrets = new Map<string, Record<string, string>>();
  let waiting: Array<() => void> = [];
  return {
    creates: 0,
    async get(ns, name) {
      if (barrier > 0) {
        const snapshot = secrets.get(`${ns}/${name}`);
        await new Promise<void>((r) => {
          waiting.push(r);
          if (waiting.length === barrier) {
            barrier = 0;
            for (const w of waiting) w();
            waiting = [];
          }
        });
        return snapshot;
      }
      return secrets.get(`${ns}/${name}`);
    },
    async create(ns, name, data) {
      this.creates += 1;
      if (secrets.has(`${ns}/${name}`)) return 'exists';
      secrets.set(`${ns}/${name}`, data);
      return 'created';
    },
  };
}

describe('createSecretCertSource', () => {
  it('replicas racing to create the CA end up trusting the same one', async () => {
    const store = memoryStore(2);
    const a = createSecretCertSource({ store, namespace: 'gr', sans: ['guardrail.gr.svc'], checkIntervalMs: 1e9 });
    const b = createSecretCertSource({ store, namespace: 'gr', sans: ['guardrail.gr.svc'], checkIntervalMs: 1e9 });
    await Promise.all([a.start(), b.start()]);
    expect(store.creates).toBe(2);
    expect(a.current().ca).toBe(b.current().ca);
    expect(signedBy(b.current().cert, a.current().ca)).toBe(true);
    expect(inspectCert(a.current().cert).sans).toContain('guardrail.gr.svc');
    expect(a.kind).toBe('secret');
    await Promise.all([a.stop(), b.stop()]);
  }, 30_000);

  it('renews the serving certificate at two thirds of its life, telling listeners', async () => {
    const store = memoryStore();
    let t = new Date('2025-01-01T00:00:00Z').getTime();
    const src = createSecretCertSource({ store, namespace: 'gr', now: () => new Date(t), validityDays: 30, checkIntervalMs: 1e9 });
    await src.start();
    const first = src.current().cert;
    const seen: string[] = [];
    src.onChange((b) => seen.push(b.cert));
    const notBefore = inspectCert(first).notBefore.getTime();
    const life = inspectCert(first).notAfter.getTime() - notBefore;
    t = notBefore + (life * 2) / 3 - 60_000;
    await src.check();
    expect(seen).toEqual([]);
    t = notBefore + (life * 2) / 3 + 1;
    await src.check();
    expect(seen).toHaveLength(1);
    expect(src.current().cert).not.toBe(first);
    expect(src.healthy().healthy).toBe(true);
    await src.stop();
  }, 30_000);

  it('refuses a Secret without a usable CA', async () => {
    const store = memoryStore();
    await store.create('gr', 'guardrail-ca', { 'tls.crt': 'nope' });
    const src = createSecretCertSource({ store, namespace: 'gr' });
    await expect(src.start()).rejects.toThrow(/does not hold a usable CA/);
  });
});
