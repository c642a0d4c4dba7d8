// Land information (tra cứu thông tin đất đai): find a parcel by tapping the map, by GPS
// ("where I stand"), by address or place name (former commune names too, diacritics
// optional) or by its cadastral key, then read its sheet: land use, zoning,
// disclaimer, PDF, and the procedures to start with the parcel prefilled.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, List, ListItem, Loading, TextField } from '../../ui/index.ts';
import { ApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { findParcels, parcelAt, searchParcels, useParcel, usePlans, type KeyQuery, type ParcelSearchReply, type ParcelSummary } from './api.ts';
import { LandMap } from './LandMap.tsx';
import { ParcelSheetCard } from './ParcelSheetCard.tsx';
import './land.css';

const DEFAULT_CENTRE: [number, number] = [106.76, 21.85];

const num = (v: string | null) => (v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

export function LandPage() {
  const { t } = useTranslation();
  usePageTitle(t('land.title'));
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('parcel');
  const parcel = useParcel(selectedId);
  const plans = usePlans();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'tap' | 'gps' | 'key' | 'find' | null>(null);
  const [text, setText] = useState(params.get('q') ?? '');
  const [found, setFound] = useState<ParcelSearchReply | null>(null);
  const [focus, setFocus] = useState<{ lat: number; lon: number } | null>(null);
  const [key, setKey] = useState<KeyQuery>({ commune: params.get('commune') ?? '', sheet: '', parcel: '' });
  const [results, setResults] = useState<ParcelSummary[] | null>(null);

  const lat = num(params.get('lat'));
  const lon = num(params.get('lon'));
  const centre: [number, number] = lat !== null && lon !== null ? [lon, lat] : DEFAULT_CENTRE;
  const zoom = num(params.get('z')) ?? (lat !== null ? 17 : 10);

  const show = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('parcel', id);
    setParams(next, { replace: false });
  };

  const lookUp = async (p: { lat: number; lon: number }, how: 'tap' | 'gps') => {
    setMessage(null);
    setBusy(how);
    try {
      const sheet = await parcelAt(p.lat, p.lon);
      setFocus(sheet.centre);
      show(sheet.id);
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(null);
    }
  };

  const whereIStand = () => {
    if (!('geolocation' in navigator)) return setMessage(t('land.gps.unavailable'));
    setBusy('gps');
    navigator.geolocation.getCurrentPosition(
      (pos) => void lookUp({ lat: pos.coords.latitude, lon: pos.coords.longitude }, 'gps'),
      () => {
        setBusy(null);
        setMessage(t('land.gps.denied'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const onFind = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setFound(null);
    if (!text.trim()) return setMessage(t('land.find.fill'));
    setBusy('find');
    try {
      const reply = await findParcels(text);
      setFound(reply);
      if (reply.items.length === 1) {
        setFocus(reply.items[0]!.centre);
        show(reply.items[0]!.id);
      }
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(null);
    }
  };

  const resultList = (items: ParcelSummary[]) => (
    <List>
      {items.map((p) => (
        <ListItem
          key={p.id}
          icon="map"
          title={t('land.search.item', { sheet: p.sheet, parcel: p.parcel, commune: p.commune.name })}
          description={[p.address, p.formerCommune ? t('land.sheet.formerShort', { name: p.formerCommune.name }) : null, `${formatNumber(p.areaM2)} m²`].filter(Boolean).join(' · ')}
          onClick={() => {
            setFocus(p.centre);
            show(p.id);
          }}
        />
      ))}
    </List>
  );

  const onSearch = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setResults(null);
    if (!key.commune.trim() && !key.sheet.trim() && !key.parcel.trim()) return setMessage(t('land.search.fill'));
    setBusy('key');
    try {
      const reply = await searchParcels(key);
      setResults(reply.items);
      if (reply.items.length === 1) {
        setFocus(reply.items[0]!.centre);
        show(reply.items[0]!.id);
      }
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="stack">
      <h1>{t('land.title')}</h1>
      <p>{t('land.intro')}</p>
      <form className="stack--tight" role="search" onSubmit={(e) => void onFind(e)} noValidate>
        <TextField label={t('land.find.label')} hint={t('land.find.hint')} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="street-address" />
        <Button type="submit" icon="search" busy={busy === 'find'}>{t('land.find.submit')}</Button>
      </form>
      {found && (found.items.length === 0 ? <p role="status">{t('land.search.none')}</p> : found.items.length > 1 && (
        <div className="stack--tight" role="status">
          {resultList(found.items)}
          {found.total > found.items.length && <p className="muted">{t('land.find.more', { count: found.total - found.items.length })}</p>}
        </div>
      ))}
      {message && <Alert kind="error" live>{message}</Alert>}
      {plans.data ? (
        <LandMap center={centre} zoom={zoom} legend={plans.data.legend} selectedId={selectedId} focus={focus} onPick={(p) => void lookUp(p, 'tap')} />
      ) : <Loading />}
      {busy === 'tap' && <p role="status">{t('land.lookingUp')}</p>}
      {plans.data && plans.data.legend.length > 0 && (
        <details className="land-legend">
          <summary>{t('land.map.legend')}</summary>
          <ul>
            {plans.data.legend.map((l) => (
              <li key={l.code}><span className="land-legend__swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.code} – {l.name}</li>
            ))}
          </ul>
        </details>
      )}
      <Button variant="secondary" icon="map" busy={busy === 'gps'} onClick={whereIStand}>{t('land.gps.button')}</Button>

      {selectedId && (parcel.isPending ? <Loading /> : parcel.data ? <ParcelSheetCard sheet={parcel.data} /> : <Alert kind="error">{parcel.error instanceof ApiError ? parcel.error.message : t('errors.generic')}</Alert>)}

      <Card title={t('land.search.title')}>
        <form className="stack" onSubmit={(e) => void onSearch(e)} noValidate>
          <p className="muted">{t('land.search.hint')}</p>
          <TextField label={t('land.search.commune')} hint={t('land.search.communeHint')} inputMode="numeric" value={key.commune} onChange={(e) => setKey({ ...key, commune: e.target.value })} />
          <div className="land-key">
            <TextField label={t('land.search.sheet')} inputMode="numeric" value={key.sheet} onChange={(e) => setKey({ ...key, sheet: e.target.value })} />
            <TextField label={t('land.search.parcel')} inputMode="numeric" value={key.parcel} onChange={(e) => setKey({ ...key, parcel: e.target.value })} />
          </div>
          <Button type="submit" icon="search" busy={busy === 'key'}>{t('land.search.submit')}</Button>
        </form>
        {results && (results.length === 0 ? <p role="status">{t('land.search.none')}</p> : resultList(results))}
      </Card>
    </div>
  );
}
