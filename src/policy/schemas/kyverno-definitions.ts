/** The shared parts of the Kyverno schemas, referenced as `#/definitions/<name>` (see `ref`). */
import type { JsonSchema } from './common.js';
import { contextDefinitions } from './kyverno-context.js';
import { matchDefinitions } from './kyverno-match.js';
import { mutateGenerateDefinitions } from './kyverno-mutate-generate.js';
import { rule } from './kyverno-rule.js';
import { validateDefinitions } from './kyverno-validate.js';

export const KYVERNO_DEFINITIONS: Record<string, JsonSchema> = {
  ...matchDefinitions,
  ...contextDefinitions,
  ...validateDefinitions,
  ...mutateGenerateDefinitions,
  rule,
};
