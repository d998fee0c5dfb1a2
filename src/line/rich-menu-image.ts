/**
 * Draws the rich menu's image (pure: a design in, PNG bytes out). No image assets and no fonts:
 * each tile is its colour with a large glyph from a tiny stroke font (the digits 1–5 and '?') and
 * a simple icon, all drawn as signed distance shapes so that their edges are anti-aliased.
 * pngjs encodes the pixels; flat colours compress to well under LINE's 1 MB.
 */
import { PNG } from 'pngjs';
import type { Bounds, RichMenuDesign, RichMenuTile, Size, TileGlyph, TileIcon } from './rich-menu.js';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** '#1E5AA8' → [30, 90, 168]. */
export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex);
  if (!match) throw new Error(`expected a colour like #1E5AA8, got '${hex}'`);
  return [parseInt(match[1] as string, 16), parseInt(match[2] as string, 16), parseInt(match[3] as string, 16)];
}

/**
 * A shape as a signed distance in pixels (negative inside) over a bounding box. The pixel whose
 * centre is at distance d gets coverage 0.5 − d, clamped to 0–1: a one-pixel anti-aliased edge.
 */
interface Shape {
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  distance(x: number, y: number): number;
}

function segmentDistance(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSquared));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

function boxOf(points: readonly Point[], margin: number): Shape['box'] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return {
    x0: Math.min(...xs) - margin,
    y0: Math.min(...ys) - margin,
    x1: Math.max(...xs) + margin,
    y1: Math.max(...ys) + margin,
  };
}

/** Polylines drawn with a round pen of the given half width. */
function strokes(lines: readonly (readonly Point[])[], halfWidth: number): Shape {
  const segments: [Point, Point][] = [];
  for (const line of lines) {
    if (line.length === 1) segments.push([line[0] as Point, line[0] as Point]);
    for (let i = 1; i < line.length; i++) segments.push([line[i - 1] as Point, line[i] as Point]);
  }
  return {
    box: boxOf(lines.flat(), halfWidth + 1),
    distance(x, y) {
      let best = Infinity;
      for (const [a, b] of segments) best = Math.min(best, segmentDistance(x, y, a, b));
      return best - halfWidth;
    },
  };
}

function disc(center: Point, radius: number): Shape {
  const [cx, cy] = center;
  return {
    box: { x0: cx - radius - 1, y0: cy - radius - 1, x1: cx + radius + 1, y1: cy + radius + 1 },
    distance: (x, y) => Math.hypot(x - cx, y - cy) - radius,
  };
}

function ring(center: Point, radius: number, halfWidth: number): Shape {
  const [cx, cy] = center;
  const outer = radius + halfWidth + 1;
  return {
    box: { x0: cx - outer, y0: cy - outer, x1: cx + outer, y1: cy + outer },
    distance: (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - halfWidth,
  };
}

/** A filled polygon (even-odd rule). */
function polygon(points: readonly Point[]): Shape {
  return {
    box: boxOf(points, 1),
    distance(x, y) {
      let best = Infinity;
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const a = points[i] as Point;
        const b = points[j] as Point;
        best = Math.min(best, segmentDistance(x, y, a, b));
        if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      }
      return inside ? -best : best;
    },
  };
}

function roundedRect(center: Point, halfWidth: number, halfHeight: number, radius: number): Shape {
  const [cx, cy] = center;
  return {
    box: { x0: cx - halfWidth - 1, y0: cy - halfHeight - 1, x1: cx + halfWidth + 1, y1: cy + halfHeight + 1 },
    distance(x, y) {
      const qx = Math.abs(x - cx) - (halfWidth - radius);
      const qy = Math.abs(y - cy) - (halfHeight - radius);
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
    },
  };
}

function union(...shapes: Shape[]): Shape {
  return {
    box: {
      x0: Math.min(...shapes.map((s) => s.box.x0)),
      y0: Math.min(...shapes.map((s) => s.box.y0)),
      x1: Math.max(...shapes.map((s) => s.box.x1)),
      y1: Math.max(...shapes.map((s) => s.box.y1)),
    },
    distance: (x, y) => Math.min(...shapes.map((s) => s.distance(x, y))),
  };
}

function intersection(a: Shape, b: Shape): Shape {
  return {
    box: {
      x0: Math.max(a.box.x0, b.box.x0),
      y0: Math.max(a.box.y0, b.box.y0),
      x1: Math.min(a.box.x1, b.box.x1),
      y1: Math.min(a.box.y1, b.box.y1),
    },
    distance: (x, y) => Math.max(a.distance(x, y), b.distance(x, y)),
  };
}

