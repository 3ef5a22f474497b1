import type { Issue } from '../../engine/result.js';
import type { IssueCode } from '../issue-codes.js';

export function issue(code: IssueCode, path: string, message: string, severity: Issue['severity'] = 'error'): Issue {
  return { code, message, path, severity };
}
