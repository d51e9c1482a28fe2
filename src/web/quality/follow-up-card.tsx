/**
 * One follow-up: what was rated (service, office, the visit's or case's date, when it was rated on the
 * office's clock), the five scores in words with the low ones marked, the citizen's comment, opened and due
 * dates (the office's), overdue in words; closed — when, by whom, the outcome. An open one of the user's
 * office takes the outcome in a form (react-hook-form with the shared schema) and is closed with it; a
 * follow-up someone closed meanwhile (409 ALREADY_CLOSED) says so and the lists are read again.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { OfficeSummary } from '../../shared/network.js';
import { type FollowUp, followUpCloseSchema } from '../../shared/ratings.js';
import { ErrorSummary, TextField } from '../admin/components/fields.js';
import { SubmitStatus } from '../admin/components/use-submit.js';
import { useZodForm } from '../admin/components/use-zod-form.js';
import { Badge } from '../app/components.js';
import { useT } from '../app/i18n/index.js';
import { queryKeys } from '../app/query-keys.js';
import { qualityApi } from './quality-api.js';
import { isLow, ratingCriteria, useQualityWords } from './quality-words.js';

export function FollowUpCard(props: {
  item: FollowUp;
  office: OfficeSummary | undefined;
  canClose: boolean;
  onClosed: () => void;
}) {
  const { t } = useT();
  const w = useQualityWords();
  const { item } = props;
  const { rating } = item;
  const timeZone = props.office?.timeZone;
  const service = rating.service?.title ?? t('quality.fu.noService');
  const titleId = `fu-${item.id}-title`;
  return (
    <article
      aria-labelledby={titleId}
      className={`quality-fu ${item.overdue ? 'quality-fu-overdue' : ''}`}
      data-testid="follow-up"
      data-id={item.id}
    >
      <h3 id={titleId} className="quality-fu-title">
        {service}
        <span className="block small muted">{item.office.name}</span>
      </h3>
      <p className="quality-fu-marks">
        {item.status === 'closed' ? (
          <Badge tone="ok">{t('quality.fu.state.closed')}</Badge>
        ) : (
          <Badge tone="neutral">{t('quality.fu.state.open')}</Badge>
        )}{' '}
        {item.overdue && item.status === 'open' && (
          <Badge tone="warn">{t('quality.fu.overdue', { date: w.day(item.dueOn) })}</Badge>
        )}
      </p>
      <p className="small">
        {rating.subject === 'case'
          ? t('quality.fu.case', { date: w.day(rating.date) })
          : t('quality.fu.visit', { date: w.day(rating.date) })}
        {' · '}
        {t('quality.fu.ratedAt', { at: w.at(rating.ratedAt, timeZone) })}
      </p>
      <dl className="quality-facts">
        <dt>{t('quality.fu.openedOn')}</dt>
        <dd data-testid="fu-opened">{w.day(item.openedOn)}</dd>
        <dt>{t('quality.fu.dueOn')}</dt>
        <dd data-testid="fu-due">{w.day(item.dueOn)}</dd>
        {item.status === 'closed' && (
          <>
            <dt>{t('quality.fu.closedAt')}</dt>
            <dd>{item.closedAt ? w.at(item.closedAt, timeZone) : ''}</dd>
            {item.closedBy && (
              <>
                <dt>{t('quality.fu.closedBy')}</dt>
                <dd>{item.closedBy}</dd>
              </>
            )}
            <dt>{t('quality.fu.outcome')}</dt>
            <dd data-testid="fu-outcome">{item.outcome}</dd>
          </>
        )}
      </dl>
      <h4 className="quality-fu-sub">{t('quality.fu.scores')}</h4>
      <ul className="quality-scores" data-testid="fu-scores">
        {ratingCriteria.map((c) => (
          <li key={c} className={isLow(rating.scores[c]) ? 'quality-low' : undefined}>
            <span>{w.criterion(c)}:</span> <strong>{w.score(rating.scores[c])}</strong>
            {isLow(rating.scores[c]) && (
              <>
                {' '}
                <Badge tone="warn">{t('quality.low')}</Badge>
              </>
            )}
          </li>
        ))}
      </ul>
      {rating.comment && (
        <>
          <h4 className="quality-fu-sub">{t('quality.fu.comment')}</h4>
          <blockquote className="quality-comment" data-testid="fu-comment">
            {rating.comment}
          </blockquote>
        </>
      )}
      {item.status === 'open' &&
        (props.canClose ? (
          <CloseForm id={item.id} onClosed={props.onClosed} />
        ) : (
          <p className="muted small">{t('quality.fu.readOnly')}</p>
        ))}
    </article>
  );
}

function CloseForm({ id, onClosed }: { id: string; onClosed: () => void }) {
  const { t } = useT();
  const client = useQueryClient();
  const form = useZodForm(followUpCloseSchema, { defaultValues: { outcome: '' } });
  const name = `fu-close-${id}`;
  const alreadyClosed = form.state.error?.code === 'ALREADY_CLOSED';
  const submit = form.submit(
    (values) =>
      qualityApi.close(id, values).catch(async (error: unknown) => {
        // closed by someone else meanwhile: the lists are read again, the card moves
        if ((error as { code?: string }).code === 'ALREADY_CLOSED')
          await client.invalidateQueries({ queryKey: queryKeys.quality.followUps() });
        throw error;
      }),
    onClosed,
    t('quality.fu.closed'),
  );
  return (
    <form className="quality-close" aria-label={t('quality.fu.close')} noValidate onSubmit={submit}>
      <ErrorSummary form={name} errors={form.errors} label={() => t('quality.fu.outcome')} />
      <TextField
        form={name}
        path="outcome"
        label={t('quality.fu.outcome')}
        hint={t('quality.fu.outcomeHint')}
        multiline
        rows={3}
        required
        errors={form.errors}
        field={form.register('outcome')}
      />
      <button type="submit" className="button button-primary" disabled={form.state.busy}>
        {t('quality.fu.close')}
      </button>
      {alreadyClosed ? (
        <p className="notice notice-error" role="alert">
          {t('quality.fu.alreadyClosed')}
        </p>
      ) : (
        <SubmitStatus state={form.state} />
      )}
    </form>
  );
}
