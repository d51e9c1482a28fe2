import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * DejaVu Sans, regular and bold, from the npm package dejavu-fonts-ttf: the PDF's text is Cyrillic and a
 * server has no system fonts to count on, so the fonts come with okno's own dependencies. Read and parsed
 * once per process and shared by every document: parsing two 700 KB fonts per PDF doubled its time and
 * its memory. Sharing is safe — a document is laid out and its font subsets written synchronously.
 */
export type PdfFonts = { regular: fontkit.Font; bold: fontkit.Font };

const fontPackage = 'dejavu-fonts-ttf';
const files = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let loaded: PdfFonts | undefined;

/** The fonts, or an error that says which file is missing and how to get it back. */
export function pdfFonts(): PdfFonts {
  loaded ??= { regular: parseFont(files.regular), bold: parseFont(files.bold) };
  return loaded;
}

function parseFont(file: string): fontkit.Font {
  const font = fontkit.create(readFont(file));
  if (!('layout' in font)) throw new Error(`the PDF font ${file} is a collection, not one font`);
  // fontkit keeps each glyph it meets, with the characters it was met for — and a glyph first met as a
  // part of another (Cyrillic «о» is drawn from Latin «o») keeps none, so a later document's text layer
  // would lose that letter (copy, search, screen readers). Meeting every glyph by its character first
  // gives each its characters for good, whatever was printed before.
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

/**
 * That the font files are there, without reading them: a server checks it at start, so a missing package
 * stops it with the message below instead of failing its first PDF.
 */
export function checkPdfFonts(): void {
  for (const file of Object.values(files)) fontPath(file);
}

/** A font file of the package (another package only in tests of the message). */
export function readFont(file: string, fromPackage = fontPackage): Buffer {
  return readFileSync(fontPath(file, fromPackage));
}

function fontPath(file: string, fromPackage = fontPackage): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(`${fromPackage}/ttf/${file}`);
  } catch (cause) {
    throw new Error(
      `the PDF font ${file} was not found in node_modules/${fromPackage}/ttf: PDFs (booking slips, receipts) ` +
        `need it — run npm install (the package ${fromPackage} is a dependency of okno)`,
      { cause },
    );
  }
}
