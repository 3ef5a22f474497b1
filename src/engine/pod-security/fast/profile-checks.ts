/**
 * Pass predicates of the profile checks (checks/app-armor.ts, se-linux.ts, seccomp.ts). Each mirrors its
 * check's allowed condition exactly; fast/fast.test.ts holds them to it on generated pods.
 */
import { obj, str } from '../helpers.js';
import { allowedAnnotation as appArmorAnnotationOk, allowedType as appArmorTypeOk, ANNOTATION_PREFIX as APPARMOR_PREFIX } from '../checks/app-armor.js';
import { ALLOWED_TYPES as SELINUX_TYPES } from '../checks/se-linux.js';
import { ANNOTATION_CONTAINER_PREFIX, ANNOTATION_POD, validAnnotation, validType } from '../checks/seccomp.js';
import type { Obj } from '../types.js';
import { everyContainer, isWindows, sc, type Passes } from './walk.js';

const appArmorOk = (o: Obj): boolean => {
  const profile = obj(sc(o)?.appArmorProfile);
  return !profile || appArmorTypeOk(str(profile.type));
};
export const appArmorProfileV1Dot0: Passes = (spec, metadata) => {
  if (!appArmorOk(spec) || !everyContainer(spec, appArmorOk)) return false;
  const annotations = obj(metadata.annotations);
  if (!annotations) return true;
  for (const key in annotations) {
    if (Object.hasOwn(annotations, key) && key.startsWith(APPARMOR_PREFIX) && !appArmorAnnotationOk(str(annotations[key]))) return false;
  }
  return true;
};

const seLinuxOk = (o: Obj): boolean => {
  const options = obj(sc(o)?.seLinuxOptions);
  return !options || (SELINUX_TYPES.has(str(options.type)) && str(options.user) === '' && str(options.role) === '');
};
export const seLinuxOptionsV1Dot0: Passes = (spec) => seLinuxOk(spec) && everyContainer(spec, seLinuxOk);

/** Seccomp 1.0 read annotations: the pod's, and each container's by name. */
export const seccompBaselineV1Dot0: Passes = (spec, metadata) => {
  const annotations = obj(metadata.annotations);
  if (!annotations) return true;
  const podValue = annotations[ANNOTATION_POD];
  if (typeof podValue === 'string' && !validAnnotation(podValue)) return false;
  for (const key in annotations) {
    if (!Object.hasOwn(annotations, key) || !key.startsWith(ANNOTATION_CONTAINER_PREFIX)) continue;
    const value = annotations[key];
    if (typeof value !== 'string' || validAnnotation(value)) continue;
    // Only a container of that name makes the check read the annotation.
    if (!everyContainer(spec, (c) => ANNOTATION_CONTAINER_PREFIX + str(c.name) !== key)) return false;
  }
  return true;
};

const seccompUnsetOrValid = (o: Obj): boolean => {
  const profile = obj(sc(o)?.seccompProfile);
  return !profile || validType(str(profile.type));
};
const seccompSetAndValid = (o: Obj): boolean => {
  const profile = obj(sc(o)?.seccompProfile);
  return !!profile && validType(str(profile.type));
};
export const seccompBaselineV1Dot19: Passes = (spec) => seccompUnsetOrValid(spec) && everyContainer(spec, seccompUnsetOrValid);
/** Restricted also needs a profile on the pod or on every container. */
export const seccompRestrictedV1Dot19: Passes = (spec) => {
  const podProfile = obj(sc(spec)?.seccompProfile);
  if (podProfile && !validType(str(podProfile.type))) return false;
  return everyContainer(spec, podProfile ? seccompUnsetOrValid : seccompSetAndValid);
};
export const seccompRestrictedV1Dot25: Passes = (spec, metadata) => isWindows(spec) || seccompRestrictedV1Dot19(spec, metadata);
