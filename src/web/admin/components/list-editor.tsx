/**
 * Editor of a list of rows (documents, stages, windows, strings…): each row is a fieldset whose legend
 * names it, with «Выше» / «Ниже» (when `reorder`) and «Удалить»; «Добавить» appends `create()`.
 *   <ListEditor title={t('…')} items={docs} onChange={setDocs} create={() => ({ … })}
 *     itemLabel={(d, i) => …} render={(d, i, update) => <TextField … onChange={(v) => update({ ...d, name: v })} />} />
 */
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n/index.js';

export function ListEditor<T>(props: {
  title: string;
  items: T[];
  onChange: (items: T[]) => void;
  create: () => T;
  itemLabel: (item: T, index: number) => string;
  render: (item: T, index: number, update: (item: T) => void) => ReactNode;
  reorder?: boolean;
  addLabel?: string;
  testId?: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useT();
  const { items, onChange } = props;
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="list-editor" data-testid={props.testId} aria-label={props.title}>
      <Heading>{props.title}</Heading>
      {items.length === 0 && <p className="muted">{t('admin.listEmpty')}</p>}
      <ol className="list-editor-rows">
        {items.map((item, index) => {
          const label = props.itemLabel(item, index);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <li key={index} className="list-editor-row">
              <fieldset>
                <legend>{label}</legend>
                <div className="list-editor-fields">
                  {props.render(item, index, (next) =>
                    onChange(items.map((old, i) => (i === index ? next : old))),
                  )}
                </div>
                <div className="row-actions">
                  {props.reorder && (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={index === 0}
                        aria-label={t('admin.moveUpItem', { item: label })}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑ {t('admin.moveUp')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={index === items.length - 1}
                        aria-label={t('admin.moveDownItem', { item: label })}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓ {t('admin.moveDown')}
                      </button>
                    </>
                  )}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label={t('admin.removeItem', { item: label })}
                    onClick={() => onChange(items.filter((_, i) => i !== index))}
                  >
                    {t('admin.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...items, props.create()])}>
        + {props.addLabel ?? t('admin.add')}
      </button>
    </section>
  );
}
