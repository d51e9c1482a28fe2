import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';
import { pdfFonts } from './pdf-fonts.js';

/**
 * A printable document described as data — a title, a big code, label/value lines, lists, a QR code, a
 * footer — laid out on an A4 or A6 page in DejaVu Sans (Cyrillic) and returned as the PDF's bytes. The
 * booking slip uses it, and the case receipt (issue 11) is meant to: neither draws on the page itself.
 * Equal descriptions give equal bytes (the creation date is given, the file id derives from it).
 */

export type PdfPageSize = 'A4' | 'A6';

export type PdfListItem = {
  text: string;
  /** Printed after the text in bold, e.g. "обязательно", "оригинал, 3 л.". */
  note?: string;
};

export type PdfBlock =
  /** The document's heading. */
  | { kind: 'title'; text: string }
  /** A code a person reads out or types (booking code, case number): big and bold under a small label. */
  | { kind: 'code'; label: string; value: string }
  /** A framed bold line for what changes the document's meaning (a cancelled booking). */
  | { kind: 'notice'; text: string }
  /** Label/value lines; a long value wraps in its own column. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** A bulleted list under a heading; `empty` is printed instead when there are no items. */
  | { kind: 'list'; heading: string; items: PdfListItem[]; empty?: string }
  /** A paragraph. */
  | { kind: 'text'; text: string }
  /** A QR code of `data` drawn as vector squares, with a caption (and smaller detail) beside it. */
  /** `aside`: a second, smaller code at the row's right end with its caption under it (the receipt's «Оцените»). */
  | {
      kind: 'qr';
      data: string;
      caption: string;
      detail?: string;
      aside?: { data: string; caption: string };
    };

export type PdfDocumentSpec = {
  page: PdfPageSize;
  /** The PDF's Title (shown by viewers in the window's title) and language. */
  title: string;
  lang: 'ru' | 'en';
  subject?: string;
  /** The PDF's creation date. The file's id is derived from it: no clock and no randomness inside. */
  createdAt: Date;
  blocks: PdfBlock[];
  /** A line at the bottom of every page (with "n/m" after it when there are several). */
  footer?: string;
};

type Layout = {
  margin: number;
  title: number;
  code: number;
  body: number;
  small: number;
  gap: number;
  labelWidth: number;
  qrSize: number;
};

const layouts: Record<PdfPageSize, Layout> = {
  A4: { margin: 56, title: 18, code: 32, body: 11, small: 8.5, gap: 12, labelWidth: 150, qrSize: 136 },
  A6: { margin: 20, title: 11, code: 20, body: 7.5, small: 6, gap: 6, labelWidth: 64, qrSize: 92 },
};

const regular = 'DejaVuSans';
const bold = 'DejaVuSans-Bold';
const ink = '#000000';
const muted = '#404040';
/** Modules of blank space around a QR code, as its standard asks. */
const qrQuietModules = 4;