/** Points along a circle, angles in degrees, y pointing down (90° is straight below the centre). */
function arc(center: Point, radius: number, fromDegrees: number, toDegrees: number): Point[] {
  const steps = Math.max(4, Math.ceil(Math.abs(toDegrees - fromDegrees) / 6));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = ((fromDegrees + ((toDegrees - fromDegrees) * i) / steps) * Math.PI) / 180;
    return [center[0] + radius * Math.cos(angle), center[1] + radius * Math.sin(angle)] as const;
  });
}

/** A leaf: the lens between two discs through `tip` and `base`. */
function leaf(base: Point, tip: Point): Shape {
  const length = Math.hypot(tip[0] - base[0], tip[1] - base[1]);
  const radius = length * 0.75;
  const offset = Math.sqrt(radius * radius - (length / 2) ** 2);
  const mid: Point = [(base[0] + tip[0]) / 2, (base[1] + tip[1]) / 2];
  const normal: Point = [-(tip[1] - base[1]) / length, (tip[0] - base[0]) / length];
  return intersection(
    disc([mid[0] + normal[0] * offset, mid[1] + normal[1] * offset], radius),
    disc([mid[0] - normal[0] * offset, mid[1] - normal[1] * offset], radius),
  );
}

/**
 * The stroke font: each glyph as polylines (and dots) in a 6 × 10 box, y down, drawn with a pen
 * 1.3 units wide.
 */
interface GlyphOutline {
  readonly lines: readonly (readonly Point[])[];
  readonly dots: readonly Point[];
}

const glyphBox = { width: 6, height: 10 } as const;
const glyphHalfPen = 0.65;

const glyphs: Readonly<Record<TileGlyph, GlyphOutline>> = {
  '1': {
    lines: [
      [
        [1.4, 2.0],
        [3.6, 0],
        [3.6, 10],
      ],
    ],
    dots: [],
  },
  '2': { lines: [[...arc([3, 3], 2.8, 200, 385), [0.3, 10], [5.9, 10]]], dots: [] },
  '3': { lines: [[...arc([3, 2.65], 2.5, 205, 460), ...arc([3, 7.45], 2.6, 260, 515)]], dots: [] },
  '4': {
    lines: [
      [
        [4.5, 10],
        [4.5, 0],
        [0.2, 7.2],
        [6, 7.2],
      ],
    ],
    dots: [],
  },
  '5': { lines: [[[5.6, 0], [1.3, 0], [0.95, 4.7], ...arc([3, 6.95], 3.05, 228, 510)]], dots: [] },
  '?': { lines: [[...arc([3, 2.9], 2.6, 190, 400), [3, 6.2], [3, 7.3]]], dots: [[3, 9.55]] },
};

/** The glyph scaled so that its box is `height` pixels tall, its box centred on `center`. */
function glyphShape(glyph: TileGlyph, center: Point, height: number): Shape {
  const scale = height / glyphBox.height;
  const place = ([x, y]: Point): Point => [
    center[0] + (x - glyphBox.width / 2) * scale,
    center[1] + (y - glyphBox.height / 2) * scale,
  ];
  const outline = glyphs[glyph];
  const lines = outline.lines.map((line) => line.map(place));
  const shapes = [
    strokes(lines, glyphHalfPen * scale),
    ...outline.dots.map((dot) => disc(place(dot), glyphHalfPen * 1.3 * scale)),
  ];
  return shapes.length === 1 ? (shapes[0] as Shape) : union(...shapes);
}

/** A paint step: a shape in a colour. Icons cut holes by painting the tile colour over the icon. */
interface Paint {
  readonly shape: Shape;
  readonly color: 'foreground' | 'background';
}

/** The icon of a tile, about 2r wide, centred on `c`. */
function iconPaints(icon: TileIcon, c: Point, r: number): Paint[] {
  const at = (dx: number, dy: number): Point => [c[0] + dx * r, c[1] + dy * r];
  const pen = r * 0.12;
  const fg = (shape: Shape): Paint => ({ shape, color: 'foreground' });
  const bg = (shape: Shape): Paint => ({ shape, color: 'background' });
  switch (icon) {
    case 'check':
      return [fg(ring(c, r * 0.9, pen)), fg(strokes([[at(-0.42, 0.02), at(-0.1, 0.36), at(0.46, -0.32)]], pen * 1.25))];
    case 'rings':
      return [fg(union(ring(at(-0.42, 0), r * 0.56, pen), ring(at(0.42, 0), r * 0.56, pen)))];
    case 'smile':
      return [
        fg(disc(c, r * 0.95)),
        bg(disc(at(-0.33, -0.22), r * 0.12)),
        bg(disc(at(0.33, -0.22), r * 0.12)),
        bg(strokes([arc(at(0, 0.02), r * 0.52, 25, 155)], pen * 0.8)),
      ];
    case 'sprout':
      return [
        fg(
          union(
            strokes(
              [
                [at(0, 0.9), at(0, -0.05)],
                [at(-0.7, 0.9), at(0.7, 0.9)],
              ],
              pen,
            ),
            leaf(at(0, 0), at(-0.9, -0.62)),
            leaf(at(0, -0.12), at(0.85, -0.95)),
          ),
        ),
      ];
    case 'star': {
      const points = Array.from({ length: 10 }, (_, i) => {
        const radius = i % 2 === 0 ? r : r * 0.42;
        const angle = ((-90 + i * 36) * Math.PI) / 180;
        return [c[0] + radius * Math.cos(angle), c[1] + 0.06 * r + radius * Math.sin(angle)] as const;
      });
      return [fg(polygon(points))];
    }
    case 'bubble':
      return [
        fg(
          union(
            roundedRect(at(0, -0.12), r * 1.1, r * 0.7, r * 0.32),
            polygon([at(-0.6, 0.4), at(-0.15, 0.4), at(-0.72, 0.95)]),
          ),
        ),
        bg(disc(at(-0.5, -0.12), r * 0.13)),
        bg(disc(at(0, -0.12), r * 0.13)),
        bg(disc(at(0.5, -0.12), r * 0.13)),
      ];
  }
}

