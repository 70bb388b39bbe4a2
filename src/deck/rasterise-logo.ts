import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pngOptions } from '../charts/render-chart.js';
import { outsideImageProblem, svgOutsideImages } from '../io/svg-outside-images.js';
import { logoCannotBeDrawn, logoRefersOutside, logoTooSlow } from '../shared/error-catalogue.js';
import { type CniError, InternalError } from '../shared/errors.js';

/** SVG logos are small; 4× keeps them sharp on a projector. */
export const LOGO_SCALE = 4;
/** The longest side of the logo's raster: 3.2 in, the widest the deck shows it, at 500 dpi. */
export const LOGO_MAX_PIXELS = 1600;
/** A logo draws in well under a second; one that takes longer is a filter bomb, not a logo. */
export const LOGO_TIME_LIMIT_MS = 10_000;
/** A 1600 × 1600 RGBA PNG that does not compress at all, with room to spare. */
const MAX_PNG_BYTES = 16 * 1024 * 1024;

/**
 * The child's whole program (CommonJS, run by `node -e`): the SVG and options on stdin as JSON, the PNG on
 * stdout, a one-line reason on stderr with exit code 2. It sizes the raster itself, since resvg reports the
 * logo's size only once it has parsed it: `scale`× the logo's pixel size, its longest side at most `maxPixels`.
 */
const CHILD = `
const { Resvg } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  try {
    const { svg, options, scale, maxPixels } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const { width, height } = new Resvg(svg, options);
    const zoom = Math.min(scale, maxPixels / Math.max(width, height));
    if (!(Math.round(Math.min(width, height) * zoom) >= 1)) {
      const size = \`\${+width.toPrecision(4)} × \${+height.toPrecision(4)}\`;
      throw new Error(\`it is \${size} pixels: too long and thin to draw (\${maxPixels} pixels at most a side)\`);
    }
    const fitTo =
      zoom === scale ? { mode: 'zoom', value: scale } : { mode: width >= height ? 'width' : 'height', value: maxPixels };
    process.stdout.write(new Resvg(svg, { ...options, fitTo }).render().asPng());
  } catch (error) {
    process.stderr.write(String(error instanceof Error ? error.message : error).split('\\n')[0]);
    process.exitCode = 2;
  }
});
`;

const require = createRequire(import.meta.url);

/**
 * Rasterises a brand's SVG logo for the deck, from its own content only: an SVG that names an image outside
 * itself is refused before resvg sees it (resvg would read it from the disk, see svg-outside-images.ts). resvg
 * runs in a child process, killed after `timeLimitMs`: it cannot be interrupted inside a thread of this one
 * (a worker or the libuv pool would also hold the process open at exit), and a crash in it (a Rust panic
 * aborts its process) stays there. The raster is capped at LOGO_MAX_PIXELS a side. Every failure is a CniError.
 */
export async function rasteriseLogo(
  svg: string,
  { timeLimitMs = LOGO_TIME_LIMIT_MS }: { readonly timeLimitMs?: number } = {},
): Promise<Uint8Array> {
  const outside = svgOutsideImages(svg);
  if (!outside.ok) throw logoCannotBeDrawn(outside.reason);
  const [href] = outside.hrefs;
  if (href !== undefined) throw refersOutside(href);
  const input = JSON.stringify({
    svg,
    options: pngOptions(1),
    scale: LOGO_SCALE,
    maxPixels: LOGO_MAX_PIXELS,
  });
  const child = spawn(process.execPath, ['-e', CHILD, require.resolve('@resvg/resvg-js')], {
    env: {},
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const killAtExit = () => child.kill('SIGKILL');
  process.once('exit', killAtExit);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeLimitMs);
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_PNG_BYTES) child.kill('SIGKILL');
        else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error) =>
        reject(new InternalError(`cannot start the logo renderer: ${error.message}`)),
      );
      child.on('close', (code, signal) => {
        if (code === 0 && outBytes <= MAX_PNG_BYTES) resolve(new Uint8Array(Buffer.concat(out)));
        else if (code === 2) reject(logoCannotBeDrawn(Buffer.concat(err).toString('utf8').trim()));
        else if (signal === 'SIGKILL' && outBytes <= MAX_PNG_BYTES) reject(logoTooSlow(timeLimitMs));
        else reject(logoCannotBeDrawn(`its renderer stopped (${signal ?? `exit code ${code}`})`));
      });
      // A child that died before reading all of it closes the pipe; 'close' above says why.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    });
  } finally {
    clearTimeout(timer);
    process.removeListener('exit', killAtExit);
  }
}

function refersOutside(href: string): CniError {
  const { message, hint } = outsideImageProblem(href);
  return logoRefersOutside(message, hint);
}
