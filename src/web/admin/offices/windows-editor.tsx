/**
 * An office's windows: number, label and what each handles (service and category codes; none — every
 * service). Saved as a whole (PUT …/windows); errors like `windows.1.number` appear at that row's field.
 */
import { type FormEvent, useState } from 'react';
import type { AdminOffice } from '../../../shared/network.admin.js';
import { useT } from '../../app/i18n/index.js';
import { adminApi } from '../api.js';
import { ErrorSummary, TextField } from '../components/fields.js';
import { ListEditor } from '../components/list-editor.js';
import { SubmitStatus, useSubmit } from '../components/use-submit.js';

type Row = { number: string; label: string; services: string; categories: string };
const codes = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);

export function WindowsEditor({
  office,
  onSaved,
}: {
  office: AdminOffice;
  /** After a save (the cache already holds the answer). */
  onSaved?: (office: AdminOffice) => void;
}) {
  const { t } = useT();
  const [rows, setRows] = useState<Row[]>(() =>
    office.windows.map((w) => ({
      number: String(w.number),
      label: w.label,
      services: w.serviceCodes.join(', '),
      categories: w.categoryCodes.join(', '),
    })),
  );
  const save = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const windows = rows.map((r) => ({
      number: Number(r.number),
      label: r.label,
      serviceCodes: codes(r.services),
      categoryCodes: codes(r.categories),
    }));
    save.run(() => adminApi.setWindows(office.code, windows), onSaved);
  };
  const rowLabel = (r: Row, i: number) => t('admin.windowN', { n: r.number || String(i + 1) });
  return (
    <form onSubmit={submit} noValidate className="admin-form" data-testid="windows-editor">
      <ErrorSummary
        form="windows"
        errors={save.errors}
        label={(path) => {
          const [, index] = path.split('.');
          return rows[Number(index)] ? rowLabel(rows[Number(index)], Number(index)) : path;
        }}
      />
      <ListEditor
        title={t('office.windows')}
        items={rows}
        onChange={setRows}
        addLabel={t('admin.addWindow')}
        create={() => ({
          number: String(Math.max(0, ...rows.map((r) => Number(r.number) || 0)) + 1),
          label: '',
          services: '',
          categories: '',
        })}
        itemLabel={rowLabel}
        render={(row, i, update) => (
          <>
            <TextField
              form="windows"
              path={`windows.${i}.number`}
              label={t('admin.windowNumber')}
              type="number"
              min={1}
              value={row.number}
              errors={save.errors}
              onChange={(v) => update({ ...row, number: v })}
            />
            <TextField
              form="windows"
              path={`windows.${i}.label`}
              label={t('admin.windowLabel')}
              value={row.label}
              errors={save.errors}
              onChange={(v) => update({ ...row, label: v })}
            />
            <TextField
              form="windows"
              path={`windows.${i}.serviceCodes`}
              label={t('admin.windowServices')}
              hint={t('admin.codesHint')}
              value={row.services}
              errors={save.errors}
              onChange={(v) => update({ ...row, services: v })}
            />
            <TextField
              form="windows"
              path={`windows.${i}.categoryCodes`}
              label={t('admin.windowCategories')}
              hint={t('admin.codesHint')}
              value={row.categories}
              errors={save.errors}
              onChange={(v) => update({ ...row, categories: v })}
            />
          </>
        )}
      />
      <SubmitStatus state={save} testId="windows-status" />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('admin.saveWindows')}
      </button>
    </form>
  );
}
