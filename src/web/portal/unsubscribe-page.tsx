/**
 * "/unsubscribe/:token" — the link at the foot of every e-mail: asks whether the link is valid, then asks
 * the person before unsubscribing (a link scanner that opens it must not unsubscribe anyone); the
 * confirmation posts, and the page says it is done. Mail clients' one-click button posts to the API
 * itself (RFC 8058) and never shows this page.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { type ApiError, api } from '../app/api.js';
import { ErrorNotice, isRetryable, Loading } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';
import { portalQueries } from './queries.js';

export function UnsubscribePage() {
  const { token = '' } = useParams();
  const { t } = useT();
  const link = useQuery(portalQueries.unsubscribeLink(token));
  const confirm = useMutation<{ ok: true }, ApiError>({ mutationFn: () => api.unsubscribe(token) });
  // a forged or cut token: 404, or 400 when it is too short or long to be one
  const invalid = link.error && !isRetryable(link.error);
  useTitle(
    invalid
      ? t('unsubscribe.invalidTitle')
      : confirm.isSuccess
        ? t('unsubscribe.doneTitle')
        : t('unsubscribe.title'),
  );

  if (invalid)
    return (
      <section className="not-found" data-testid="unsubscribe-invalid">
        <h1>{t('unsubscribe.invalidTitle')}</h1>
        <p>{t('unsubscribe.invalid')}</p>
        <p>
          <Link to="/" className="button">
            {t('notFound.home')}
          </Link>
        </p>
      </section>
    );
  if (link.error) return <ErrorNotice error={link.error} onRetry={() => void link.refetch()} />;
  if (!link.data) return <Loading space="space-page" />;
  return (
    <section aria-live="polite" data-testid="unsubscribe">
      {confirm.isSuccess ? (
        <>
          <h1>{t('unsubscribe.doneTitle')}</h1>
          <p>{t('unsubscribe.done')}</p>
          <p>
            <Link to="/">{t('notFound.home')}</Link>
          </p>
        </>
      ) : (
        <>
          <h1>{t('unsubscribe.title')}</h1>
          <p>{t('unsubscribe.text')}</p>
          {confirm.error && <ErrorNotice error={confirm.error} />}
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              {t('unsubscribe.confirm')}
            </button>{' '}
            <Link to="/" className="button">
              {t('unsubscribe.cancel')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
