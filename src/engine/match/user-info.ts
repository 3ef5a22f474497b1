/**
 * userInfo filters: roles, clusterRoles and subjects (Kyverno pkg/utils/match/subjects.go). Each field that is
 * set must match; inside a field any entry suffices. Roles compare exactly with the roles bound to the user
 * (`namespace:role` as the caller resolves them); subject names support wildcards. A ServiceAccount subject is
 * the username `system:serviceaccount:<namespace>:<name>`
 * (https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/).
 */
import type { Subject, UserInfo } from '../policy-types.js';
import type { RequestUserInfo } from '../request.js';
import { wildcardMatch } from '../values/index.js';
import type { MatchSubject } from './subject.js';

export function isUserInfoEmpty(u: UserInfo): boolean {
  return !u.roles?.length && !u.clusterRoles?.length && !u.subjects?.length;
}

/** True when one of the subjects names the requesting user, one of its groups or its service account. */
export function matchSubjects(subjects: readonly Subject[], user: RequestUserInfo): boolean {
  const username = user.username ?? '';
  for (const subject of subjects) {
    switch (subject.kind) {
      case 'ServiceAccount':
        if (wildcardMatch(`system:serviceaccount:${subject.namespace ?? ''}:${subject.name}`, username)) return true;
        break;
      case 'Group':
        if ((user.groups ?? []).some((g) => wildcardMatch(subject.name, g))) return true;
        break;
      case 'User':
        if (wildcardMatch(subject.name, username)) return true;
        break;
    }
  }
  return false;
}

const overlaps = (wanted: readonly string[], actual: readonly string[]): boolean => actual.some((a) => wanted.includes(a));

export function compileUserInfo(u: UserInfo): (s: MatchSubject) => string | undefined {
  const { roles, clusterRoles, subjects } = u;
  if (isUserInfoEmpty(u)) return () => undefined;
  return (s) => {
    if (roles?.length && !overlaps(roles, s.roles)) return 'user info does not match roles';
    if (clusterRoles?.length && !overlaps(clusterRoles, s.clusterRoles)) return 'user info does not match cluster roles';
    if (subjects?.length && !matchSubjects(subjects, s.userInfo)) return 'user info does not match subjects';
    return undefined;
  };
}
