/** Test fixtures: a config folder with one policy exporting to a filesystem profile, and one registered app. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { RegisteredApp } from './app-registry.js';

export interface Fixture {
  root: string;
  configDir: string;
  stateDir: string;
  volumesRoot: string;
  exportDir: string;
}

export function policyDoc(name: string, extra: Record<string, unknown> = {}, exportProfile = 'vault'): Record<string, unknown> {
  return {
    apiVersion: 'backup.guardrail.dev/v1alpha1',
    kind: 'BackupPolicy',
    metadata: { name, namespace: 'guardrail' },
    spec: { frequency: '@hourly', retention: { hourly: 2, daily: 7 }, selector: {}, actions: [{ action: 'backup' }, { action: 'export', exportParameters: { profile: { name: exportProfile } } }], ...extra },
  };
}

export async function makeFixture(opts: { policies?: Record<string, unknown>[]; hooks?: Record<string, unknown>; exportPath?: string } = {}): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'engine-'));
  const f: Fixture = { root, configDir: join(root, 'config'), stateDir: join(root, 'state'), volumesRoot: join(root, 'volumes'), exportDir: opts.exportPath ?? join(root, 'export') };
  await mkdir(f.configDir, { recursive: true });
  const profile = { apiVersion: 'backup.guardrail.dev/v1alpha1', kind: 'LocationProfile', metadata: { name: 'vault', namespace: 'guardrail' }, spec: { location: { filesystem: { path: f.exportDir } }, protectionPeriod: '48h' } };
  const docs = [...(opts.policies ?? [policyDoc('gold')]), profile];
  await writeFile(join(f.configDir, 'config.yaml'), docs.map((d) => stringify(d)).join('---\n'));
  if (opts.hooks) await writeFile(join(f.configDir, 'hooks.yaml'), stringify({ hooks: opts.hooks }));
  await mkdir(join(f.volumesRoot, 'shop/web/data'), { recursive: true });
  await writeFile(join(f.volumesRoot, 'shop/web/data/blob.bin'), 'volume bytes');
  return f;
}

export const webApp = (policy = 'gold'): RegisteredApp => ({
  namespace: 'shop',
  name: 'web',
  kind: 'Deployment',
  policy,
  admittedAt: '2026-03-29T10:00:00Z',
  manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', labels: { dataprotection: `k10-${policy}` }, uid: 'x' }, spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } },
});

export const TEST_ENV = { GUARDRAIL_REPO_PASSWORD: 'test-password' };
