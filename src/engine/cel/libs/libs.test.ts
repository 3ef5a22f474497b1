import { describe, expect, it } from 'vitest';
import { celFailure, celRun } from '../test-helpers.js';

// Examples from https://kubernetes.io/docs/reference/using-api/cel/ (Kubernetes CEL libraries)
// and the library docs they link (pkg.go.dev k8s.io/apiserver/pkg/cel/library, cel-go ext).

describe('lists library', () => {
  it.each([
    ['[1, 2, 3].isSorted()', true],
    ["['a', 'b', 'b', 'c'].isSorted()", true],
    ['[2.0, 1.0].isSorted()', false],
    ['[1, 3].sum()', 4],
    ['[].sum()', 0],
    ['[1, 3].min()', 1],
    ['[1, 3].max()', 3],
    ['[1, 2, 2, 3].indexOf(2)', 1],
    ['[1, 2, 2, 3].lastIndexOf(2)', 2],
    ["['a', 'b'].indexOf('c')", -1],
  ])('%s', (expr, want) => expect(celRun(expr)).toBe(want));
  it('sums weights of a JSON list (doc: items.map(x, x.weight).sum() == 1.0)', () => {
    expect(celRun('items.map(x, x.weight).sum() == 1.0', { items: [{ weight: 0.5 }, { weight: 0.5 }] })).toBe(true);
  });
  it('errors on min of an empty list', () => expect(celFailure('[].min()')).toBe('CEL_EVAL'));
});

describe('strings library', () => {
  it.each([
    ["'hello'.charAt(4)", 'o'],
    ["'hello'.charAt(5)", ''],
    ["'hello mellow'.indexOf('ello')", 1],
    ["'hello mellow'.lastIndexOf('ello')", 7],
    ["'TacoCat'.lowerAscii()", 'tacocat'],
    ["'TacoCat'.upperAscii()", 'TACOCAT'],
    ["'hello hello'.replace('he', 'we')", 'wello wello'],
    ["'hello hello'.replace('he', 'we', 1)", 'wello hello'],
    ["'hello hello'.split(' ')", ['hello', 'hello']],
    ["'tacocat'.substring(4)", 'cat'],
    ["'tacocat'.substring(0, 4)", 'taco'],
    ["'  \\ttrim\\n    '.trim()", 'trim'],
    ["['hello', 'mellow'].join(' ')", 'hello mellow'],
    ["'gums'.reverse()", 'smug'],
    ["'this is a string: %s'.format(['hello'])", 'this is a string: hello'],
    ["'%d apples'.format([3])", '3 apples'],
    ["'%.2f'.format([3.14159])", '3.14'],
    ["strings.quote('single-quote with \"double quote\"')", '"single-quote with \\"double quote\\""'],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));
  it('errors on charAt out of range', () => expect(celFailure("'hi'.charAt(3)")).toBe('CEL_EVAL'));
});

describe('regex library', () => {
  it.each([
    ["'abc 123'.find('[0-9]+')", '123'],
    ["'abc'.find('[0-9]+')", ''],
    ["'123 abc 456'.findAll('[0-9]+')", ['123', '456']],
    ["'123 abc 456'.findAll('[0-9]+', 1)", ['123']],
    ["'1, 2, 3, 4'.findAll('[0-9]+').map(x, int(x)).sum() < 100", true],
    ["'abc'.matches('^a')", true],
    ["'ABC'.matches('(?i)abc')", true],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));
  it('rejects lookarounds and backreferences at compile time, like RE2', () => {
    expect(celFailure("'a'.matches('a(?=b)')")).toBe('CEL_TYPE');
    expect(celFailure("'aa'.find('(a)\\\\1')")).toBe('CEL_TYPE');
  });
  it('uses RE2 \\s (no vertical tab), not JavaScript \\s', () => {
    expect(celRun("'a\\vb'.matches('a\\\\sb')")).toBe(false);
    expect(celRun("'a b'.matches('a\\\\sb')")).toBe(true);
  });
  it('rejects a dynamic pattern RE2 would reject, at evaluation', () => {
    expect(celFailure('s.matches(p)', { s: 'ab', p: '(?<=a)b' })).toBe('CEL_EVAL');
  });
});

