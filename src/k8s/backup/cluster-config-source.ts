/**
 * Cluster mode's backup config: BackupPolicies and LocationProfiles from the cluster, checked as local mode
 * checks its folder (schema, semantics, profile references). An invalid object is left out and reported,
 * not allowed to stop every other policy's backups. S3 credentials come from the Secret a LocationProfile
 * names (keys aws_access_key_id/aws_secret_access_key as K10's profiles, or AWS_ACCESS_KEY_ID/...); the
 * journal trust of its repository lives in a Secret (secret-trust-store.ts).
 */
import { schemaIssues, validateBackupPolicy, validateLocationProfile, type BackupPolicy, type LocationProfile } from '../../backup/api/index.js';
import type { BackupConfigSource, LocalConfig } from '../../backup/engine/index.js';
import type { Issue } from '../../engine/result.js';
import type { KubeClient } from '../client/kube-client.js';
import type { ObjectCollection } from './cluster-objects.js';
import { createSecretTrustStore } from './secret-trust-store.js';
import { readSecret } from './secrets.js';

export interface ClusterConfigSourceOptions {
  client: KubeClient;
  policies: ObjectCollection<BackupPolicy>;
  profiles: ObjectCollection<LocationProfile>;
  /** Guardrail's namespace: trust Secrets, and profiles' Secrets named without a namespace. */
  namespace: string;
  onIssues?: (issues: Issue[]) => void;
}

/** What the schemas check: the user's fields only (the API server adds uid, managedFields, status...). */
function trim<T extends { metadata: { name: string; namespace?: string; labels?: object; annotations?: object }; spec: unknown }>(o: T): T {
  const { name, namespace, labels, annotations } = o.metadata;
  return { apiVersion: (o as { apiVersion?: string }).apiVersion, kind: (o as { kind?: string }).kind, metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) }, spec: o.spec } as unknown as T;
}

const at = (o: { metadata: { name: string; namespace?: string } }, i: Issue): Issue => ({ ...i, message: `${o.metadata.namespace ?? ''}/${o.metadata.name}: ${i.message}` });

/** Objects' identities: an unchanged cache answers without re-validating (admission asks on every request). */
const versionKey = (items: readonly { metadata: { name: string; namespace?: string; resourceVersion?: string } }[]): string =>
  items.map((x) => `${x.metadata.namespace ?? ''}/${x.metadata.name}@${x.metadata.resourceVersion ?? '?'}`).join(',');

export function createClusterConfigSource(o: ClusterConfigSourceOptions): BackupConfigSource {
  let last: { key: string; config: LocalConfig } | undefined;
  const credentialsNs = (p: LocationProfile): string => p.spec.location.s3?.credentialsSecret.namespace ?? p.metadata.namespace ?? o.namespace;
  return {
    kind: 'cluster',
    where: o.client.server,
    async load(): Promise<LocalConfig> {
      const [rawProfiles, rawPolicies] = await Promise.all([o.profiles.list(), o.policies.list()]);
      const key = `${versionKey(rawProfiles)}|${versionKey(rawPolicies)}`;
      if (last?.key === key && !key.includes('@?')) return last.config;
      const issues: Issue[] = [];
      const keep = <T extends { metadata: { name: string; namespace?: string } }>(kind: 'BackupPolicy' | 'LocationProfile', items: T[], check: (x: T) => Issue[]): T[] =>
        items.filter((x) => {
          const found = [...schemaIssues(kind, x), ...(schemaIssues(kind, x).length ? [] : check(x))].filter((i) => i.severity !== 'warning');
          issues.push(...found.map((i) => at(x, i)));
          return found.length === 0;
        });
      const profiles = keep('LocationProfile', rawProfiles.map(trim), (p) => validateLocationProfile(p, {}));
      const policies = keep('BackupPolicy', rawPolicies.map(trim), (p) => validateBackupPolicy(p, { profiles }));
      if (issues.length) o.onIssues?.(issues);
      const config: LocalConfig = { dir: o.client.server, policies, profiles, hooks: {}, manifests: [], errors: [] };
      last = { key, config };
      return config;
    },
    async storageEnv(profile) {
      const ref = profile.spec.location.s3?.credentialsSecret;
      if (!ref) return {};
      const data = await readSecret(o.client, credentialsNs(profile), ref.name);
      if (!data) throw new Error(`LocationProfile ${profile.metadata.name}: credentials Secret ${credentialsNs(profile)}/${ref.name} not found`);
      const pick = (...keys: string[]): string | undefined => keys.map((k) => data[k]).find((v) => v !== undefined);
      const id = pick('aws_access_key_id', 'AWS_ACCESS_KEY_ID', 'accessKeyId');
      const secret = pick('aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'secretAccessKey');
      const region = profile.spec.location.s3?.region;
      return { ...(id ? { AWS_ACCESS_KEY_ID: id } : {}), ...(secret ? { AWS_SECRET_ACCESS_KEY: secret } : {}), ...(region ? { AWS_REGION: region } : {}) };
    },
    trust: () => (repoId: string) => createSecretTrustStore(o.client, o.namespace, repoId),
  };
}
