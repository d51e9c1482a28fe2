/** A minimal XLSX workbook of one sheet (placeholder until the writer lands). */
export function xlsxOf(_sheetName: string, _header: string[], _rows: (string | number | null)[][]): Buffer {
  throw new Error('xlsx export is not built yet');
}
