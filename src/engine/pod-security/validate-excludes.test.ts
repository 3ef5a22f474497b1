/** Policy-time rules for `exclude` entries (Kyverno api/kyverno/v1 PodSecurityStandard.Validate). */
import { describe, expect, it } from 'vitest';
import { validateExcludes } from './validate-excludes.js';

const codes = (...args: Parameters<typeof validateExcludes>) => validateExcludes(...args).map((i) => `${i.path} ${i.code}`);

describe('validateExcludes', () => {
  it('container-level controls need images; pod-level ones take none', () => {
    expect(codes([{ controlName: 'Privilege Escalation' }], 'restricted', '/x')).toEqual(['/x/0/controlName PSS_EXCLUDE_IMAGES_REQUIRED']);
    expect(codes([{ controlName: 'Privilege Escalation', images: ['nginx'] }], 'restricted', '/x')).toEqual([]);
    expect(codes([{ controlName: 'Host Namespaces', images: ['nginx'] }], 'baseline', '/x')).toEqual(['/x/0/controlName PSS_EXCLUDE_IMAGES_FORBIDDEN']);
    expect(codes([{ controlName: 'Seccomp' }, { controlName: 'Seccomp', images: ['a'] }], 'restricted', '/x')).toEqual([]);
  });

  it('restrictedField and values go together', () => {
    expect(codes([{ controlName: 'Sysctls', restrictedField: 'spec.securityContext.sysctls[*].name' }], 'baseline', '/x')).toEqual(['/x/0/values PSS_EXCLUDE_VALUES_REQUIRED']);
    expect(codes([{ controlName: 'Sysctls', values: ['a'] }], 'baseline', '/x')).toEqual(['/x/0/restrictedField PSS_EXCLUDE_RESTRICTED_FIELD_REQUIRED']);
  });

  it('a baseline rule cannot exclude a restricted-only control', () => {
    expect(codes([{ controlName: 'Running as Non-root' }], 'baseline', '/x')).toEqual(['/x/0/controlName PSS_EXCLUDE_CONTROL_LEVEL']);
    expect(codes([{ controlName: 'Running as Non-root' }], 'restricted', '/x')).toEqual([]);
    expect(codes([{ controlName: 'Capabilities', images: ['a'] }], 'baseline', '/x')).toEqual([]);
  });
});
