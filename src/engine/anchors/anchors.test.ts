import { describe, expect, it } from 'vitest';
import { anchorHandlers, anchorKey, goFormat, goTypeName, kyvernoPath, parseAnchor } from './index.js';

describe('parseAnchor', () => {
  it('recognises every anchor modifier', () => {
    expect(parseAnchor('(name)')).toEqual({ type: 'condition', key: 'name' });
    expect(parseAnchor('<(image)')).toEqual({ type: 'global', key: 'image' });
    expect(parseAnchor('X(hostPath)')).toEqual({ type: 'negation', key: 'hostPath' });
    expect(parseAnchor('+(imagePullPolicy)')).toEqual({ type: 'addIfNotPresent', key: 'imagePullPolicy' });
    expect(parseAnchor('=(securityContext)')).toEqual({ type: 'equality', key: 'securityContext' });
    expect(parseAnchor('^(containers)')).toEqual({ type: 'existence', key: 'containers' });
  });

  it('keeps keys with slashes and dots inside the anchor', () => {
    expect(parseAnchor('X(fluxcd.io/*)')).toEqual({ type: 'negation', key: 'fluxcd.io/*' });
  });

  it('treats look-alikes as plain keys', () => {
    for (const raw of ['name', '&(key)', '(key', 'key)', '()', 'X()', 'x(key)', 'X(key', 'Xa)']) {
      expect(parseAnchor(raw)).toEqual({ type: undefined, key: raw });
    }
  });

  it('rebuilds anchor keys', () => {
    expect(anchorKey('negation', 'a')).toBe('X(a)');
    expect(anchorKey('condition', 'a')).toBe('(a)');
    expect(anchorKey(undefined, 'a')).toBe('a');
  });
});

describe('anchor handler table', () => {
  it('has one handler per anchor type', () => {
    expect(Object.keys(anchorHandlers).sort()).toEqual(
      ['addIfNotPresent', 'condition', 'equality', 'existence', 'global', 'negation'],
    );
  });
});

describe('Go rendering used in messages', () => {
  it('prints values like fmt %v and %T', () => {
    expect(goFormat(null)).toBe('<nil>');
    expect(goFormat(['a', 1])).toBe('[a 1]');
    expect(goFormat({ b: 1, a: true })).toBe('map[a:true b:1]');
    expect(goFormat(3, true)).toBe('3');
    expect(goFormat(1000000, true)).toBe('1e+06');
    expect(goFormat(2.5)).toBe('2.5');
    expect(goTypeName({})).toBe('map[string]interface {}');
    expect(goTypeName('x')).toBe('string');
    expect(goTypeName(3)).toBe('int64');
    expect(goTypeName(3, true)).toBe('float64');
    expect(goTypeName(undefined)).toBe('<nil>');
  });

  it('prints pointers the way Kyverno prints paths', () => {
    expect(kyvernoPath('')).toBe('/');
    expect(kyvernoPath('/spec/containers/0/image')).toBe('/spec/containers/0/image/');
    expect(kyvernoPath('/metadata/annotations/example.com~1team')).toBe('/metadata/annotations/example.com/team/');
  });
});
