/**
 * "/rate/:token" — the portal's rating page (issue 12), public: the link of the SMS or the e-mail
 * (`?src=sms|email`), the QR of the receipt (`?src=qr`) and the «Оцените визит» of the ticket page and the
 * case's status lead here. The token says what is rated; the page is the shared form (rating-form.tsx) under
 * the page's heading, laid out for a phone (375 px) first.
 */
import { Link, useParams, useSearchParams } from 'react-router';
import { useT, useTitle } from '../app/i18n/index.js';
import { sourceOf } from './rating-api.js';
import { RatingForm } from './rating-form.js';

export function RatePage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useT();
  useTitle(t('rating.title'), t('rating.meta'));
  return (
    <div className="rate-page">
      <h1>{t('rating.title')}</h1>
      <RatingForm
        key={token}
        token={token}
        source={sourceOf(params.get('src'))}
        variant="portal"
        footer={
          <p>
            <Link to="/">{t('rating.toHome')}</Link>
          </p>
        }
      />
    </div>
  );
}
