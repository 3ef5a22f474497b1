/**
 * When the backup Lease holder probes the LocationProfiles (profile-status.ts): on taking the Lease, when a
 * profile's spec changes (not when our own status write comes back through the informer), and hourly,
 * since a bucket's lock settings can change under us. One probe pass at a time.
 */
import type { BackupEngine } from '../../backup/engine/index.js';
import type { Logger } from '../../observability/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { probeProfiles } from './profile-status.js';

export const PROBE_INTERVAL_MS = 3600_000;

export interface ProfileProber {
  /** Probe now if leading and a profile's spec changed since the last pass. */
  poke(): void;
  stop(): void;
}

export function createProfileProber(o: { client: KubeClient; engine: BackupEngine; isLeader: () => boolean; log: Logger }): ProfileProber {
  let probed = '';
  let probing = false;
  const poke = (): void => {
    if (!o.isLeader() || probing) return;
    probing = true;
    void (async () => {
      const key = (await o.engine.config()).profiles.map((p) => `${p.metadata.namespace ?? ''}/${p.metadata.name}:${JSON.stringify(p.spec)}`).join(',');
      if (key === probed) return;
      const results = await probeProfiles(o.client, o.engine);
      probed = key;
      if (results.length) o.log.info({ profiles: results.map((r) => `${r.profile}=${r.immutability}`) }, 'LocationProfiles probed');
    })()
      .catch((err: unknown) => o.log.warn({ err: String(err) }, 'probing LocationProfiles failed'))
      .finally(() => (probing = false));
  };
  const timer = setInterval(() => {
    probed = '';
    poke();
  }, PROBE_INTERVAL_MS);
  timer.unref();
  return { poke, stop: () => clearInterval(timer) };
}
