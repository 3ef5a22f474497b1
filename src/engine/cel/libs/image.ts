import { evalError } from './eval-error.js';
import { ImageRef, parseImageRef } from './image-ref.js';
import type { CelLibrary } from './types.js';

/**
 * kyverno pkg/cel/libs/image: `parseImageReference(s)` (and its older name `image(s)`, kept by
 * Kyverno as a deprecated alias) parse an image reference; `isImage(s)` tells whether one parses.
 * The global `image(...)` function and the `image` identifier of the imagedata library
 * (`image.GetMetadata`) live side by side, as in Kyverno.
 */
function toImage(s: string): ImageRef {
  const ref = parseImageRef(s);
  if (!ref) throw evalError('invalid_argument', `could not parse reference: ${s}`);
  return ref;
}

const sameImage = (a: ImageRef, b: ImageRef): boolean =>
  a.original === b.original && a.registry === b.registry && a.repository === b.repository && a.tag === b.tag && a.digest === b.digest;

export const imageLibrary = {
  source: 'kyverno pkg/cel/libs/image',
  provider: 'ours',
  functions: [
    'image(string): Image', 'parseImageReference(string): Image', 'isImage(string): bool', 'Image.registry(): string',
    'Image.repository(): string', 'Image.identifier(): string', 'Image.tag(): string', 'Image.digest(): string',
    'Image.containsDigest(): bool',
  ],
  register(env) {
    env.registerType('Image', ImageRef);
    env.registerOperator('Image == Image', sameImage);
    env.registerFunction('image(string): Image', toImage);
    env.registerFunction('parseImageReference(string): Image', toImage);
    env.registerFunction('isImage(string): bool', (s: string) => parseImageRef(s) !== undefined);
    env.registerFunction('Image.registry(): string', (i: ImageRef) => i.registry);
    env.registerFunction('Image.repository(): string', (i: ImageRef) => i.repository);
    env.registerFunction('Image.identifier(): string', (i: ImageRef) => i.identifier);
    env.registerFunction('Image.tag(): string', (i: ImageRef) => i.tag);
    env.registerFunction('Image.digest(): string', (i: ImageRef) => i.digest);
    env.registerFunction('Image.containsDigest(): bool', (i: ImageRef) => i.digest !== '');
  },
} as const satisfies CelLibrary;
