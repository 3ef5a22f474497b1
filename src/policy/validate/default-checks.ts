import { validateConditionsSyntax } from '../../engine/conditions/index.js';
import { validatePatternSyntax } from '../../engine/pattern/index.js';
import { compileJmesPath } from '../../engine/variables/index.js';
import type { PolicyChecks } from './checks.js';

/** The engine's own parsers and syntax checks: a policy is validated by the code that will run it. */
export const defaultChecks: PolicyChecks = {
  jmespath: compileJmesPath,
  pattern: validatePatternSyntax,
  conditions: validateConditionsSyntax,
};
