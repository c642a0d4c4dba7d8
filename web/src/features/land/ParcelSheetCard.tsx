// The parcel sheet (phiếu thông tin thửa đất): key, area, land uses with official codes,
// zoning, the disclaimer, the PDF, and the procedures to start with the parcel prefilled.
// It shows no owner: the server has none to give.
import { useTranslation } from 'react-i18next';
import { Alert, ButtonAnchor, ButtonLink, Card } from '../../ui/index.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { PARCEL_PROCEDURES, parcelPrefill, type ParcelSheet } from './api.ts';

export function ParcelSheetCard({ sheet }: { sheet: ParcelSheet }) {
  const { t } = useTranslation();
  return (
    <Card title={t('land.sheet.title', { sheet: sheet.sheet, parcel: sheet.parcel })} className="parcel-sheet">
      <div className="stack" aria-live="polite">
        {sheet.synthetic && <Alert kind="info">{t('land.sheet.synthetic')}</Alert>}
        <dl className="parcel-sheet__facts">
          <div><dt>{t('land.sheet.key')}</dt><dd>{sheet.key}</dd></div>
          <div><dt>{t('land.sheet.commune')}</dt><dd>{sheet.commune.name}</dd></div>
          {sheet.formerCommune && <div><dt>{t('land.sheet.former')}</dt><dd>{sheet.formerCommune.name} ({sheet.formerCommune.code})</dd></div>}
          <div><dt>{t('land.sheet.sheet')}</dt><dd>{sheet.sheet}</dd></div>
          <div><dt>{t('land.sheet.parcel')}</dt><dd>{sheet.parcel}</dd></div>
          <div><dt>{t('land.sheet.area')}</dt><dd>{formatNumber(sheet.areaM2)} m²</dd></div>
          {sheet.address && <div><dt>{t('land.sheet.address')}</dt><dd>{sheet.address}</dd></div>}
        </dl>
        <h3>{t('land.sheet.landUse')}</h3>
        <ul className="parcel-sheet__uses">
          {sheet.landUses.map((u) => (
            <li key={u.code + (u.legacyCode ?? '')}>
              <strong>{u.code}</strong> – {u.name}: {formatNumber(u.areaM2)} m²
              {u.legacyCode && <span className="muted"> ({t('land.sheet.legacy', { code: u.legacyCode })})</span>}
            </li>
          ))}
        </ul>
        <h3>{t('land.sheet.zoning')}</h3>
        {sheet.zoning.length === 0 ? <p>{t('land.sheet.noZoning')}</p> : (
          <ul className="parcel-sheet__zoning">
            {sheet.zoning.map((z) => (
              <li key={z.plan.id + z.zoneCode}>
                <strong>{z.landUse.code} – {z.landUse.name}</strong>
                <div>{t('land.sheet.zone', { zone: z.zoneCode, area: formatNumber(z.overlapM2) })}</div>
                {z.buildingDensityPct !== null && <div>{t('land.sheet.density', { value: z.buildingDensityPct })}</div>}
                {z.maxFloors !== null && <div>{t('land.sheet.floors', { count: z.maxFloors })}</div>}
                <div className="muted">{t('land.sheet.plan', { name: z.plan.name, number: z.plan.decisionNumber, date: formatDate(z.plan.decisionDate) })}</div>
              </li>
            ))}
          </ul>
        )}
        <Alert kind="info">{sheet.disclaimer}</Alert>
        <ButtonAnchor href={`/api/land/parcels/${sheet.id}/sheet.pdf`} download variant="secondary" icon="download" block>{t('land.sheet.pdf')}</ButtonAnchor>
        <h3>{t('land.procedures.title')}</h3>
        <div className="stack--tight">
          {PARCEL_PROCEDURES.map((p) => (
            <ButtonLink key={p.code} to={`/dossiers/apply/${p.code}?${parcelPrefill(sheet)}`} variant={p.code === 'LS.DD.07' ? 'primary' : 'secondary'} icon="document" block>{t(p.labelKey)}</ButtonLink>
          ))}
        </div>
      </div>
    </Card>
  );
}