describe('url library', () => {
  it.each([
    ["url('https://example.com:80/').getHost()", 'example.com:80'],
    ["url('https://example.com/path').getScheme()", 'https'],
    ["url('https://example.com:80/').getHostname()", 'example.com'],
    ["url('https://[::1]:80/').getHostname()", '::1'],
    ["url('https://example.com:80/').getPort()", '80'],
    ["url('https://example.com/').getPort()", ''],
    ["url('https://example.com/path with spaces/').getEscapedPath()", '/path%20with%20spaces/'],
    ["url('https://example.com/path?k1=a&k2=b&k2=c').getQuery()", { k1: ['a'], k2: ['b', 'c'] }],
    ["isURL('https://example.com/path')", true],
    ["isURL('/absolute-path')", true],
    ["isURL('example.com')", false],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));
});

describe('quantity library', () => {
  it.each([
    ["quantity('50k').asInteger()", 50000],
    ["quantity('500000G').isInteger()", true],
    ["quantity('50.5').isInteger()", false],
    ["isQuantity('1.3G')", true],
    ["isQuantity('1.3Gi')", true],
    ["isQuantity('1,3Gi')", false],
    ["quantity('50M').compareTo(quantity('50Mi'))", -1],
    ["quantity('50Mi').isGreaterThan(quantity('100Mi'))", false],
    ["quantity('50M').isLessThan(quantity('100M'))", true],
    ["quantity('50k').add(20).asInteger()", 50020],
    ["quantity('50k').add(quantity('20')).sub(quantity('100k')).sub(-50000).asInteger()", 20],
    ["quantity('-50k').sign()", -1],
    ["quantity('50.703k').asApproximateFloat()", 50703],
    ["quantity('1') == quantity('1000m')", true],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));
  it('errors converting a fractional quantity to an integer', () => {
    expect(celFailure("quantity('50.5').asInteger()")).toBe('CEL_EVAL');
  });
});

