/**
 * The ReportSink for the cluster. `update` is a read-modify-write with optimistic concurrency: GET the
 * report, merge, then PUT with its resourceVersion (or POST when absent); a 409 Conflict (another replica
 * wrote in between) re-reads and merges again. `write` server-side applies a whole report.
 */
import { buildPolicyReport, type PolicyReport, type PolicyReportResult, type ReportSink } from '../../report/policy-report/index.js';
import { applyObject } from '../client/apply.js';
import { isConflict, isNotFound, type KubeClient } from '../client/kube-client.js';
import { resourcePath } from '../client/paths.js';

const MAX_ATTEMPTS = 5;

export function createClusterReportSink(client: KubeClient, timeoutMs = 5000): ReportSink {
  const resourceOf = (kind: PolicyReport['kind']): string => (kind === 'PolicyReport' ? 'policyreports' : 'clusterpolicyreports');
  return {
    async write(report) {
      await applyObject(client, resourceOf(report.kind), report, timeoutMs);
    },
    async update(namespace, change) {
      const empty = buildPolicyReport(namespace, []);
      const ref = { group: 'wgpolicyk8s.io', version: 'v1alpha2', resource: resourceOf(empty.kind) };
      for (let attempt = 1; ; attempt++) {
        let stored: { metadata?: { resourceVersion?: string }; results?: PolicyReportResult[] } | undefined;
        try {
          stored = await client.request('GET', resourcePath(ref, namespace, empty.metadata.name), { timeoutMs });
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
        const next = buildPolicyReport(namespace, change(stored ? (stored.results ?? []) : undefined));
        try {
          if (stored?.metadata?.resourceVersion) {
            const body = { ...next, metadata: { ...next.metadata, resourceVersion: stored.metadata.resourceVersion } };
            await client.request('PUT', resourcePath(ref, namespace, next.metadata.name), { body, timeoutMs });
          } else await client.request('POST', resourcePath(ref, namespace), { body: next, timeoutMs });
          return;
        } catch (err) {
          // 409: someone else wrote (PUT) or created (POST) first; read their version and merge again.
          if (!isConflict(err) || attempt >= MAX_ATTEMPTS) throw err;
        }
      }
    },
  };
}
