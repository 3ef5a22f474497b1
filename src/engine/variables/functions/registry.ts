/**
 * Every Kyverno custom JMESPath function, one table. Kyverno registers these after the JMESPath
 * Community built-ins, so where names collide (items, replace, split, sum) Kyverno's version wins.
 * Docs are generated from this table (name, arguments, return type, note).
 */
import { arithmeticFunctions } from './arithmetic.js';
import { encodingFunctions } from './encoding.js';
import { imageFunctions } from './images.js';
import { objectFunctions } from './objects.js';
import { randomFunctions } from './random.js';
import { regexFunctions } from './regex.js';
import { semverFunctions } from './semver.js';
import { stringFunctions } from './strings.js';
import { timeFunctions } from './time.js';
import type { FunctionDef } from './types.js';
import { x509Functions } from './x509.js';

export const kyvernoFunctions = {
  ...stringFunctions,
  ...regexFunctions,
  ...arithmeticFunctions,
  ...encodingFunctions,
  ...objectFunctions,
  ...timeFunctions,
  ...semverFunctions,
  ...imageFunctions,
  ...randomFunctions,
  ...x509Functions,
} satisfies Record<string, FunctionDef>;

export type KyvernoFunctionName = keyof typeof kyvernoFunctions;

/** The registry as a list, sorted by name (for docs and `jp function`-style listings). */
export function listFunctions(): FunctionDef[] {
  return Object.values(kyvernoFunctions).sort((a, b) => a.name.localeCompare(b.name));
}
