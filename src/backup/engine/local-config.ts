/**
 * Local mode configuration folder (`--backup-config DIR`):
 *   *.yaml|*.yml|*.json  BackupPolicy and LocationProfile objects (src/backup/config, validated)
 *   hooks.yaml           hook commands named by policies' spec.hooks (src/backup/hooks)
 *   manifests/           the apps' other objects (ConfigMaps, Secrets, PVCs, Services) for capture
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupPolicy, LocationProfile } from '../api/index.js';
import { loadManifests, type KubeObject } from '../capture/index.js';
import { loadBackupConfig } from '../config/index.js';
import { loadHooks, type HookSpec } from '../hooks/index.js';
import type { Issue } from '../../engine/result.js';
import { formatIssue } from '../../engine/index.js';

export interface LocalConfig {
  readonly dir: string;
  readonly policies: BackupPolicy[];
  readonly profiles: LocationProfile[];
  readonly hooks: Record<string, HookSpec>;
  readonly manifests: KubeObject[];
  /** Errors only (warnings dropped); a config with errors must not drive backups. */
  readonly errors: Issue[];
}

export async function loadLocalConfig(dir: string): Promise<LocalConfig> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return { dir, policies: [], profiles: [], hooks: {}, manifests: [], errors: [{ code: 'CONFIG_NOT_FOUND', path: '', message: `backup config folder ${dir} does not exist`, severity: 'error' }] };
  const files = entries.filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name) && e.name !== 'hooks.yaml').map((e) => join(dir, e.name));
  const config = files.length ? await loadBackupConfig(files) : { policies: [], profiles: [], restorePoints: [], issues: [] };
  const hooks = await loadHooks(dir);
  const errors = config.issues.filter((i) => i.severity !== 'warning');
  if (hooks.error) errors.push({ code: 'BAD_HOOKS', path: '', message: hooks.error, severity: 'error' });
  return { dir, policies: config.policies, profiles: config.profiles, hooks: hooks.hooks, manifests: await loadManifests(join(dir, 'manifests')), errors };
}

export const formatErrors = (errors: readonly Issue[]): string => errors.map(formatIssue).join('\n');
