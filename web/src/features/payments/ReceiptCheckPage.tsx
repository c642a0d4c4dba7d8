// The public check of an electronic receipt (biên lai điện tử), reached from its QR code:
// anyone can see that the payment is real, without signing in and without the payer's data.
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Loading } from '../../ui/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, useReceiptCheck } from './api.ts';

export function ReceiptCheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.check.title'));
  const [search] = useSearchParams();
  const check = useReceiptCheck(search.get('code') ?? '', search.get('k') ?? '');
  return (
    <div className="narrow stack">
      <h1>{t('payments.check.title')}</h1>
      {check.isLoading && <Loading />}
      {(check.isError || (!check.isLoading && !check.data)) && <Alert kind="error" live>{t('payments.check.invalid')}</Alert>}
      {check.data && (
        <Card title={t('payments.check.valid')}>
          <dl className="vietqr__details">
            <dt>{t('payments.check.code')}</dt><dd>{check.data.code}</dd>
            <dt>{t('payments.check.what')}</dt><dd>{check.data.description}</dd>
            <dt>{t('payments.qr.amount')}</dt><dd>{formatVnd(check.data.amountVnd)}</dd>
            <dt>{t('payments.check.when')}</dt><dd>{formatDateTime(check.data.paidAt)}</dd>
            <dt>{t('payments.check.payer')}</dt><dd>{check.data.payer}</dd>
            <dt>{t('payments.check.state')}</dt><dd>{t(`payments.status.${check.data.status}`)}</dd>
          </dl>
        </Card>
      )}
    </div>
  );
}
