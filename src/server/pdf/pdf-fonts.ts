import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans, regular and bold, from the npm package dejavu-fonts-ttf: the PDF's text is Cyrillic and a
 * server has no system fonts to count on, so the fonts come with okno's own dependencies. Read once.
 */
export type PdfFonts = { regular: Buffer; bold: Buffer };

const fontPackage = 'dejavu-fonts-ttf';
const files = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let loaded: PdfFonts | undefined;

/** The fonts, or an error that says which file is missing and how to get it back. */
export function pdfFonts(): PdfFonts {
  loaded ??= { regular: readFont(files.regular), bold: readFont(files.bold) };
  return loaded;
}

/** A font file of the package (another package only in tests of the message). */
export function readFont(file: string, fromPackage = fontPackage): Buffer {
  const require = createRequire(import.meta.url);
  try {
    return readFileSync(require.resolve(`${fromPackage}/ttf/${file}`));
  } catch (cause) {
    throw new Error(
      `the PDF font ${file} was not found in node_modules/${fromPackage}/ttf: PDFs (booking slips, receipts) ` +
        `need it — run npm install (the package ${fromPackage} is a dependency of okno)`,
      { cause },
    );
  }
}
