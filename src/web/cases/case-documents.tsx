/**
 * The case's documents: each with its form, pages, when it was added and its scan (opened in a new tab:
 * the server logs the view); a replaced one stays, marked «заменён» with the date. «Добавить документ» and
 * «Заменить» open one form: name, form, pages and an optional scan (PDF, JPEG or PNG up to 5 MB, sent as
 * base64 in the JSON body).
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Case, CaseDocument } from '../../shared/cases.js';
import { fieldId } from '../admin/components/errors.js';
import { ChoiceField, TextField } from '../admin/components/fields.js';
import { TableScroll } from '../admin/components/list-page.js';
import { CaseError, type CaseWords } from './case-words.js';
import { type CaseDocumentAddBody, caseLinks, casesApi } from './cases-api.js';

const scanTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
type ScanType = (typeof scanTypes)[number];
const maxScanBytes = 5 * 1024 * 1024;

/** A file's bytes as base64 (what caseDocumentAddSchema's `scan.data` takes). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function CaseDocuments({ c, w }: { c: Case; w: CaseWords }) {
  const { t } = w;
  // null: closed; '': a new document; an id: the document being replaced
  const [editing, setEditing] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const replacing = editing ? c.documents.find((d) => d.id === editing) : undefined;
  return (
    <section aria-labelledby="case-docs" className="case-box" data-testid="case-documents">
      <h2 id="case-docs">{t('cases.docs.title')}</h2>
      <p role="status" className={said ? 'notice notice-ok' : undefined}>
        {said}
      </p>
      {c.documents.length === 0 ? (
        <p className="muted">{t('cases.docs.none')}</p>
      ) : (
        <TableScroll label={t('cases.docs.title')}>
          <table className="admin-table case-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.docs.name')}</th>
                <th scope="col">{t('cases.docs.form')}</th>
                <th scope="col">{t('cases.docs.pages')}</th>
                <th scope="col">{t('cases.docs.added')}</th>
                <th scope="col">{t('cases.docs.scan')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('cases.docs.replace')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {c.documents.map((d) => (
                <DocumentRow key={d.id} c={c} d={d} w={w} onReplace={() => setEditing(d.id)} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editing === null ? (
        !c.final && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaid('');
              setEditing('');
            }}
            data-testid="case-doc-add"
          >
            {t('cases.docs.add')}
          </button>
        )
      ) : (
        <DocumentForm
          key={editing}
          c={c}
          w={w}
          replacing={replacing}
          onClose={(added) => {
            setEditing(null);
            if (added) setSaid(t('cases.docs.done'));
          }}
        />
      )}
    </section>
  );
}

function DocumentRow({
  c,
  d,
  w,
  onReplace,
}: {
  c: Case;
  d: CaseDocument;
  w: CaseWords;
  onReplace: () => void;
}) {
  const { t } = w;
  return (
    <tr className={d.replacedAt ? 'case-doc-replaced' : undefined} data-testid="case-document">
      <th scope="row">
        {d.name}
        {d.replaces && <span className="badge badge-neutral case-badge">{t('cases.docs.replacement')}</span>}
        {d.replacedAt && (
          <span className="case-doc-note" data-testid="case-document-replaced">
            {' '}
            ({t('cases.docs.replaced', { date: w.dayOf(d.replacedAt) })})
          </span>
        )}
      </th>
      <td>{w.form(d.form)}</td>
      <td>{d.pages ?? '—'}</td>
      <td>{w.at(d.addedAt)}</td>
      <td>
        {d.hasScan ? (
          <a href={caseLinks.scan(c.id, d.id)} target="_blank" rel="noopener">
            {t('cases.docs.openScan')}
          </a>
        ) : (
          t('cases.docs.noScan')
        )}
      </td>
      <td>
        {!d.replacedAt && !c.final && (
          <button
            type="button"
            className="button button-small"
            onClick={onReplace}
            aria-label={`${t('cases.docs.replace')}: ${d.name}`}
          >
            {t('cases.docs.replace')}
          </button>
        )}
      </td>
    </tr>
  );
}

function DocumentForm({
  c,
  w,
  replacing,
  onClose,
}: {
  c: Case;
  w: CaseWords;
  replacing?: CaseDocument;
  onClose: (added: boolean) => void;
}) {
  const { t } = w;
  const id = useId();
  const [name, setName] = useState(replacing?.name ?? '');
  const [form, setForm] = useState<'original' | 'copy'>(replacing?.form ?? 'original');
  const [pages, setPages] = useState(replacing?.pages ? String(replacing.pages) : '');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: CaseDocumentAddBody) => casesApi.addDocument(c.id, body),
    onSuccess: () => onClose(true),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('err.required');
    const count = pages.trim() === '' ? undefined : Number(pages);
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) found.pages = t('err.integer');
    if (file && !scanTypes.includes(file.type as ScanType)) found.scan = t('cases.docs.fileType');
    else if (file && file.size > maxScanBytes) found.scan = t('cases.docs.fileTooBig');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate({
      name: name.trim(),
      form,
      pages: count,
      replaces: replacing?.id,
      scan: file ? { contentType: file.type as ScanType, data: await base64Of(file) } : undefined,
    });
  };
  const scanId = fieldId(id, 'scan');
  return (
    <form
      className="case-subform"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="case-doc-form"
    >
      <h3 id={`${id}-title`}>
        {replacing ? t('cases.docs.replacing', { name: replacing.name }) : t('cases.docs.add')}
      </h3>
      <TextField
        form={id}
        path="name"
        label={t('cases.docs.name')}
        value={name}
        onChange={setName}
        errors={errors}
      />
      <div className="case-grid">
        <ChoiceField
          form={id}
          path="form"
          label={t('cases.docs.form')}
          value={form}
          onChange={(value) => setForm(value === 'copy' ? 'copy' : 'original')}
          options={(['original', 'copy'] as const).map((value) => ({ value, label: w.form(value) }))}
        />
        <TextField
          form={id}
          path="pages"
          type="number"
          min={1}
          label={t('cases.docs.pages')}
          value={pages}
          onChange={setPages}
          errors={errors}
        />
      </div>
      <div className={`field ${errors.scan ? 'field-invalid' : ''}`}>
        <label htmlFor={scanId}>{t('cases.docs.file')}</label>
        <input
          id={scanId}
          type="file"
          accept={scanTypes.join(',')}
          aria-invalid={errors.scan ? true : undefined}
          aria-describedby={errors.scan ? `${scanId}-error` : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {errors.scan && (
          <p className="field-error" id={`${scanId}-error`}>
            {errors.scan}
          </p>
        )}
      </div>
      <CaseError error={add.error} testId="case-doc-error" />
      <p className="case-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={add.isPending}
          data-testid="case-doc-submit"
        >
          {t('cases.docs.submit')}
        </button>
        <button type="button" className="button" onClick={() => onClose(false)}>
          {t('cases.docs.cancel')}
        </button>
      </p>
    </form>
  );
}
