/**
 * The list parts of a service card: documents (name, required, original/copy, note), stages (code, title,
 * text for the citizen, notify, duration; reorderable), and plain text lists (results, refusal reasons,
 * aliases).
 */
import { useT } from '../../app/i18n/index.js';
import type { FieldErrors } from '../components/errors.js';
import { CheckField, ChoiceField, TextField } from '../components/fields.js';
import { ListEditor } from '../components/list-editor.js';
import type { DocumentDraft, StageDraft } from './service-draft.js';

const forms = ['original', 'copy', 'original_and_copy'] as const;

export function DocumentsEditor(props: {
  items: DocumentDraft[];
  onChange: (items: DocumentDraft[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const f = { form: 'service', errors: props.errors };
  return (
    <ListEditor
      title={t('admin.documents')}
      testId="documents-editor"
      items={props.items}
      onChange={props.onChange}
      reorder
      addLabel={t('admin.addDocument')}
      create={(): DocumentDraft => ({ name: '', required: true, form: 'original', note: '' })}
      itemLabel={(d, i) => t('admin.documentN', { n: i + 1, name: d.name })}
      render={(d, i, update) => (
        <>
          <TextField
            {...f}
            path={`documents.${i}.name`}
            label={t('admin.documentName')}
            value={d.name}
            onChange={(name) => update({ ...d, name })}
            required
          />
          <ChoiceField
            {...f}
            path={`documents.${i}.form`}
            label={t('admin.documentForm')}
            value={d.form}
            onChange={(form) => update({ ...d, form: form as DocumentDraft['form'] })}
            options={forms.map((value) => ({ value, label: t(`service.form.${value}`) }))}
          />
          <CheckField
            {...f}
            path={`documents.${i}.required`}
            label={t('admin.documentRequired')}
            checked={d.required}
            onChange={(required) => update({ ...d, required })}
          />
          <TextField
            {...f}
            path={`documents.${i}.note`}
            label={t('office.remark')}
            value={d.note}
            onChange={(note) => update({ ...d, note })}
          />
        </>
      )}
    />
  );
}

export function StagesEditor(props: {
  items: StageDraft[];
  onChange: (items: StageDraft[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const f = { form: 'service', errors: props.errors };
  return (
    <ListEditor
      title={t('admin.stages')}
      testId="stages-editor"
      items={props.items}
      onChange={props.onChange}
      reorder
      addLabel={t('admin.addStage')}
      create={() => ({ code: '', title: '', citizenText: '', notify: false, durationDays: '' })}
      itemLabel={(s, i) => t('admin.stageN', { n: i + 1, name: s.title })}
      render={(s, i, update) => (
        <>
          <TextField
            {...f}
            path={`stages.${i}.code`}
            label={t('admin.code')}
            hint={t('admin.codeHint')}
            value={s.code}
            onChange={(code) => update({ ...s, code })}
            required
          />
          <TextField
            {...f}
            path={`stages.${i}.title`}
            label={t('admin.stageTitle')}
            value={s.title}
            onChange={(title) => update({ ...s, title })}
            required
          />
          <TextField
            {...f}
            path={`stages.${i}.citizenText`}
            multiline
            rows={2}
            label={t('admin.citizenText')}
            value={s.citizenText}
            onChange={(citizenText) => update({ ...s, citizenText })}
            required
          />
          <TextField
            {...f}
            path={`stages.${i}.durationDays`}
            type="number"
            min={0}
            label={t('admin.durationDays')}
            value={s.durationDays}
            onChange={(durationDays) => update({ ...s, durationDays })}
          />
          <CheckField
            {...f}
            path={`stages.${i}.notify`}
            label={t('admin.notify')}
            checked={s.notify}
            onChange={(notify) => update({ ...s, notify })}
          />
        </>
      )}
    />
  );
}

export function TextListEditor(props: {
  name: 'results' | 'refusalReasons' | 'aliases';
  title: string;
  itemName: string;
  items: string[];
  onChange: (items: string[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  return (
    <ListEditor
      title={props.title}
      items={props.items}
      onChange={props.onChange}
      create={() => ''}
      itemLabel={(_, i) => `${props.itemName} ${i + 1}`}
      render={(value, i, update) => (
        <TextField
          form="service"
          path={`${props.name}.${i}`}
          label={t('admin.text')}
          multiline={props.name !== 'aliases'}
          rows={2}
          value={value}
          errors={props.errors}
          onChange={update}
        />
      )}
    />
  );
}
