/**
 * The `files` certificate source: a folder (default ./certs) with ca.pem, ca-key.pem, tls.crt, tls.key.
 * On start it creates what is missing (self-managed mode) and reuses it later; it watches the folder and
 * re-reads on change (a renewal by us, by a person, or a re-mounted Secret), and checks periodically
 * whether the serving certificate is due for renewal. A bad read keeps the last good bundle.
 */
import { watch, type FSWatcher } from 'node:fs';
import { ensureCertificates } from './ensure-certs.js';
import { readFolder } from './files-layout.js';
import { inspectCert, keyMatchesCert } from './inspect.js';
import type { CertBundle, CertHealth, CertSource } from './types.js';

export interface FilesCertSourceOptions {
  dir: string;
  /** Extra SANs for the serving certificate (DNS names or IPs), e.g. guardrail.guardrail.svc. */
  sans?: readonly string[];
  now?: () => Date;
  /** Coalesces the bursts of events one rename produces. */
  debounceMs?: number;
  /** How often to re-read and check for renewal even without a file event (fs.watch can miss events). */
  checkIntervalMs?: number;
  onEvent?: (event: { type: 'loaded' | 'renewed' | 'error'; message: string }) => void;
}

export function createFilesCertSource(opts: FilesCertSourceOptions): CertSource {
  const now = opts.now ?? (() => new Date());
  const listeners = new Set<(b: CertBundle) => void>();
  let bundle: CertBundle | undefined;
  let notAfter: Date | undefined;
  let lastError: string | undefined;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let stopped = false;

  async function reload(): Promise<void> {
    const found = await readFolder(opts.dir);
    if (!found.cert || !found.key) return fail('tls.crt or tls.key is missing');
    if (!keyMatchesCert(found.key, found.cert)) return fail('tls.key does not match tls.crt (a renewal in progress?)');
    if (bundle && bundle.cert === found.cert && bundle.key === found.key && bundle.ca === (found.ca ?? '')) return;
    const changed = bundle !== undefined;
    bundle = { key: found.key, cert: found.cert, ca: found.ca ?? '' };
    notAfter = inspectCert(found.cert).notAfter;
    lastError = undefined;
    opts.onEvent?.({ type: changed ? 'renewed' : 'loaded', message: `serving certificate valid until ${notAfter.toISOString()}` });
    if (changed) for (const l of listeners) l(bundle);
  }

  function fail(message: string): void {
    lastError = message;
    opts.onEvent?.({ type: 'error', message });
  }

  async function check(): Promise<void> {
    try {
      await ensureCertificates(opts.dir, opts.sans ?? [], now());
      await reload();
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    }
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => void reload().catch((err: unknown) => fail(String(err))), opts.debounceMs ?? 100);
  }

  return {
    kind: 'files',
    async start() {
      await ensureCertificates(opts.dir, opts.sans ?? [], now());
      await reload();
      if (!bundle) throw new Error(`no usable certificate in ${opts.dir}: ${lastError ?? 'unknown problem'}`);
      watcher = watch(opts.dir, { persistent: false }, schedule);
      watcher.on('error', (err) => fail(`watching ${opts.dir}: ${err.message}`));
      timer = setInterval(() => void check(), opts.checkIntervalMs ?? 60 * 60 * 1000);
      timer.unref();
    },
    current() {
      if (!bundle) throw new Error('certificate source not started');
      return bundle;
    },
    healthy(): CertHealth {
      if (!bundle || !notAfter) return { healthy: false, message: 'no serving certificate loaded', ...(lastError ? { lastError } : {}) };
      const valid = now() < notAfter;
      const message = valid ? `serving certificate valid until ${notAfter.toISOString()}` : `serving certificate expired at ${notAfter.toISOString()}`;
      return { healthy: valid, message, notAfter, ...(lastError ? { lastError } : {}) };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      watcher?.close();
      clearInterval(timer);
      clearTimeout(debounce);
    },
  };
}

