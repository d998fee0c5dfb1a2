/**
 * The rich menu's picture as SVG (pure: a design in, SVG text out), and the check that the
 * committed PNG was drawn from it. `npm run rich-menu:image` renders this SVG with resvg and a
 * Japanese system font into the corpus directory's rich-menu.png and records the SVG's fingerprint
 * in the PNG; line:setup uploads that file only when the fingerprint is the current design's. So
 * neither the bot nor the setup needs resvg or the font, and the picture cannot drift from the
 * tappable areas.
 */
import { createHash } from 'node:crypto';
import { pngSize, pngText } from './png-file.js';
import { checkRichMenuSize, richMenuLimits, type RichMenuDesign, type RichMenuTile } from './rich-menu.js';

/** The committed image, in the corpus directory beside meta.yaml (whose pillars it shows). */
export const richMenuImageFileName = 'rich-menu.png';

/** The PNG tEXt keyword holding the fingerprint of the SVG the image was drawn from. */
export const designFingerprintKeyword = 'rich-menu-design-sha256';

/** Fonts tried in order; Debian's fonts-ipafont-gothic has the first two (CI installs it). */
export const richMenuFontFamilies = ['IPAPGothic', 'IPAGothic', 'Noto Sans CJK JP'] as const;

/** White lines where the tiles meet, this wide. */
const seamWidth = 6;
const captionSize = 72;
const maxTitleSize = 120;
/** Space kept free on each side of a tile's title. */
const titleMargin = 60;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** One size for every tile's title, the largest at which the longest line fits the narrowest tile. */
function titleSize(design: RichMenuDesign): number {
  const longest = Math.max(...design.tiles.flatMap((t) => t.title.map((line) => [...line].length)));
  const narrowest = Math.min(...design.tiles.map((t) => t.bounds.width));
  return Math.min(maxTitleSize, Math.floor((narrowest - 2 * titleMargin) / longest));
}

/** Text centred on x with its middle at y (a CJK glyph's middle sits about 0.36 em above the baseline). */
function text(x: number, y: number, size: number, color: string, content: string, bold: boolean): string {
  const weight = bold ? ` stroke="${color}" stroke-width="${Math.round(size * 0.03)}" stroke-linejoin="round"` : '';
  return `<text x="${x}" y="${Math.round(y + size * 0.36)}" font-size="${size}" fill="${color}"${weight}>${escapeXml(content)}</text>`;
}

function tileSvg(tile: RichMenuTile, size: number): string {
  const { x, y, width, height } = tile.bounds;
  const centerX = x + width / 2;
  const lineHeight = size * 1.25;
  const titleMiddle = y + height * 0.6;
  return [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${tile.background}"/>`,
    text(centerX, y + height * 0.24, captionSize, tile.foreground, tile.caption, false),
    `<rect x="${centerX - 60}" y="${Math.round(y + height * 0.34)}" width="120" height="6" rx="3" fill="${tile.foreground}" opacity="0.6"/>`,
    ...tile.title.map((line, i) =>
      text(centerX, titleMiddle + (i - (tile.title.length - 1) / 2) * lineHeight, size, tile.foreground, line, true),
    ),
  ].join('\n');
}

/** The menu's picture: an SVG of exactly `design.size`, each tile its colour with its caption and title. */
export function richMenuSvg(design: RichMenuDesign): string {
  const { width, height } = design.size;
  const size = titleSize(design);
  const fonts = richMenuFontFamilies.map((f) => `'${f}'`).join(', ');
  // Each inner edge is the left or top edge of some tile.
  const seams = design.tiles.flatMap(({ bounds: b }) => [
    ...(b.x > 0 ? [`<rect x="${b.x - seamWidth / 2}" y="${b.y}" width="${seamWidth}" height="${b.height}"/>`] : []),
    ...(b.y > 0 ? [`<rect x="${b.x}" y="${b.y - seamWidth / 2}" width="${b.width}" height="${seamWidth}"/>`] : []),
  ]);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<g font-family="${escapeXml(fonts)}" text-anchor="middle">`,
    ...design.tiles.map((tile) => tileSvg(tile, size)),
    '</g>',
    `<g fill="#FFFFFF">`,
    ...seams,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

/** The fingerprint of the SVG for a design, recorded in the PNG drawn from it. */
export function designFingerprint(design: RichMenuDesign): string {
  return createHash('sha256').update(richMenuSvg(design)).digest('hex');
}

/**
 * Why the committed image cannot be uploaded for this design, in Japanese for staff: not a PNG,
 * not the menu's size, over LINE's 1 MB, or drawn from another design. [] when it fits.
 */
export function checkRichMenuImage(png: Uint8Array, design: RichMenuDesign): string[] {
  const size = pngSize(png);
  if (size === undefined) return ['PNG ではありません'];
  const problems = checkRichMenuSize(size, 'image');
  if (size.width !== design.size.width || size.height !== design.size.height)
    problems.push(`${size.width}×${size.height} ですが、メニューは ${design.size.width}×${design.size.height} です`);
  if (png.length > richMenuLimits.imageBytes)
    problems.push(`${png.length} バイトあり、LINE の上限 ${richMenuLimits.imageBytes} バイトを超えています`);
  if (pngText(png, designFingerprintKeyword) !== designFingerprint(design))
    problems.push('今のデザイン（corpus/meta.yaml の柱の shortName・label・色）から作った画像ではありません');
  return problems;
}

/** What staff do about any of the problems above. */
export const regenerateRichMenuImageAdvice =
  'npm run rich-menu:image で画像を作り直し、rich-menu.png をコミットしてください（日本語フォントが必要です: sudo apt-get install fonts-ipafont-gothic）';
