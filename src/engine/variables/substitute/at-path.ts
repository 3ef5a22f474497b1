/**
 * `{{@}}`: the value at the current position. Kyverno rewrites it into a path expression from the JSON
 * path of the string: skip past "foreach", skip two elements (e.g. validate.pattern), prefix with
 * `target` when the context has it, else `request.object` (vars.go substituteVariablesIfAny).
 */
function pathToJmesPath(tokens: string[]): string {
  let out = '';
  for (const t of tokens) {
    if (/^\d+$/.test(t)) out += `[${t}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t)) out += (out ? '.' : '') + t;
    else out += (out ? '.' : '') + JSON.stringify(t);
  }
  return out;
}

export function atPathExpression(kyvernoPath: string, hasTarget: boolean): string {
  let tokens = kyvernoPath.split('/').filter((t) => t !== '');
  const foreach = tokens.indexOf('foreach');
  if (foreach >= 0) tokens = tokens.slice(foreach + 1);
  tokens = tokens.slice(2);
  const prefix = hasTarget ? ['target'] : ['request', 'object'];
  return pathToJmesPath([...prefix, ...tokens]);
}
