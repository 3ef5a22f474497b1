/**
 * YAML semantics shared by both parsers. Kubernetes (sigs.k8s.io/yaml, on go-yaml v2) reads YAML 1.1:
 * `yes`/`on`/`y` are booleans and `0755` is octal, so we do too, or a resource would mean something here
 * that it does not mean to the API server. Timestamps stay strings (go-yaml v2 keeps timestamp-looking
 * scalars as strings when decoding into interface{}), and binary/set/omap/pairs are not JSON-representable.
 * Both parsers must agree value for value; parse-documents.test.ts checks that.
 */
import {
  Schema,
  boolYaml11Tag,
  floatYaml11Tag,
  intYaml11Tag,
  mapTag,
  mergeTag,
  nullYaml11Tag,
  seqTag,
  strTag,
} from 'js-yaml';
import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

export const JS_YAML_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  mergeTag,
]);

const NOT_JSON_TAGS = new Set(
  ['timestamp', 'binary', 'set', 'omap', 'pairs'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** Options for the `yaml` package with the same semantics as JS_YAML_SCHEMA. */
export const YAML_PACKAGE_OPTIONS = {
  version: '1.1',
  prettyErrors: false,
  uniqueKeys: true,
  customTags: (tags: Tags): Tags => tags.filter((t) => typeof t === 'string' || !NOT_JSON_TAGS.has(t.tag)),
} satisfies DocumentOptions & ParseOptions & SchemaOptions;

/** Billion-laughs guard: aliases expand at most this many times per document. */
export const MAX_ALIAS_COUNT = 100;
