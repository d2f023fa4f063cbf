// esbuild (Debian's package) as the release build's minifier: `minify(source, loader)` gives
// the minified text, or null (once said) where esbuild is not installed, so a build goes on
// unminified and `./scripts/test.sh`'s size check reports the difference.
import { execFileSync } from 'node:child_process';

let available;

/** `loader` is esbuild's: 'js' (a classic script), 'esm' (an ES module) or 'css'. */
export function minify(source, loader) {
  if (available === undefined) {
    try {
      execFileSync('esbuild', ['--version'], { stdio: 'ignore' });
      available = true;
    } catch {
      console.warn('esbuild is not installed (./scripts/install.sh installs it): the build is not minified');
      available = false;
    }
  }
  if (!available) return null;
  const args = loader === 'esm' ? ['--format=esm'] : [`--loader=${loader}`];
  return execFileSync('esbuild', ['--minify', '--log-level=error', ...args], { input: source }).toString().trim();
}
