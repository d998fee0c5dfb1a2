/**
 * One tokenizer loaded alone in a fresh process, for the memory section of the benchmark:
 *   node --expose-gc tokenizer-memory.mjs none|kuromoji|compact [dist/analyze/japanese-tokenizer.js]
 * `kuromoji` is kuromoji's own builder, `compact` this project's loader (from the compiled
 * module), `none` loads nothing (the process's own baseline). Prints one JSON line: load time,
 * process.memoryUsage() and VmRSS one second after loading (as a server would sit), and again
 * after two forced full GCs (what is truly retained; production never calls gc).
 * Imports packages only, so the benchmark can compile it and run it with plain node.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import kuromoji from 'kuromoji';

interface Snapshot {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly arrayBuffers: number;
}

function snapshot(): Snapshot {
  const usage = process.memoryUsage();
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return {
    rss: kb === undefined ? usage.rss : Number(kb) * 1024,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    arrayBuffers: usage.arrayBuffers,
  };
}

async function load(variant: string, compiledModule: string | undefined): Promise<unknown> {
  switch (variant) {
    case 'none':
      return undefined;
    case 'kuromoji': {
      const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
      return new Promise((resolve, reject) =>
        // kuromoji passes a null error on success, whatever @types/kuromoji says.
        kuromoji.builder({ dicPath }).build((err: Error | null, tokenizer) => (err ? reject(err) : resolve(tokenizer))),
      );
    }
    case 'compact': {
      if (!compiledModule) throw new Error('compact needs the path of the compiled japanese-tokenizer.js');
      const module = (await import(pathToFileURL(compiledModule).href)) as { loadKuromoji(): Promise<unknown> };
      return module.loadKuromoji();
    }
    default:
      throw new Error(`unknown variant ${variant}: none, kuromoji or compact`);
  }
}

const [variant = 'none', compiledModule] = process.argv.slice(2);
const started = performance.now();
const tokenizer = await load(variant, compiledModule);
const loadMs = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, 1000));
const settled = snapshot();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
const afterGc = snapshot();
console.log(
  JSON.stringify({ variant, loadMs, settled, afterGc, alive: tokenizer !== undefined || variant === 'none' }),
);
