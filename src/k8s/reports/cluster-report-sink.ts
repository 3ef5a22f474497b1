/** The ReportSink that server-side applies PolicyReports/ClusterPolicyReports into the cluster. */
import type { PolicyReport, ReportSink } from '../../report/policy-report/index.js';
import { applyObject } from '../client/apply.js';
import type { KubeClient } from '../client/kube-client.js';

export function createClusterReportSink(client: KubeClient, timeoutMs = 5000): ReportSink {
  return {
    async write(report: PolicyReport) {
      const resource = report.kind === 'PolicyReport' ? 'policyreports' : 'clusterpolicyreports';
      await applyObject(client, resource, report, timeoutMs);
    },
  };
}
