// Finding a procedure: one big search box that understands everyday words, example
// searches to tap, filters, and tiles for life events (having a baby, getting married…).
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, ErrorState, Icon, List, ListItem, Loading, Select } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { PAGE_SIZE, daysKey, useLifeEvents, useProcedureSearch, useSectors, type ProcedureItem, type SearchParams } from './api.ts';
import './procedures.css';

const EXAMPLES = ['làm giấy khai sinh cho con', 'đăng ký kết hôn', 'đổi bằng lái xe', 'xin giấy phép xây nhà', 'chứng thực bản sao', 'cấp lại CCCD'];
const FILTER_KEYS = ['q', 'sector', 'level', 'tier', 'lifeEvent'] as const;

export function ProceduresPage() {
  const { t } = useTranslation();
  usePageTitle(t('procedures.title'));
  const [params, setParams] = useSearchParams();
  const current: SearchParams = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as SearchParams;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const [text, setText] = useState(current.q ?? '');

  const update = (changes: Partial<Record<(typeof FILTER_KEYS)[number] | 'offset', string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next, { replace: true });
  };

  // search as the person types, a moment after they stop. A search already sent (Tìm, an
  // example) cancels the wait. So does tapping a link to another page (a result, the menu):
  // the list stays on screen while that page loads, and searching then would bring the person
  // back to the list.
  useEffect(() => {
    if (text === (current.q ?? '')) return;
    const timer = setTimeout(() => update({ q: text }), 400);
    const movedOn = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('a[href]:not([href^="#"])')) clearTimeout(timer);
    };
    document.addEventListener('click', movedOn, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('click', movedOn, true);
    };
  }, [text, current.q]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text });
  };
  const browsing = !current.q && !current.sector && !current.level && !current.tier && !current.lifeEvent;

  return (
    <div className="stack">
      <h1>{t('procedures.title')}</h1>
      <form role="search" className="procedure-search" onSubmit={onSubmit}>
        <label htmlFor="procedure-q" className="field__label">{t('procedures.search.label')}</label>
        <div className="procedure-search__box">
          <input
            id="procedure-q"
            className="input procedure-search__input"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('procedures.search.placeholder')}
            aria-describedby="procedure-q-hint"
            maxLength={200}
            autoComplete="off"
          />
          <Button type="submit" icon="search">{t('procedures.search.submit')}</Button>
        </div>
        <p id="procedure-q-hint" className="muted">{t('procedures.search.hint')}</p>
        <div className="chips" aria-label={t('procedures.search.examples')}>
          {EXAMPLES.map((ex) => (
            <button key={ex} type="button" className="chip" onClick={() => { setText(ex); update({ q: ex }); }}>
              {ex}
            </button>
          ))}
        </div>
      </form>
      <Filters current={current} onChange={update} />
      {browsing ? <LifeEventTiles onPick={(key) => update({ lifeEvent: key })} /> : <Results params={current} offset={offset} onPage={(o) => update({ offset: o ? String(o) : '' })} />}
    </div>
  );
}

function Filters({ current, onChange }: { current: SearchParams; onChange: (c: Partial<Record<string, string>>) => void }) {
  const { t } = useTranslation();
  const sectors = useSectors();
  const lifeEvents = useLifeEvents();
  return (
    <details className="procedure-filters" open={!!(current.sector || current.level || current.tier || current.lifeEvent)}>
      <summary>{t('procedures.filters.title')}</summary>
      <div className="grid-2">
        <Select label={t('procedures.filters.sector')} value={current.sector ?? ''} placeholder={t('procedures.filters.all')}
          options={(sectors.data ?? []).map((s) => ({ value: s.name, label: `${s.name} (${s.count})` }))} onChange={(e) => onChange({ sector: e.target.value })} />
        <Select label={t('procedures.filters.lifeEvent')} value={current.lifeEvent ?? ''} placeholder={t('procedures.filters.all')}
          options={(lifeEvents.data ?? []).map((s) => ({ value: s.key, label: s.name }))} onChange={(e) => onChange({ lifeEvent: e.target.value })} />
        <Select label={t('procedures.filters.level')} value={current.level ?? ''} placeholder={t('procedures.filters.all')}
          options={[{ value: 'full_online', label: t('procedures.level.full_online') }, { value: 'partial_online', label: t('procedures.level.partial_online') }]}
          onChange={(e) => onChange({ level: e.target.value })} />
        <Select label={t('procedures.filters.tier')} value={current.tier ?? ''} placeholder={t('procedures.filters.all')}
          options={[{ value: 'commune', label: t('procedures.tier.commune') }, { value: 'province', label: t('procedures.tier.province') }]}
          onChange={(e) => onChange({ tier: e.target.value })} />
      </div>
    </details>
  );
}

function LifeEventTiles({ onPick }: { onPick: (key: string) => void }) {
  const { t } = useTranslation();
  const events = useLifeEvents();
  if (events.isPending) return <Loading />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <section aria-labelledby="life-events-title">
      <h2 id="life-events-title" className="section-title">{t('procedures.lifeEvents.title')}</h2>
      <ul className="tiles">
        {events.data.map((e) => (
          <li key={e.key}>
            <button type="button" className="tile life-event" onClick={() => onPick(e.key)}>
              <Icon name="document" />
              <span>{e.name}</span>
              <span className="tile__desc">{t('procedures.lifeEvents.count', { count: e.count })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({ params, offset, onPage }: { params: SearchParams; offset: number; onPage: (offset: number) => void }) {
  const { t } = useTranslation();
  const search = useProcedureSearch(params, offset);
  if (search.isPending) return <Loading />;
  if (search.isError) return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  const { items, total } = search.data;
  if (total === 0) return <EmptyState title={t('procedures.results.none')} icon="search">{t('procedures.results.noneHint')}</EmptyState>;
  return (
    <section aria-labelledby="results-title" aria-busy={search.isFetching || undefined}>
      <h2 id="results-title" className="section-title" aria-live="polite">{t('procedures.results.count', { count: total })}</h2>
      <List>
        {items.map((p) => <ResultRow key={p.id} p={p} />)}
      </List>
      {total > PAGE_SIZE && (
        <div className="pager">
          <Button variant="secondary" icon="chevronLeft" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE_SIZE))}>{t('procedures.results.previous')}</Button>
          <span className="muted">{t('procedures.results.page', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}</span>
          <Button variant="secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => onPage(offset + PAGE_SIZE)}>{t('procedures.results.next')}</Button>
        </div>
      )}
    </section>
  );
}

function ResultRow({ p }: { p: ProcedureItem }) {
  const { t } = useTranslation();
  const days = daysKey(p.processingDays);
  return (
    <ListItem
      to={`/procedures/${p.id}`}
      icon="document"
      title={p.name}
      description={
        <span className="procedure-facts">
          <span>{t(days.key, { count: days.count })}</span>
          <span>{p.feeSummary}</span>
          <span>{t(`procedures.tier.${p.tier}`)}</span>
          {p.online && <span className="badge badge--ok">{t(`procedures.level.${p.level}`)}</span>}
        </span>
      }
    />
  );
}
