// The public map and list of reports, with filters: no personal data, moderated photos only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ButtonLink, DateField, EmptyState, ErrorState, Loading, Select } from '../../ui/index.ts';
import { usePageTitle, useInstallation } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { useCategories, usePublicReports, type ReportStatus } from './api.ts';
import { ReportList } from './MyReportsPage.tsx';
import { ReportMap } from './ReportMap.tsx';
import './reports.css';

const STATUSES: ReportStatus[] = ['new', 'accepted', 'assigned', 'in_progress', 'need_info', 'resolved', 'closed', 'rejected'];

export function PublicReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.public.title'));
  const navigate = useNavigate();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const cats = useCategories();
  const [draft, setDraft] = useState({ category: '', status: '', commune: '', from: '', to: '' });
  const [qs, setQs] = useState('limit=50');
  const list = usePublicReports(qs);
  const apply = () => setQs(new URLSearchParams({ limit: '50', ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) }).toString());
  return (
    <div className="stack">
      <h1>{t('reports.public.title')}</h1>
      <div className="row">
        <ButtonLink to="/reports/new" icon="plus">{t('reports.public.new')}</ButtonLink>
        <ButtonLink to="/reports/mine" variant="secondary">{t('reports.public.mine')}</ButtonLink>
      </div>
      <ReportMap label={t('reports.public.map')} onReport={(code) => navigate(`/reports/${code}`)} />
      <div className="report-filters">
        <Select label={t('reports.filter.category')} placeholder={t('reports.filter.all')} value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}
          options={(cats.data ?? []).flatMap((c) => [{ value: c.code, label: c.name }, ...(c.children ?? []).map((ch) => ({ value: ch.code, label: `— ${ch.name}` }))])} />
        <Select label={t('reports.filter.status')} placeholder={t('reports.filter.all')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          options={STATUSES.map((s) => ({ value: s, label: t(`reports.kinds.${s === 'new' ? 'created' : s === 'in_progress' ? 'start' : s === 'accepted' ? 'accept' : s === 'assigned' ? 'assign' : s === 'need_info' ? 'request_info' : s === 'resolved' ? 'resolve' : s === 'rejected' ? 'reject' : 'close'}`) }))} />
        <Select label={t('reports.form.commune')} placeholder={t('reports.filter.all')} value={draft.commune} onChange={(e) => setDraft({ ...draft, commune: e.target.value })}
          options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))} />
        <DateField label={t('reports.filter.from')} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        <DateField label={t('reports.filter.to')} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        <Button onClick={apply} icon="search">{t('reports.filter.apply')}</Button>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title={t('reports.public.empty')} icon="megaphone" />}
      {list.data && list.data.items.length > 0 && <ReportList items={list.data.items} label={t('reports.public.list')} />}
    </div>
  );
}
