// Hotlines, most urgent first, each with what it is for in plain words and a call button.
import { useTranslation } from 'react-i18next';
import { ButtonAnchor, Card, ErrorState, Loading, PageHeader } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { telHref, useHotlines } from './api.ts';

export function HotlinesPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.hotlines.title'));
  const hotlines = useHotlines();
  return (
    <div className="narrow stack">
      <PageHeader title={t('directory.hotlines.title')} back={{ to: '/directory', label: t('directory.title') }} />
      <p>{t('directory.hotlines.intro')}</p>
      {hotlines.isPending && <Loading />}
      {hotlines.isError && <ErrorState error={hotlines.error} onRetry={() => void hotlines.refetch()} />}
      {hotlines.data?.map((h) => (
        <Card key={h.kind} title={h.number ? `${h.number} — ${h.name}` : h.name} className={`hotline hotline--${h.kind}`}>
          <p>{h.purpose}</p>
          {h.number
            ? <ButtonAnchor href={telHref(h.number)} icon="phone" block>{t('directory.hotlines.call', { number: h.number })}</ButtonAnchor>
            : <p className="muted">{t('directory.hotlines.noNumber')}</p>}
        </Card>
      ))}
    </div>
  );
}
