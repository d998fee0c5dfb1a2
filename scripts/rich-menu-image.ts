/**
 * npm run rich-menu:image [-- DIR]
 *
 * Draws the rich menu's picture for a corpus directory (corpus/ by default): the SVG of
 * src/render/rich-menu-svg.ts rendered by resvg with a Japanese system font, written to
 * DIR/rich-menu.png with the design's fingerprint. Commit that PNG: `npm run line:setup` uploads it
 * as it is, and refuses it once the pillars' shortName, label or colour change until this is run
 * again. Needs a Japanese font (Debian: fonts-ipafont-gothic, which CI installs).
 * Exit codes: 0 written, 1 no Japanese font or an image LINE would refuse, 2 an invalid corpus.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { CorpusError, formatProblem } from '../src/corpus/corpus-problem.js';
import { bundledCorpusDir, readCorpusDir } from '../src/corpus/read-corpus.js';
import { withPngText } from '../src/render/png-file.js';
import { designRichMenu } from '../src/render/rich-menu.js';
import {
  checkRichMenuImage,
  designFingerprint,
  designFingerprintKeyword,
  richMenuFontFamilies,
  richMenuImageFileName,
  richMenuSvg,
} from '../src/render/rich-menu-svg.js';
import { commonText, richMenuImageText } from '../src/cli/messages.js';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

/** The file of the first of the menu's font families that fontconfig knows, or undefined. */
function findFontFile(): string | undefined {
  let listed: string;
  try {
    listed = execFileSync('fc-list', ['-f', '%{file}\t%{family}\n', ':lang=ja'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
  const fonts = listed
    .split('\n')
    .map((line) => line.split('\t'))
    .map(([file = '', families = '']) => ({ file, families: families.split(',') }));
  for (const family of richMenuFontFamilies) {
    const font = fonts.find((f) => f.families.includes(family));
    if (font !== undefined) return font.file;
  }
  return undefined;
}

const dir = process.argv[2] ?? bundledCorpusDir;
let design;
try {
  design = designRichMenu((await readCorpusDir(dir)).meta);
} catch (error) {
  if (error instanceof CorpusError) {
    error.problems.forEach((p) => console.error(formatProblem(p)));
    fail(commonText.invalidCorpus, 2);
  }
  fail((error as Error).message, 2);
}

const fontFile = findFontFile();
if (fontFile === undefined) {
  fail(richMenuImageText.noFont(richMenuFontFamilies), 1);
}
const rendered = new Resvg(richMenuSvg(design), {
  fitTo: { mode: 'original' },
  font: { loadSystemFonts: false, fontFiles: [fontFile] },
})
  .render()
  .asPng();
const png = withPngText(rendered, designFingerprintKeyword, designFingerprint(design));
const file = path.join(dir, richMenuImageFileName);
const problems = checkRichMenuImage(png, design);
if (problems.length > 0) fail(problems.map((p) => `${file}: ${p}`).join('\n'), 1);
await writeFile(file, png);
console.log(
  richMenuImageText.wrote(
    path.relative(process.cwd(), file),
    design.size.width,
    design.size.height,
    png.length.toLocaleString('ja-JP'),
    fontFile,
  ),
);
