/** Any unknown route. */
import { UnknownPage } from '../app/components.js';
import { useT } from '../app/i18n/index.js';

export function NotFoundPage() {
  const { t } = useT();
  return <UnknownPage link="/" linkText={t('notFound.home')} />;
}