/** An RGB raster. */
class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = Buffer.alloc(width * height * 3);
  }

  fillRect(b: Bounds, color: Rgb): void {
    const x0 = Math.max(0, b.x);
    const x1 = Math.min(this.width, b.x + b.width);
    for (let y = Math.max(0, b.y); y < Math.min(this.height, b.y + b.height); y++) {
      for (let x = x0; x < x1; x++) this.pixels.set(color, (y * this.width + x) * 3);
    }
  }

  /** Blends `color` over the pixels the shape covers, limited to `clip`. */
  paint(shape: Shape, color: Rgb, clip: Bounds): void {
    const x0 = Math.max(clip.x, Math.floor(shape.box.x0));
    const y0 = Math.max(clip.y, Math.floor(shape.box.y0));
    const x1 = Math.min(clip.x + clip.width, Math.ceil(shape.box.x1));
    const y1 = Math.min(clip.y + clip.height, Math.ceil(shape.box.y1));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const coverage = Math.min(1, Math.max(0, 0.5 - shape.distance(x + 0.5, y + 0.5)));
        if (coverage === 0) continue;
        const i = (y * this.width + x) * 3;
        for (let k = 0; k < 3; k++) {
          const under = this.pixels[i + k] as number;
          this.pixels[i + k] = Math.round(under + ((color[k] as number) - under) * coverage);
        }
      }
    }
  }

  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    for (let p = 0, q = 0; p < this.pixels.length; p += 3, q += 4) {
      png.data[q] = this.pixels[p] as number;
      png.data[q + 1] = this.pixels[p + 1] as number;
      png.data[q + 2] = this.pixels[p + 2] as number;
      png.data[q + 3] = 255;
    }
    return PNG.sync.write(png, { colorType: 2 });
  }
}

/** Where the tiles meet: a thin line of this colour, half on each side. */
const seamColor: Rgb = [255, 255, 255];
const seamHalfWidth = 3;

function drawTile(canvas: Canvas, tile: RichMenuTile): void {
  const { bounds: b } = tile;
  const background = parseHexColor(tile.background);
  const colors = { background, foreground: parseHexColor(tile.foreground) };
  canvas.fillRect(b, background);

  const unit = Math.min(b.width, b.height);
  const centerX = b.x + b.width / 2;
  const glyphHeight = unit * 0.44;
  const glyphCenter: Point = [centerX, b.y + b.height * 0.33];
  canvas.paint(glyphShape(tile.glyph, glyphCenter, glyphHeight), colors.foreground, b);
  const iconCenter: Point = [centerX, b.y + b.height * 0.8];
  for (const { shape, color } of iconPaints(tile.icon, iconCenter, unit * 0.13)) canvas.paint(shape, colors[color], b);
}

function drawSeams(canvas: Canvas, design: RichMenuDesign): void {
  // Each inner edge is the left or top edge of some tile.
  for (const { x, y, width: w, height: h } of design.tiles.map((t) => t.bounds)) {
    if (x > 0) canvas.fillRect({ x: x - seamHalfWidth, y, width: seamHalfWidth * 2, height: h }, seamColor);
    if (y > 0) canvas.fillRect({ x, y: y - seamHalfWidth, width: w, height: seamHalfWidth * 2 }, seamColor);
  }
}

/** The menu's picture: a PNG of exactly `design.size`. */
export function renderRichMenuImage(design: RichMenuDesign): Buffer {
  const canvas = new Canvas(design.size.width, design.size.height);
  for (const tile of design.tiles) drawTile(canvas, tile);
  drawSeams(canvas, design);
  return canvas.toPng();
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 24) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buffer.subarray(0, 8).equals(pngSignature) || buffer.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
