// Subresource integrity for the post-build hooks, which rewrite files index.html links to.
import { createHash } from 'node:crypto';

/** The `integrity` value of `bytes`. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `index` with the `integrity` of the link to `/file` set to the hash of `bytes`. */
export function withIntegrity(index, file, bytes) {
  const name = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return index.replace(new RegExp(`(href="/${name}"[^>]*integrity=")[^"]*(")`), `$1${sri(bytes)}$2`);
}
