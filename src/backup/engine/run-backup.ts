/**
 * One backup run of one app: capture between its hooks -> working repository -> exports to the policy's
 * LocationProfiles -> one RestorePoint file -> retention. The RestorePoint is written once, at the end:
 * Complete, or Failed with the reason (and no snapshot left behind), never a half-made Complete one.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exportActions, findProfile, type BackupPolicy, type ItemOutcome, type LocationProfile, type RestorePoint } from '../api/index.js';
import { captureApp, type VolumeCapture } from '../capture/index.js';
import { withHooks, type HookOutcome } from '../hooks/index.js';
import type { RegisteredApp } from './app-registry.js';
import type { LocalConfig } from './local-config.js';
import { buildRestorePoint, restorePointName } from './restore-point-build.js';
import { applyRetention } from './retention-run.js';
import { locationOf, openOrInit, protectionMsOf, type RepoAccess } from './repositories.js';
import type { RestorePointStore } from './restore-point-store.js';
import type { StatePaths } from './state-paths.js';
import { relatedObjectSource, type ObjectSource } from './sources.js';

export interface RunDeps {
  readonly config: LocalConfig;
  readonly paths: StatePaths;
  readonly store: RestorePointStore;
  readonly access: RepoAccess;
  /** Access to a profile's repository (its credentials); default `access`. */
  readonly accessFor?: (profile: LocationProfile) => Promise<RepoAccess>;
  /** Which objects make up the app; default the workload and its related objects from the config folder. */
  readonly objects?: ObjectSource;
  readonly volumes: VolumeCapture;
  readonly now: () => number;
  readonly signal?: AbortSignal;
}

export interface RunResult {
  readonly restorePoint: RestorePoint;
  readonly ok: boolean;
  readonly hooks: HookOutcome[];
  readonly forgotten: string[];
}

const hookItems = (outcomes: readonly HookOutcome[]): ItemOutcome[] =>
  outcomes.map((o) => ({ kind: o.file ? 'Dump' : 'Hook', name: o.file ?? `${o.phase}:${o.hook}`, outcome: o.ok ? 'Succeeded' : 'Failed', message: o.message }));

export async function runBackup(app: RegisteredApp, deps: RunDeps): Promise<RunResult> {
  const time = deps.now();
  const name = restorePointName(app, time);
  const policy = deps.config.policies.find((p) => p.metadata.name === app.policy);
  const fail = async (message: string, items: ItemOutcome[], hooks: HookOutcome[] = []): Promise<RunResult> => {
    const rp = buildRestorePoint({ app, name, time, state: 'Failed', items, message });
    await deps.store.put(rp);
    return { restorePoint: rp, ok: false, hooks, forgotten: [] };
  };
  if (!policy) return fail(`backup policy ${app.policy} does not exist; existing policies: ${deps.config.policies.map((p) => p.metadata.name).join(', ') || 'none'}`, []);
  await mkdir(deps.paths.tmp, { recursive: true });
  const staging = await mkdtemp(join(deps.paths.tmp, `${app.name}-`));
  const content = join(staging, 'content');
  try {
    const plan = { pre: (policy.spec.hooks?.preBackup ?? []).map((h) => h.name), post: (policy.spec.hooks?.postBackup ?? []).map((h) => h.name) };
    await mkdir(join(content, 'dumps'), { recursive: true });
    const run = await withHooks({ hooks: deps.config.hooks, plan, dumpDir: join(content, 'dumps'), ...(deps.signal ? { signal: deps.signal } : {}) }, async () =>
      captureApp({ workload: app.manifest, candidates: [], objects: await (deps.objects ?? relatedObjectSource).objectsOf(app, deps.config), volumes: deps.volumes, stagingDir: content }),
    );
    const items = [...(run.value?.items ?? []), ...hookItems(run.outcomes)];
    if (run.error || !run.value) return await fail(run.error ?? 'capture failed', items, run.outcomes);
    const stored = await storeSnapshots(app, policy, name, content, deps);
    if ('error' in stored) return await fail(stored.error, items, run.outcomes);
    const consistency = plan.pre.length > 0 ? 'application' : 'crash';
    const firstExport = exportActions(policy)[0]?.action.exportParameters.profile.name;
    let rp = buildRestorePoint({ app, name, time, state: 'Complete', items, consistency, snapshotId: stored.snapshot, exports: stored.exports, retainUntil: time + stored.protectionMs, ...(firstExport ? { profile: firstExport } : {}) });
    const retention = await applyRetention(app, policy, rp, deps);
    rp = { ...rp, spec: { ...rp.spec, retentionTags: retention.tags } };
    await deps.store.put(rp);
    return { restorePoint: rp, ok: true, hooks: run.outcomes, forgotten: retention.forgotten };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

type Stored = { snapshot: string; exports: Record<string, string>; protectionMs: number } | { error: string };

/** The backup action, then every export; an export that fails forgets the snapshots already made. */
async function storeSnapshots(app: RegisteredApp, policy: BackupPolicy, name: string, content: string, deps: RunDeps): Promise<Stored> {
  const tags = [`app=${app.namespace}/${app.name}`, `policy=${policy.metadata.name}`, `restorepoint=${name}`];
  const made: { repo: Awaited<ReturnType<typeof openOrInit>>; id: string }[] = [];
  const exports: Record<string, string> = {};
  let protectionMs = 0;
  try {
    // The working copy carries no lock: retention must be able to forget it (the export is the protected copy).
    const local = await openOrInit(deps.paths.repository, deps.access, { protectionMs: 0 });
    made.push({ repo: local, id: (await local.backup([content], { tags })).snapshot });
    for (const { action } of exportActions(policy)) {
      const ref = action.exportParameters.profile;
      const profile = findProfile(deps.config.profiles, ref, policy.metadata.namespace);
      if (!profile) throw new Error(`export: LocationProfile ${ref.name} does not exist`);
      const location = locationOf(profile);
      const access = deps.accessFor ? await deps.accessFor(profile) : deps.access;
      const repo = await openOrInit(location, access, { protectionMs: protectionMsOf(profile), ...(profile.spec.lockMode ? { lockMode: profile.spec.lockMode } : {}) }).catch((err: unknown) => {
        throw new Error(`export to LocationProfile ${ref.name} (${location}): ${err instanceof Error ? err.message : String(err)}`);
      });
      const id = (await repo.backup([content], { tags })).snapshot;
      made.push({ repo, id });
      exports[ref.name] = id;
      protectionMs = Math.max(protectionMs, repo.config.protectionMs);
    }
    return { snapshot: made[0]?.id ?? '', exports, protectionMs };
  } catch (err) {
    // Roll back what this run made, where retention allows it (a locked export stays; it is still valid data).
    for (const m of made) await m.repo.forget({ ids: [m.id] }).catch(() => undefined);
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    for (const m of made) await m.repo.close().catch(() => undefined);
  }
}
