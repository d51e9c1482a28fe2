import type { FastifyReply } from 'fastify';
import type { ExportFormat } from '../../shared/ratings.js';
import { csvOf } from './csv.js';
import { xlsxOf } from './xlsx.js';

export type Table = { name: string; header: string[]; rows: (string | number | null)[][] };

/**
 * Answers a table as a download (`format=csv` or `xlsx`), named `<name>.<ext>`; returns false for json so the
 * route answers its own schema.
 */
export function sendTable(reply: FastifyReply, format: ExportFormat, table: () => Table): boolean {
  if (format === 'json') return false;
  const t = table();
  const file = `${t.name}.${format}`;
  reply.header('content-disposition', `attachment; filename="${file}"`);
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8').send(csvOf(t.header, t.rows));
  } else {
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(xlsxOf(t.name.slice(0, 31), t.header, t.rows));
  }
  return true;
}
