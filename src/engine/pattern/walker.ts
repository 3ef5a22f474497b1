/**
 * The pattern walker (pkg/engine/validate/validate.go validateResourceElement and friends): recursion over
 * pattern and resource together, one walker per validation because it records which tracked anchors the
 * resource lacked (anchormap.go). Anchor keys are handed to the anchor handler table.
 */
import {
  anchorHandlers,
  childPointer,
  combinedSkipError,
  goFormat,
  goTypeName,
  isJsonMap,
  isSkipError,
  kyvernoPath,
  plainError,
  type HandlerContext,
  type HandlerInput,
  type JsonMap,
  type PatternError,
} from '../anchors/index.js';

import { checkValue } from './check-value.js';
import { compileMap, type CompiledMap, type PatternEntry } from './compile-map.js';
import { expandMetadata } from './metadata-wildcards.js';

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export class PatternWalker implements HandlerContext {
  /** Raw anchor key -> whether any resource map visited so far had it (undefined until one is visited). */
  private anchorSeen: Map<string, boolean> | undefined;

  /** anchormap.go KeysAreMissing: a condition/existence anchor key never found in the resource. */
  keysAreMissing(): boolean {
    if (this.anchorSeen === undefined) return false;
    for (const seen of this.anchorSeen.values()) if (!seen) return true;
    return false;
  }

  validate(resource: unknown, pattern: unknown, pointer: string): PatternError | undefined {
    if (isJsonMap(pattern)) {
      if (!isJsonMap(resource)) {
        const types = `Expected ${goTypeName(pattern, true)}, found ${goTypeName(resource)}`;
        return plainError(`pattern and resource have different structures. Path: ${kyvernoPath(pointer)}. ${types}`, pointer);
      }
      const compiled = compileMap(pattern);
      this.track(compiled, resource);
      return this.validateMap(resource, pattern, compiled, pointer);
    }
    if (Array.isArray(pattern)) {
      if (!Array.isArray(resource)) {
        const msg = `validation rule failed at path ${kyvernoPath(pointer)}, resource does not satisfy the expected overlay pattern`;
        return plainError(msg, pointer);
      }
      return this.validateArray(resource, pattern, pointer);
    }
    if (isScalar(pattern)) {
      // A scalar pattern against a list applies to every element (validate.go, elementary values).
      const ok = Array.isArray(resource) ? resource.every((el) => checkValue(el, pattern)) : checkValue(resource, pattern);
      if (ok) return undefined;
      const msg = `resource value '${goFormat(resource)}' does not match '${goFormat(pattern, true)}' at path ${kyvernoPath(pointer)}`;
      return plainError(msg, pointer);
    }
    return plainError(`failed at '${kyvernoPath(pointer)}', pattern contains unknown type`, pointer);
  }

  /** The default handler (handlers.go defaultHandler), also used for `+()` keys, looked up literally. */
  plainKey(input: HandlerInput): PatternError | undefined {
    return this.plain(input.rawKey, input.pattern, input.resourceMap, input.pointer);
  }

  private plain(rawKey: string, pattern: unknown, resourceMap: JsonMap, pointer: string): PatternError | undefined {
    const value = Object.hasOwn(resourceMap, rawKey) ? resourceMap[rawKey] : undefined;
    if (pattern === '*') {
      // "*" asks for presence: any non-null value passes; the failure points at the parent map.
      if (value !== undefined && value !== null) return undefined;
      return plainError(`${kyvernoPath(pointer)}/${rawKey} not found`, pointer);
    }
    return this.validate(value, pattern, childPointer(pointer, rawKey));
  }

  private track(compiled: CompiledMap, resource: JsonMap): void {
    if (compiled.tracked.length === 0) return;
    this.anchorSeen ??= new Map();
    for (const e of compiled.tracked) {
      if (this.anchorSeen.get(e.rawKey) === true) continue;
      this.anchorSeen.set(e.rawKey, Object.hasOwn(resource, e.parsed.key));
    }
  }

  private validateMap(resource: JsonMap, pattern: JsonMap, compiled: CompiledMap, pointer: string): PatternError | undefined {
    if (compiled.wildcardMetadata !== undefined) {
      const expanded = expandMetadata(pattern, compiled.wildcardMetadata, resource);
      if (expanded !== pattern) compiled = compileMap(expanded);
    }
    return this.entries(compiled.anchors, resource, pointer) ?? this.entries(compiled.rest, resource, pointer);
  }

  private entries(list: PatternEntry[], resourceMap: JsonMap, pointer: string): PatternError | undefined {
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as PatternEntry;
      const type = e.parsed.type;
      const err =
        type === undefined
          ? this.plain(e.rawKey, e.value, resourceMap, pointer)
          : anchorHandlers[type]({ rawKey: e.rawKey, key: e.parsed.key, pattern: e.value, resourceMap, pointer }, this);
      if (err !== undefined) return err;
    }
    return undefined;
  }

  private validateArray(resource: unknown[], pattern: unknown[], pointer: string): PatternError | undefined {
    if (pattern.length === 0) return plainError('pattern Array empty', pointer);
    const first = pattern[0];
    // One map applies to every element; one scalar is compared with every element; other elements ignored.
    if (isJsonMap(first)) return this.eachElement(resource, () => first, resource.length, pointer);
    if (isScalar(first)) return this.validate(resource, first, pointer);
    if (resource.length < pattern.length) {
      const msg = `validate Array failed, array length mismatch, resource Array len is ${resource.length} and pattern Array len is ${pattern.length}`;
      return plainError(msg, null);
    }
    return this.eachElement(resource, (i) => pattern[i], pattern.length, pointer);
  }

  /** Elements whose conditions do not hold are skipped; the list is skipped only if all were. */
  private eachElement(resource: unknown[], patternAt: (i: number) => unknown, count: number, pointer: string): PatternError | undefined {
    let applied = 0;
    let skipped: PatternError[] | undefined;
    for (let i = 0; i < count; i++) {
      const err = this.validate(resource[i], patternAt(i), childPointer(pointer, i));
      if (err === undefined) applied++;
      else if (isSkipError(err)) (skipped ??= []).push(err);
      else return err;
    }
    return applied === 0 && skipped !== undefined ? combinedSkipError(skipped, pointer) : undefined;
  }
}
