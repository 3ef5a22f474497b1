/** Pods for the tests, built from the Kubernetes docs' examples (pod-security-standards). */
import type { Obj, PodView } from './types.js';

/** A pod that passes restricted at every version: the docs' "restricted" example. */
export function restrictedPod(): PodView {
  return {
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'nginx', image: 'nginx:1.25', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
    },
  };
}

/** restrictedPod with `patch` merged into the first container (and `spec` into the pod spec). */
export function podWith(container: Obj = {}, spec: Obj = {}, metadata: Obj = {}): PodView {
  const base = restrictedPod();
  const c = (base.spec.containers as Obj[])[0] as Obj;
  const sc = { ...(c.securityContext as Obj), ...((container.securityContext as Obj | undefined) ?? {}) };
  const merged = { ...c, ...container, securityContext: sc };
  return { metadata: { ...base.metadata, ...metadata }, spec: { ...base.spec, containers: [merged], ...spec } };
}
