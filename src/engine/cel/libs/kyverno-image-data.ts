import { callHost, KyvernoContext } from './kyverno-host.js';
import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/**
 * kyverno pkg/cel/libs/imagedata (the `image` identifier): GetMetadata(ref) returns what the registry
 * says about an image (config, manifest, ...). Unknown images are an error, as in Kyverno.
 */
export class ImageDataContext extends KyvernoContext {}

function getMetadata(ctx: ImageDataContext, ref: string): unknown {
  const data = callHost(ctx, 'imageMetadata', 'image', ref);
  if (data === null) throw evalError('kyverno_image_not_found', `image data for ${ref} not found`);
  return data;
}

export const kyvernoImageData = {
  source: 'kyverno pkg/cel/libs/imagedata',
  provider: 'ours',
  functions: ['image.GetMetadata(string): dyn'],
  register(env) {
    env.registerType('ImageDataContext', ImageDataContext);
    env.registerFunction('ImageDataContext.GetMetadata(string): dyn', getMetadata);
  },
} as const satisfies CelLibrary;
