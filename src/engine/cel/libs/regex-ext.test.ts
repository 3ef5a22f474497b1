import { describe, expect, it } from 'vitest';
import { celFailure, celRun } from '../test-helpers.js';

// Examples from cel-go ext/regex.go's documentation and tests (ext.Regex): replacements use \1
// for groups and \\ for a backslash; Go's FindAll skips an empty match next to the previous one.
describe('regex extension (cel-go ext.Regex)', () => {
  it.each([
    [String.raw`regex.replace('hello world hello', 'hello', 'hi')`, 'hi world hi'],
    [String.raw`regex.replace('banana', 'a', 'x', 0)`, 'banana'],
    [String.raw`regex.replace('banana', 'a', 'x', 1)`, 'bxnana'],
    [String.raw`regex.replace('banana', 'a', 'x', 2)`, 'bxnxna'],
    [String.raw`regex.replace('banana', 'a', 'x', -12)`, 'bxnxnx'],
    [String.raw`regex.replace('foo bar', '(fo)o (ba)r', r'\2 \1')`, 'ba fo'],
    [String.raw`regex.replace('test', '(.)', r'\\\1')`, '\\t\\e\\s\\t'],
    [String.raw`regex.replace('docker.io/nginx', '^docker\\.io/(.*)', r'myregistry.io/\1')`, 'myregistry.io/nginx'],
    [String.raw`regex.replace('ghcr.io/app', '^docker\\.io/(.*)', r'myregistry.io/\1')`, 'ghcr.io/app'],
    [String.raw`regex.replace('abc', 'b*', 'x')`, 'xaxcx'],
    [String.raw`regex.replace('a b', '\\s', '_')`, 'a_b'],
    [String.raw`regex.extract('hello world', 'hello (.*)').value()`, 'world'],
    [String.raw`regex.extract('item-A, item-B', 'item-\\w+').value()`, 'item-A'],
    [String.raw`regex.extract('HELLO', 'hello').hasValue()`, false],
    [String.raw`regex.extract('abc', 'a(x)?').hasValue()`, false],
    [String.raw`regex.extractAll('id:123, id:456', 'id:\\d+')`, ['id:123', 'id:456']],
    [String.raw`regex.extractAll('id:123, id:456', 'id:(\\d+)')`, ['123', '456']],
    [String.raw`regex.extractAll('testuser@testdomain', '(?P<username>.*)@')`, ['testuser']],
    [String.raw`regex.extractAll('nothing', '\\d')`, []],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));

  it.each([
    [String.raw`regex.replace('test', 't', '\\')`, 'a trailing backslash'],
    [String.raw`regex.replace('test', 't', r'\a')`, 'a backslash before a non-digit'],
    [String.raw`regex.replace('test', '(t)', r'\2')`, 'a group the pattern lacks'],
    [String.raw`regex.extract('ab', '(a)(b)')`, 'more than one capturing group'],
    [String.raw`regex.extractAll('ab', '(a)(b)')`, 'more than one capturing group (extractAll)'],
    [String.raw`regex.replace('a', x, 'b')`, 'a pattern RE2 rejects (lookahead)'],
  ])('%s fails at run time: %s', (expr) => expect(celFailure(expr, { x: 'a(?=b)' })).toBe('CEL_EVAL'));
});
