/**
 * restrictedVolumes (restricted, 1.0): inline volumes only of the types configMap, csi, downwardAPI,
 * emptyDir, ephemeral, persistentVolumeClaim, projected and secret (check_restrictedVolumes.go).
 */
import { allowed, denied, forbidden, isSet, joinQuote, list, obj, pluralize, sortedSet, str, Violations } from '../helpers.js';
import type { Check, CheckResult, PodView } from '../types.js';

export const ALLOWED = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** In the order upstream's switch tests them; a volume of any other type is reported as "unknown". */
const RESTRICTED = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd',
  'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

function restrictedVolumesV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  const types: string[] = [];
  list(pod.spec.volumes).forEach((v, i) => {
    const volume = obj(v) ?? {};
    if (ALLOWED.some((t) => isSet(volume[t]))) return;
    const type = RESTRICTED.find((t) => isSet(volume[t])) ?? 'unknown';
    types.push(type);
    bad.add(str(volume.name), forbidden(`spec.volumes[${i}].${type}`));
  });
  if (bad.empty) return allowed;
  const typeList = sortedSet(types);
  const detail = [
    pluralize('volume', 'volumes', bad.len),
    joinQuote(bad.data),
    pluralize('uses', 'use', bad.len),
    pluralize('restricted volume type', 'restricted volume types', typeList.length),
    joinQuote(typeList),
  ].join(' ');
  return denied('restricted volume types', detail, bad.errs);
}

export const restrictedVolumes: Check = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [{ minimumMinor: 0, check: restrictedVolumesV1Dot0 }],
};
