/**
 * The pod inside a resource (Kyverno validate_pss.go getSpec): a Pod itself, the pod template of
 * DaemonSet, Deployment, Job, StatefulSet, ReplicaSet and ReplicationController, and the job template's
 * pod template of a CronJob. Kyverno reads a CronJob's metadata from spec.jobTemplate.metadata; the pod
 * template's metadata is read here instead, since that is where a pod's annotations (AppArmor, seccomp)
 * are written and what the created pods carry.
 */
import { obj } from './helpers.js';
import { TEMPLATE_KINDS } from './format.js';
import type { Obj, PodView } from './types.js';

const view = (holder: Obj | undefined): PodView => ({ metadata: obj(holder?.metadata) ?? {}, spec: obj(holder?.spec) ?? {} });

export function podFromResource(resource: Obj): PodView | undefined {
  const kind = resource.kind;
  if (kind === 'Pod') return view(resource);
  if (typeof kind === 'string' && TEMPLATE_KINDS.has(kind)) return view(obj(obj(resource.spec)?.template));
  if (kind === 'CronJob') return view(obj(obj(obj(obj(resource.spec)?.jobTemplate)?.spec)?.template));
  return undefined;
}
