// @vitest-environment jsdom
// The app's pictures: every file packaging and the UI expect exists, SVGs are small, self-contained and safe,
// PNGs and ICOs have the sizes each OS asks for, and macOS template images are black + alpha only.
// jsdom is only here for its strict XML parser (DOMParser); the PNG and ICO checks are plain Node.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePng, readIcoDirectory, readPngHeader, type RgbaImage } from './image-formats';

// A string, not new URL(): under jsdom the global URL is jsdom's, which node:url does not accept.
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '../../../assets/');
const read = (relative: string): Buffer => readFileSync(ASSETS + relative);

const ILLUSTRATIONS = ['no-bots', 'bot-back', 'something-wrong'].map((name) => `illustrations/${name}.svg`);
const TRAY_STATES = ['ok', 'expiring', 'dead', 'unknown'] as const;
const TRAY_SVGS = TRAY_STATES.flatMap((s) => [`tray/${s}.svg`, `tray/${s}Template.svg`]);
const APP_ICON_SVGS = ['icon.svg', 'icons/icon-small.svg'];
const ALL_SVGS = [...ILLUSTRATIONS, ...TRAY_SVGS, ...APP_ICON_SVGS];

const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];
const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const TRAY_ICO_SIZES = [16, 24, 32, 48];

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

function parseSvg(relative: string): Document {
  return new DOMParser().parseFromString(read(relative).toString('utf8'), 'image/svg+xml');
}

function allElements(doc: Document): Element[] {
  return [doc.documentElement, ...Array.from(doc.documentElement.querySelectorAll('*'))];
}

