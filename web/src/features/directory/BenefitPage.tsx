// One welfare benefit in plain words, with the procedures to apply for it.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorState, List, ListItem, Loading, PageHeader } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useBenefits, type WelfareBenefit } from './api.ts';

export function BenefitPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const benefits = useBenefits();
  const b = benefits.data?.find((x) => x.key === key);
  usePageTitle(b?.name ?? t('directory.welfare.title'));
  const back = { to: '/welfare', label: t('directory.welfare.title') };
  if (benefits.isPending) return <div className="narrow"><Loading /></div>;
  if (benefits.isError) return <div className="narrow"><ErrorState error={benefits.error} onRetry={() => void benefits.refetch()} /></div>;
  if (!b) return <div className="narrow stack"><PageHeader title={t('directory.welfare.title')} back={back} /><EmptyState title={t('directory.welfare.notFound')} /></div>;
  return (
    <div className="narrow stack">
      <PageHeader title={b.name} back={back} />
      <BenefitDetails benefit={b} />
    </div>
  );
}

export function BenefitDetails({ benefit: b, level = 2 }: { benefit: WelfareBenefit; level?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="lead">{b.summary}</p>
      <Card title={t('directory.welfare.who')} level={level}><ul>{b.whoQualifies.map((x) => <li key={x}>{x}</li>)}</ul></Card>
      <Card title={t('directory.welfare.gives')} level={level}><ul>{b.whatItGives.map((x) => <li key={x}>{x}</li>)}</ul></Card>
      <Card title={t('directory.welfare.where')} level={level}><p>{b.whereToApply}</p></Card>
      {b.procedures.length > 0 && (
        <List label={t('directory.welfare.procedures')}>
          {b.procedures.map((p) => <ListItem key={p.id} icon="document" title={p.name} description={t('directory.welfare.apply')} to={`/procedures/${p.id}`} />)}
        </List>
      )}
      <p className="muted">{t('directory.welfare.legal')}: {b.legalBasis.join('; ')}</p>
    </>
  );
}
