/**
 * Compiles a benchmark helper (a TypeScript file that imports packages only) to one JavaScript
 * module, so the benchmark runs it with plain node as production runs dist/: tsx's loader would
 * add its own start-up time and memory to what is measured.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../test/support/server-process.js';

/** Where compiled helpers go: inside node_modules, so their package imports resolve as usual. */
const outDir = path.join(repoRoot, 'node_modules/.cache/komoro-bench');

/** Compiles `file` and returns the path of the .mjs to run. */
export function compileScript(file: string): string {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${path.basename(file, '.ts')}.mjs`);
  writeFileSync(out, outputText);
  return out;
}