describe('asset files', () => {
  it('has every file packaging, the tray and the app expect', () => {
    const expected = [
      ...ALL_SVGS,
      'icon.png',
      'icon.ico',
      'README.md',
      'build-icons.sh',
      ...LINUX_ICON_SIZES.map((s) => `icons/${s}x${s}.png`),
      ...TRAY_STATES.flatMap((s) => [
        `tray/${s}.png`,
        `tray/${s}@2x.png`,
        `tray/${s}.ico`,
        `tray/${s}Template.png`,
        `tray/${s}Template@2x.png`,
      ]),
    ];
    const missing = expected.filter((file) => {
      try {
        read(file);
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('keeps the Linux icon folder to <size>x<size>.png files plus the small-size source', () => {
    // electron-builder reads every NxN.png in the folder as one size of the icon set.
    const names = readdirSync(ASSETS + 'icons').sort();
    expect(names).toEqual([...LINUX_ICON_SIZES.map((s) => `${s}x${s}.png`), 'icon-small.svg'].sort());
  });
});

describe.each(ALL_SVGS)('%s', (file) => {
  const text = read(file).toString('utf8');
  const doc = parseSvg(file);
  const root = doc.documentElement;

  it('is well-formed SVG with a viewBox and no fixed size, so it scales', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('viewBox')).toMatch(/^\s*-?[\d.]+[\s,]+-?[\d.]+[\s,]+[\d.]+[\s,]+[\d.]+\s*$/);
    expect(root.hasAttribute('width')).toBe(false);
    expect(root.hasAttribute('height')).toBe(false);
  });

  it('is under 8 KB', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(8 * 1024);
  });

  it('has no script, event handler, foreign content or embedded raster', () => {
    const elements = allElements(doc);
    const names = elements.map((e) => e.localName.toLowerCase());
    for (const forbidden of ['script', 'foreignobject', 'image', 'iframe', 'style']) {
      expect(names).not.toContain(forbidden);
    }
    const handlers = elements.flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)));
    expect(handlers.map((a) => a.name)).toEqual([]);
    expect(text).not.toMatch(/data:/i);
    expect(text).not.toMatch(/@import/i);
  });

  it('refers only to its own elements (no external href or url())', () => {
    for (const element of allElements(doc)) {
      const hrefs = [element.getAttribute('href'), element.getAttributeNS(XLINK_NS, 'href')];
      for (const href of hrefs) if (href !== null) expect(href).toMatch(/^#[\w-]+$/);
      for (const attribute of Array.from(element.attributes)) {
        for (const [, target] of attribute.value.matchAll(/url\(\s*['"]?([^'")]*)/g)) {
          expect(target).toMatch(/^#[\w-]+$/);
          expect(doc.getElementById(target!.slice(1)), `${target} is defined`).not.toBeNull();
        }
      }
    }
  });

  it('is wordless: words belong in the locale files', () => {
    expect(root.querySelectorAll('text, tspan, textPath')).toHaveLength(0);
  });
});

describe('app icon', () => {
  it('is 1024 × 1024 for electron-builder (it makes the macOS .icns from it)', () => {
    expect(readPngHeader(read('icon.png'))).toMatchObject({ width: 1024, height: 1024 });
  });

  it.each(LINUX_ICON_SIZES)('has the %i px PNG of the Linux icon set', (size) => {
    expect(readPngHeader(read(`icons/${size}x${size}.png`))).toMatchObject({ width: size, height: size });
  });

  it('has a Windows .ico with every size from 16 to 256, each with alpha', () => {
    const entries = readIcoDirectory(read('icon.ico'));
    expect(entries.map((e) => [e.width, e.height])).toEqual(APP_ICO_SIZES.map((s) => [s, s]));
    for (const e of entries) expect(e.bitsPerPixel).toBe(32);
  });
});

describe.each(TRAY_STATES)('tray icon "%s"', (state) => {
  it('has 16 px and 32 px (@2x) colour PNGs', () => {
    expect(readPngHeader(read(`tray/${state}.png`))).toMatchObject({ width: 16, height: 16 });
    expect(readPngHeader(read(`tray/${state}@2x.png`))).toMatchObject({ width: 32, height: 32 });
  });

  it('has a Windows .ico with 16, 24, 32 and 48 px, each with alpha', () => {
    const entries = readIcoDirectory(read(`tray/${state}.ico`));
    expect(entries.map((e) => [e.width, e.height])).toEqual(TRAY_ICO_SIZES.map((s) => [s, s]));
    for (const e of entries) expect(e.bitsPerPixel).toBe(32);
  });

  it.each([
    [`${state}Template.png`, 16],
    [`${state}Template@2x.png`, 32],
  ])('has the macOS template %s: %i px, black + alpha only, not empty', (name, size) => {
    const image = decodePng(read(`tray/${name}`));
    expect([image.width, image.height]).toEqual([size, size]);
    let opaque = 0;
    let clear = 0;
    for (let i = 0; i < image.pixels.length; i += 4) {
      const [r, g, b, a] = image.pixels.subarray(i, i + 4);
      if (a! > 0) expect([r, g, b], `pixel ${i / 4}`).toEqual([0, 0, 0]);
      if (a === 255) opaque++;
      if (a === 0) clear++;
    }
    expect(opaque).toBeGreaterThan(size * size * 0.15);
    expect(clear).toBeGreaterThan(size * size * 0.15);
  });
});

describe('tray states', () => {
  // Template images cannot use colour, so each state must differ in shape — which also helps colour-blind users.
  // Template: the shape is the opaque part. Colour: the bubble is opaque in every state, the glyph is the light part.
  const shape = (image: RgbaImage, template: boolean): boolean[] => {
    const marks: boolean[] = [];
    for (let i = 0; i < image.pixels.length; i += 4) {
      const p = image.pixels;
      const luminance = 0.299 * p[i]! + 0.587 * p[i + 1]! + 0.114 * p[i + 2]!;
      marks.push(p[i + 3]! > 128 && (template || luminance > 170));
    }
    return marks;
  };
  const differingPixels = (a: boolean[], b: boolean[]): number => a.filter((mark, i) => mark !== b[i]).length;

  it.each(['Template.png', 'Template@2x.png', '.png', '@2x.png'])('have clearly different shapes (%s)', (suffix) => {
    const images = TRAY_STATES.map((s) => decodePng(read(`tray/${s}${suffix}`)));
    const size = images[0]!.width;
    const shapes = images.map((image) => shape(image, suffix.startsWith('Template')));
    for (let i = 0; i < shapes.length; i++) {
      for (let j = i + 1; j < shapes.length; j++) {
        expect(differingPixels(shapes[i]!, shapes[j]!), `${TRAY_STATES[i]} vs ${TRAY_STATES[j]}`).toBeGreaterThanOrEqual(
          (size * size) / 32,
        );
      }
    }
  });
});
