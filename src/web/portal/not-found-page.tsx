/** Any unknown route. */
import { NotFoundPanel } from '../app/components.js';
import { useT, useTitle } from '../app/i18n/index.js';

export function NotFoundPage() {
  const { t } = useT();
  useTitle(t('notFound.title'));
  return (
    <NotFoundPanel
      title={t('notFound.title')}
      text={t('notFound.text')}
      link="/"
      linkText={t('notFound.home')}
    />
  );
}
