import { inflateSync } from 'node:zlib';

/**
 * Reading okno's PDFs back in tests: the text as a reader's viewer extracts it (pdfjs-dist, its legacy
 * build for Node), the document's metadata, and the drawing operators of each page's content.
 */

export type PdfRead = {
  pages: number;
  /** Each page's text, lines joined with '\n'. */
  text: string[];
  /** Each page's size in points. */
  sizes: { width: number; height: number }[];
  info: Record<string, unknown>;
};

export async function readPdf(pdf: Uint8Array): Promise<PdfRead> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const text: string[] = [];
    const sizes: PdfRead['sizes'] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      sizes.push({ width, height });
      const content = await page.getTextContent();
      text.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .trim(),
      );
    }
    const { info } = await doc.getMetadata();
    return { pages: doc.numPages, text, sizes, info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

/**
 * The content streams of the pages, inflated, in page order: enough of PDF's syntax for PDFKit's output
 * (`N 0 obj << … >> stream … endstream`, page objects naming `/Contents N 0 R`).
 */
export function pageContents(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams = new Map<number, string>();
  const pages: number[] = [];
  const object = /(\d+) 0 obj\s*<<([\s\S]*?)>>\s*(stream\r?\n)?/g;
  for (let m = object.exec(raw); m; m = object.exec(raw)) {
    const id = Number(m[1]);
    const dict = m[2];
    if (/\/Type \/Page\b/.test(dict)) {
      const contents = /\/Contents (\d+) 0 R/.exec(dict);
      if (contents) pages.push(Number(contents[1]));
    }
    if (m[3]) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const start = m.index + m[0].length;
      const data = pdf.subarray(start, start + length);
      streams.set(id, (/\/FlateDecode/.test(dict) ? inflateSync(data) : data).toString('latin1'));
    }
  }
  return pages.map((id) => streams.get(id) ?? '');
}

/** The rectangles (`x y w h re`) of a content stream, as written. */
export function rectangles(content: string): [number, number, number, number][] {
  return [...content.matchAll(/^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/gm)].map(
    (m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number],
  );
}