/** The dark modules of a QR code of `data` (error correction M, the smallest version that fits). */
export function qrMatrix(data: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(data, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}

/**
 * The dark modules of each row joined into runs: one rectangle per run, [col, row, length] in modules. A
 * viewer fills them as one path, so neighbouring squares show no hairline seams.
 */
export function qrRuns(matrix: boolean[][]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  matrix.forEach((cells, row) => {
    let col = 0;
    while (col < cells.length) {
      if (!cells[col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < cells.length && cells[col]) col++;
      runs.push([start, row, col - start]);
    }
  });
  return runs;
}

const itemText = (item: PdfListItem) => (item.note ? `${item.text} — ${item.note}` : item.text);

export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const fonts = pdfFonts();
  const layout = layouts[spec.page];
  const footerHeight = spec.footer ? layout.small * 2.5 : 0;
  // PDFKit 0.20 takes parsed fontkit fonts (its types, @types/pdfkit 0.17, still say a path or bytes)
  const doc = new PDFDocument({
    size: spec.page,
    margins: {
      top: layout.margin,
      left: layout.margin,
      right: layout.margin,
      bottom: layout.margin + footerHeight,
    },
    info: {
      Title: spec.title,
      ...(spec.subject ? { Subject: spec.subject } : {}),
      Creator: 'okno',
      Producer: 'okno (PDFKit)',
      CreationDate: spec.createdAt,
    },
    lang: spec.lang === 'ru' ? 'ru-RU' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    // the first font is ours: PDFKit would otherwise load Helvetica's metrics for every document
    font: fonts.regular as unknown as string,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(regular, fonts.regular as unknown as Buffer);
  doc.registerFont(bold, fonts.bold as unknown as Buffer);

  const page = new PageWriter(doc, layout);
  for (const block of spec.blocks) page.block(block);
  if (spec.footer) page.footers(spec.footer);
  doc.end();
  return done;
}

class PageWriter {
  private first = true;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly layout: Layout,
  ) {}

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `height` fits below the cursor (a block is never split by a page break). */
  private room(height: number) {
    if (this.doc.y + height > this.bottom && this.doc.y > this.doc.page.margins.top) this.doc.addPage();
  }

  private height(text: string, font: string, size: number, width: number) {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width });
  }

  /**
   * The size at most `size` at which the text's longest word (a link) fits `width` unbroken — a link cut in two
   * lines cannot be typed — but never below two thirds of it.
   */
  private fittingSize(text: string, font: string, size: number, width: number) {
    this.doc.font(font).fontSize(size);
    const widest = Math.max(...text.split(/\s+/).map((word) => this.doc.widthOfString(word)));
    return widest <= width ? size : Math.max((size * 2) / 3, (size * width) / widest - 0.05);
  }

  private write(text: string, font: string, size: number, x: number, y: number, width: number, color = ink) {
    this.doc.font(font).fontSize(size).fillColor(color).text(text, x, y, { width });
  }

  block(block: PdfBlock) {
    const { layout, doc } = this;
    // the space before a block, never at the top of a page
    if (!this.first) doc.y += layout.gap;
    this.first = false;
    switch (block.kind) {
      case 'title': {
        this.room(this.height(block.text, bold, layout.title, this.width));
        this.write(block.text, bold, layout.title, this.left, doc.y, this.width);
        break;
      }
      case 'code': {
        const labelHeight = this.height(block.label, regular, layout.small, this.width);
        this.room(labelHeight + this.height(block.value, bold, layout.code, this.width));
        this.write(block.label, regular, layout.small, this.left, doc.y, this.width, muted);
        this.write(block.value, bold, layout.code, this.left, doc.y, this.width);
        break;
      }
      case 'notice': {
        const pad = layout.body * 0.6;
        const height = this.height(block.text, bold, layout.body, this.width - 2 * pad) + 2 * pad;
        this.room(height);
        const top = doc.y;
        doc.lineWidth(1.5).strokeColor(ink).rect(this.left, top, this.width, height).stroke();
        this.write(block.text, bold, layout.body, this.left + pad, top + pad, this.width - 2 * pad);
        doc.y = top + height;
        break;
      }
      case 'fields': {
        const valueX = this.left + layout.labelWidth + layout.gap;
        const valueWidth = this.width - layout.labelWidth - layout.gap;
        block.rows.forEach((row, i) => {
          const height = Math.max(
            this.height(row.label, regular, layout.body, layout.labelWidth),
            this.height(row.value, bold, layout.body, valueWidth),
          );
          if (i > 0) doc.y += layout.body * 0.4;
          this.room(height);
          const top = doc.y;
          this.write(row.label, regular, layout.body, this.left, top, layout.labelWidth, muted);
          this.write(row.value, bold, layout.body, valueX, top, valueWidth);
          doc.y = top + height;
        });
        break;
      }
      case 'list': {
        const indent = layout.body * 1.4;
        const first = block.items[0];
        const firstHeight = first
          ? this.height(itemText(first), regular, layout.body, this.width - indent)
          : block.empty
            ? this.height(block.empty, regular, layout.body, this.width)
            : 0;
        // the heading stays with the first item
        this.room(this.height(block.heading, bold, layout.body, this.width) + firstHeight);
        this.write(block.heading, bold, layout.body, this.left, doc.y, this.width);
        if (block.items.length) this.items(block.items, indent);
        else if (block.empty) this.paragraph(block.empty);
        break;
      }
      case 'text': {
        this.paragraph(block.text);
        break;
      }
      case 'qr':
        this.qr(block);
        break;
    }
  }

  private paragraph(text: string) {
    this.room(this.height(text, regular, this.layout.body, this.width));
    this.write(text, regular, this.layout.body, this.left, this.doc.y, this.width);
  }

  private items(items: PdfListItem[], indent: number) {
    const { doc, layout } = this;
    const width = this.width - indent;
    for (const item of items) {
      doc.y += layout.body * 0.3;
      // measured in bold, the wider of the two: the item never runs past the page
      this.room(this.height(itemText(item), bold, layout.body, width));
      const top = doc.y;
      this.write('•', regular, layout.body, this.left + layout.body * 0.3, top, indent);
      doc.font(regular).fontSize(layout.body).fillColor(ink);
      if (item.note) {
        doc.text(`${item.text} — `, this.left + indent, top, { width, continued: true });
        doc.font(bold).text(item.note);
      } else {
        doc.text(item.text, this.left + indent, top, { width });
      }
    }
  }

  private qr(block: Extract<PdfBlock, { kind: 'qr' }>) {
    const { doc, layout } = this;
    const size = layout.qrSize;
    // the aside's code and its caption take a column of their own at the right
    const asideSize = block.aside ? Math.round(size * 0.62) : 0;
    const asideColumn = block.aside ? asideSize + layout.gap : 0;
    const textX = this.left + size + layout.gap;
    const textWidth = this.width - size - layout.gap - asideColumn;
    const captionHeight = this.height(block.caption, bold, layout.body, textWidth);
    const detailSize = block.detail ? this.fittingSize(block.detail, regular, layout.small, textWidth) : 0;
    const detailHeight = block.detail ? this.height(block.detail, regular, detailSize, textWidth) : 0;
    const asideCaptionHeight = block.aside
      ? this.height(block.aside.caption, bold, layout.small, asideSize)
      : 0;
    const asideHeight = block.aside ? asideSize + layout.gap / 4 + asideCaptionHeight : 0;
    this.room(Math.max(size, captionHeight + detailHeight + layout.gap, asideHeight));
    const top = doc.y;
    const unit = this.drawQr(block.data, this.left, top, size);
    const textTop = top + qrQuietModules * unit;
    this.write(block.caption, bold, layout.body, textX, textTop, textWidth);
    if (block.detail)
      this.write(
        block.detail,
        regular,
        detailSize,
        textX,
        textTop + captionHeight + layout.gap / 2,
        textWidth,
        muted,
      );
    const textBottom = doc.y;
    if (block.aside) {
      const x = this.left + this.width - asideSize;
      this.drawQr(block.aside.data, x, top, asideSize);
      this.write(block.aside.caption, bold, layout.small, x, top + asideSize + layout.gap / 4, asideSize);
    }
    doc.y = Math.max(top + size, textBottom, block.aside ? doc.y : 0);
  }

  /** A QR code of `data` drawn `size` wide (its quiet zone included) at (x, y); returns its module's width. */
  private drawQr(data: string, x: number, y: number, size: number): number {
    const matrix = qrMatrix(data);
    const unit = size / (matrix.length + 2 * qrQuietModules);
    const origin = { x: x + qrQuietModules * unit, y: y + qrQuietModules * unit };
    for (const [col, row, length] of qrRuns(matrix))
      this.doc.rect(origin.x + col * unit, origin.y + row * unit, length * unit, unit);
    this.doc.fillColor(ink).fill();
    return unit;
  }

  /** The footer on every page, below the bottom margin the text keeps clear of it. */
  footers(text: string) {
    const { doc, layout } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const line = range.count > 1 ? `${text} · ${i - range.start + 1}/${range.count}` : text;
      const bottomMargin = doc.page.margins.bottom;
      // text below the bottom margin would start a new page: the margin is lifted while the footer is written
      doc.page.margins.bottom = 0;
      const y = doc.page.height - layout.margin - layout.small * 1.2;
      doc.lineWidth(0.5).strokeColor(muted);
      doc
        .moveTo(this.left, y - layout.small * 0.6)
        .lineTo(doc.page.width - doc.page.margins.right, y - layout.small * 0.6)
        .stroke();
      this.write(line, regular, layout.small, this.left, y, this.width, muted);
      doc.page.margins.bottom = bottomMargin;
    }
  }
}