describe('ip and cidr libraries', () => {
  it.each([
    ["isIP('127.0.0.1')", true],
    ["isIP('::1')", true],
    ["isIP('127.0.0.256')", false],
    ["isIP('01.0.0.1')", false],
    ["isIP('::ffff:1.2.3.4')", false],
    ["ip('127.0.0.1').family()", 4],
    ["ip('::1').family()", 6],
    ["ip('127.0.0.1').isLoopback()", true],
    ["ip('0.0.0.0').isUnspecified()", true],
    ["ip('169.254.1.1').isLinkLocalUnicast()", true],
    ["ip('224.0.0.1').isLinkLocalMulticast()", true],
    ["ip('192.168.0.1').isGlobalUnicast()", true],
    ["ip.isCanonical('2001:db8::abcd')", true],
    ["ip.isCanonical('2001:DB8::ABCD')", false],
    ["string(ip('2001:db8:0:0:0:0:0:abcd'))", '2001:db8::abcd'],
    ["cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true],
    ["cidr('192.168.0.0/24').containsIP('192.168.1.1')", false],
    ["cidr('192.168.0.0/24').containsCIDR('192.168.0.0/25')", true],
    ["cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/16'))", false],
    ["cidr('192.168.0.0/24').ip() == ip('192.168.0.0')", true],
    ["cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true],
    ["cidr('::1/128').prefixLength()", 128],
    ["isCIDR('192.168.0.0/33')", false],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));
});

describe('semver library', () => {
  it.each([
    ["isSemver('1.0.0')", true],
    ["isSemver('v1.0')", false],
    ["isSemver('v1.0', true)", true],
    ["semver('1.2.3').major()", 1],
    ["semver('1.2.3').minor()", 2],
    ["semver('1.2.3').patch()", 3],
    ["semver('1.0.0').isLessThan(semver('1.1.0'))", true],
    ["semver('2.0.0').isGreaterThan(semver('1.9.9'))", true],
    ["semver('1.0.0-alpha').compareTo(semver('1.0.0'))", -1],
    ["semver('1.0.0-alpha.1').compareTo(semver('1.0.0-alpha.beta'))", -1],
    ["semver('1.0.0') == semver('1.0.0+build')", true],
  ])('%s', (expr, want) => expect(celRun(expr)).toEqual(want));
});

describe('sets library', () => {
  it.each([
    ['sets.contains([1, 2, 3], [2, 3])', true],
    ['sets.equivalent([1, 2], [2, 1, 1])', true],
    ['sets.intersects([1], [2])', false],
  ])('%s', (expr, want) => expect(celRun(expr)).toBe(want));
});

describe('optional types', () => {
  it.each([
    ["object.?spec.?replicas.orValue(1)", 1],
    ["object.metadata.?labels[?'app'].orValue('none')", 'web'],
    ["optional.ofNonZeroValue('').hasValue()", false],
    ['optional.of(2).value()', 2],
    ['optional.none().or(optional.of(3)).value()', 3],
  ])('%s', (expr, want) => expect(celRun(expr, { object: { metadata: { labels: { app: 'web' } } } })).toEqual(want));
  // cel-go's evalOptionalOrValue/evalOptionalOr return a non-optional receiver unchanged.
  it.each([
    ["object.metadata.labels.orValue({})", { app: 'web' }],
    ["object.metadata.labels.orValue({}).app", 'web'],
    ["object.metadata.labels.or(optional.none())", { app: 'web' }],
  ])('%s (non-optional receiver)', (expr, want) => expect(celRun(expr, { object: { metadata: { labels: { app: 'web' } } } })).toEqual(want));
  it('still reports an error in a non-optional receiver', () => {
    expect(celFailure('object.missing.orValue({})', { object: {} })).toBe('CEL_EVAL');
  });
  it('keeps hasValue() and value() optional-only, as cel-go does', () => {
    expect(celFailure('object.hasValue()', { object: {} })).toBe('CEL_EVAL');
  });
});

describe('macros and bindings', () => {
  it.each([
    ['[1, 2, 3].all(x, x > 0)', true],
    ['[1, 2, 3].exists(x, x > 2)', true],
    ['[1, 2, 3].exists_one(x, x > 2)', true],
    ['[1, 2, 3].map(x, x * 2)', [2, 4, 6]],
    ['[1, 2, 3].filter(x, x > 1)', [2, 3]],
    ['has(object.spec)', false],
    ['cel.bind(xs, [1, 2], xs.size() == 2)', true],
    ['[1, 2].all(i, v, v > i)', true],
    ["{'a': 1}.exists(k, v, k == 'a' && v == 1)", true],
    ['[1, 1].existsOne(i, v, v == 1)', false],
    ['[1, 2].transformList(i, v, i + v)', [1, 3]],
    ['[1, 2, 3].transformList(i, v, v > 1, v * 2)', [4, 6]],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v + 1)", { a: 2, b: 3 }],
  ])('%s', (expr, want) => expect(celRun(expr, { object: {} })).toEqual(want));
});

describe('authorizer (offline)', () => {
  const expr = "authorizer.group('').resource('pods').namespace('default').check('create').allowed()";
  it('denies without a configured authorizer', () => expect(celRun(expr)).toBe(false));
  it('asks the configured function with the built attributes', () => {
    const seen: unknown[] = [];
    const authorizer = (a: { resource: string; verb: string }) => (seen.push(a), { allowed: a.verb === 'create' });
    expect(celRun(expr, { authorizer })).toBe(true);
    expect(seen[0]).toMatchObject({ group: '', resource: 'pods', namespace: 'default', verb: 'create' });
  });
  it('reports reason and errors', () => {
    const authorizer = () => ({ allowed: false, reason: 'nope', error: 'boom' });
    expect(celRun("authorizer.path('/healthz').check('get').reason()", { authorizer })).toBe('nope');
    expect(celRun("authorizer.path('/healthz').check('get').errored()", { authorizer })).toBe(true);
  });
});
