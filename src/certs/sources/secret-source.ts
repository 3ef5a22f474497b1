/**
 * The `secret` certificate source (self-managed in-cluster): the CA lives in a Secret in our namespace,
 * created by whichever replica comes first (create-if-absent; a 409 means another replica won, so we read
 * theirs); every replica issues its own serving certificate from it in memory and renews it at two thirds
 * of its life, without a restart (listeners get the new bundle). The CA is what the webhook trusts
 * (caBundle), so replicas never need to share serving keys.
 */
import { createCa, createServingCert, servingSans, type KeyPairPem } from '../forge-certs.js';
import { inspectCert, keyMatchesCert } from '../inspect.js';
import type { CertBundle, CertHealth, CertSource } from '../types.js';
import { CA_SECRET_KEYS, type SecretStore } from './secret-store.js';

export interface SecretCertSourceOptions {
  store: SecretStore;
  namespace: string;
  /** Name of the CA Secret (default guardrail-ca). */
  secretName?: string;
  /** DNS names of the Service (guardrail.<ns>.svc ...) and any extra SANs. */
  sans?: readonly string[];
  now?: () => Date;
  /** Serving certificate lifetime; renewal at 2/3 of it. */
  validityDays?: number;
  checkIntervalMs?: number;
  onEvent?: (event: { type: 'loaded' | 'renewed' | 'error' | 'created-ca'; message: string }) => void;
}

export interface SecretCertSource extends CertSource {
  /** Re-reads the CA Secret and renews when due: what the timer runs (tests call it with a moved clock). */
  check(): Promise<void>;
}

export function createSecretCertSource(opts: SecretCertSourceOptions): SecretCertSource {
  const now = opts.now ?? (() => new Date());
  const name = opts.secretName ?? 'guardrail-ca';
  const listeners = new Set<(b: CertBundle) => void>();
  let ca: KeyPairPem | undefined;
  let bundle: CertBundle | undefined;
  let renewAt = 0;
  let notAfter: Date | undefined;
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function loadCa(): Promise<KeyPairPem> {
    let data = await opts.store.get(opts.namespace, name);
    if (!data) {
      const made = createCa({ now: now() });
      const created = await opts.store.create(opts.namespace, name, { [CA_SECRET_KEYS.cert]: made.cert, [CA_SECRET_KEYS.key]: made.key, [CA_SECRET_KEYS.ca]: made.cert }, 'kubernetes.io/tls');
      if (created === 'created') {
        opts.onEvent?.({ type: 'created-ca', message: `created CA Secret ${opts.namespace}/${name}` });
        return made;
      }
      data = await opts.store.get(opts.namespace, name); // another replica won the race: use its CA
    }
    const cert = data?.[CA_SECRET_KEYS.cert];
    const key = data?.[CA_SECRET_KEYS.key];
    if (!cert || !key || !keyMatchesCert(key, cert)) throw new Error(`Secret ${opts.namespace}/${name} does not hold a usable CA (tls.crt/tls.key)`);
    return { cert, key };
  }

  function issue(): void {
    if (!ca) return;
    const at = now();
    const leaf = createServingCert({ ca, now: at, sans: servingSans(opts.sans ?? []), ...(opts.validityDays ? { validityDays: opts.validityDays } : {}) });
    const info = inspectCert(leaf.cert);
    const life = info.notAfter.getTime() - info.notBefore.getTime();
    renewAt = info.notBefore.getTime() + (life * 2) / 3;
    notAfter = info.notAfter;
    const changed = bundle !== undefined;
    bundle = { key: leaf.key, cert: leaf.cert, ca: ca.cert };
    opts.onEvent?.({ type: changed ? 'renewed' : 'loaded', message: `serving certificate valid until ${notAfter.toISOString()}` });
    if (changed) for (const l of listeners) l(bundle);
  }

  async function check(): Promise<void> {
    try {
      const fresh = await loadCa();
      const caChanged = ca !== undefined && fresh.cert !== ca.cert;
      ca = fresh;
      if (caChanged || now().getTime() >= renewAt) issue();
      lastError = undefined;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      opts.onEvent?.({ type: 'error', message: lastError });
    }
  }

  return {
    kind: 'secret',
    async start() {
      ca = await loadCa();
      issue();
      timer = setInterval(() => void check(), opts.checkIntervalMs ?? 10 * 60 * 1000);
      timer.unref();
    },
    current() {
      if (!bundle) throw new Error('certificate source not started');
      return bundle;
    },
    healthy(): CertHealth {
      if (!bundle || !notAfter) return { healthy: false, message: 'no serving certificate issued', ...(lastError ? { lastError } : {}) };
      const valid = now() < notAfter;
      return { healthy: valid, message: `serving certificate ${valid ? 'valid until' : 'expired at'} ${notAfter.toISOString()}`, notAfter, ...(lastError ? { lastError } : {}) };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      clearInterval(timer);
    },
    check,
  };
}
