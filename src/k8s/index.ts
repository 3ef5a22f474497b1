/** Cluster mode: the only importer of @kubernetes/client-node. */
export { startClusterServer, type ClusterServeOptions, type RunningClusterServer } from './serve-cluster.js';
export { startClusterMode, serviceSans, CERT_MODES, type CertMode, type ClusterMode, type ClusterModeOptions } from './cluster-mode.js';
export { createKubeClient, KubeApiError, isConflict, isNotFound, type KubeClient, type KubeClientOptions, type RequestOpts } from './client/kube-client.js';
export { applyObject, FIELD_MANAGER } from './client/apply.js';
export { resourcePath, splitApiVersion, type ResourceRef } from './client/paths.js';
export { listApiResources, discoverAll, type ApiResource } from './client/discovery.js';
export { createWatchedCollection, type WatchedCollection, type WatchedCollectionOptions } from './informers/watched-collection.js';
export { createClusterPolicySource, type ClusterPolicySource, type ClusterPolicySourceOptions } from './policy-source/cluster-policy-source.js';
export { POLICY_KINDS, type WatchedKind } from './policy-source/policy-kinds.js';
export { createNamespaceLabels, withNamespaceLabels, type NamespaceLabels, type NamespaceLabelLookup } from './namespaces/namespace-labels.js';
export { createClusterLookups, LOOKUP_TTL_MS, LOOKUP_TIMEOUT_MS, type ClusterLookups, type ClusterLookupOptions } from './lookups/cluster-lookups.js';
export { createTtlCache, type TtlCache, type TtlCacheOptions } from './lookups/ttl-cache.js';
export {
  buildWebhookConfigs,
  admissionRules,
  DEFAULT_OPERATIONS,
  EXCLUDED_NAMESPACES,
  NAMESPACE_NAME_LABEL,
  WEBHOOK_DOMAIN,
  type WebhookBuildOptions,
  type WebhookConfigs,
  type WebhookTarget,
} from './webhooks/build-webhook-configs.js';
export { needsOfPolicySet, type PolicyNeeds, type KindNeed, type ResourceRuleNeed, type FailurePolicy } from './webhooks/policy-needs.js';
export { BUILTIN_KINDS, guessResource, type KindResource } from './webhooks/builtin-kinds.js';
export { createWebhookManager, type WebhookManager, type WebhookManagerOptions } from './webhooks/webhook-manager.js';
export { createClusterReportSink } from './reports/cluster-report-sink.js';
export { createSecretStore } from './secrets/secret-store.js';
export { createResourceLister } from './scan/resource-lister.js';
export { REPORT_DROPPED_METRIC } from './report-metrics.js';
export { createLeaderElector, type LeaderElector, type LeaderElectionOptions } from './leases/leader-election.js';
