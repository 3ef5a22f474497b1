/**
 * LocationProfile status in cluster mode: immutability measured by probing the location (src/backup/storage
 * probeImmutability: a locked probe object whose versioned delete must be refused), never assumed from the
 * spec, written through the status subresource so `kubectl get locationprofiles` shows it. Only the backup
 * Lease holder probes: one probe object per change, not one per replica.
 */
import type { LocationProfile } from '../../backup/api/index.js';
import { locationOf, type BackupEngine } from '../../backup/engine/index.js';
import { openStorage } from '../../backup/storage/index.js';
import type { KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';
import { BACKUP_RESOURCES } from './cluster-objects.js';

export interface ProfileProbe {
  readonly profile: string;
  readonly immutability: 'enforced' | 'tamper-evident' | 'none';
  readonly detail: string;
}

async function probeOne(engine: BackupEngine, profile: LocationProfile): Promise<ProfileProbe> {
  try {
    const access = await engine.accessFor(profile);
    const r = await openStorage(locationOf(profile), access.env).probeImmutability();
    return { profile: profile.metadata.name, immutability: r.level, detail: r.detail };
  } catch (err) {
    return { profile: profile.metadata.name, immutability: 'none', detail: `probe failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Probes every valid profile and writes its status; answers what it wrote. */
export async function probeProfiles(client: KubeClient, engine: BackupEngine, now: () => number = Date.now): Promise<ProfileProbe[]> {
  const out: ProfileProbe[] = [];
  for (const profile of (await engine.config()).profiles) {
    const probe = await probeOne(engine, profile);
    const path = resourcePath(BACKUP_RESOURCES.LocationProfile, profile.metadata.namespace ?? 'default', profile.metadata.name);
    const current = await client.request<Record<string, unknown>>('GET', path);
    const status = { immutability: probe.immutability, detail: probe.detail, lastProbeTime: new Date(now()).toISOString() };
    await client.request('PUT', `${path}/status`, { body: { ...current, status } });
    out.push(probe);
  }
  return out;
}
