import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonAnchor, Card, Dialog, PageHeader, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { meKey } from '../../app/auth.ts';
import type { DeletionRequested, Me } from '@cds/contracts/identity';
import { usePageTitle } from '../../app/installation.ts';

const RECEIPT_KEY = ['me', 'deletion-request'] as const;

/** What deletion erases and which records the law keeps (with the basis): the person can print it. */
function DeletionReceipt({ receipt }: { receipt: DeletionRequested }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-label={t('account.data.receiptTitle')}>
      <h3>{t('account.data.receiptErased')}</h3>
      <ul>
        {receipt.erased.map((line) => <li key={line}>{line}</li>)}
      </ul>
      <h3>{t('account.data.receiptKept')}</h3>
      {receipt.kept.length === 0 ? (
        <p>{t('account.data.receiptKeptNone')}</p>
      ) : (
        <ul>
          {receipt.kept.map((k) => (
            <li key={`${k.module}:${k.reference}`}>
              <strong>{k.reference}</strong>: {k.kept}. <em>{k.basis}</em>
            </li>
          ))}
        </ul>
      )}
      <Button variant="secondary" icon="download" onClick={() => window.print()} block>
        {t('account.data.receiptPrint')}
      </Button>
    </section>
  );
}

export function MyDataPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  usePageTitle(t('account.data.title'));
  const toast = useToast();
  const [asking, setAsking] = useState(false);
  // the receipt of a pending request: what will be erased, what the law keeps and why
  const receipt = useQuery({
    queryKey: RECEIPT_KEY,
    queryFn: () => api<DeletionRequested>('/api/me/deletion-request'),
    enabled: !!me.deletionRequestedAt,
  });
  const pending = receipt.data ?? null;

  const request = useMutation({
    mutationFn: () => api<DeletionRequested>('/api/me/deletion-request', { method: 'POST' }),
    onSuccess: (reply) => {
      client.setQueryData(RECEIPT_KEY, reply);
      void client.invalidateQueries({ queryKey: meKey });
      setAsking(false);
      toast.show(t('account.data.deleteRequested'));
    },
  });
  const cancel = useMutation({
    mutationFn: () => api<void>('/api/me/deletion-request', { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: RECEIPT_KEY });
      void client.invalidateQueries({ queryKey: meKey });
      toast.show(t('account.data.deleteCancelled'));
    },
  });

  return (
    <div className="narrow stack">
      <PageHeader back={{ to: '/account', label: t('account.title') }} title={t('account.data.title')} />
      <Card title={t('account.data.exportTitle')}>
        <p>{t('account.data.exportText')}</p>
        <ButtonAnchor href="/api/me/export" download icon="download" block>
          {t('account.data.exportButton')}
        </ButtonAnchor>
      </Card>
      <Card title={t('account.data.deleteTitle')}>
        {pending ? (
          <>
            <Alert kind="info">{t('account.data.deletePending', { when: formatDateTime(pending.requestedAt), due: formatDate(pending.dueAt) })}</Alert>
            <DeletionReceipt receipt={pending} />
            {cancel.isError && <Alert kind="error" live>{cancel.error.message}</Alert>}
            <Button variant="secondary" onClick={() => cancel.mutate()} busy={cancel.isPending} block>
              {t('account.data.deleteCancel')}
            </Button>
          </>
        ) : (
          <>
            <p>{t('account.data.deleteText')}</p>
            <Button variant="danger" icon="trash" onClick={() => setAsking(true)} block>
              {t('account.data.deleteButton')}
            </Button>
          </>
        )}
      </Card>
      <Dialog
        open={asking}
        title={t('account.data.deleteConfirmTitle')}
        onClose={() => setAsking(false)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {t('ui.cancel')}
            </Button>
            <Button variant="danger" onClick={() => request.mutate()} busy={request.isPending}>
              {t('account.data.deleteConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('account.data.deleteConfirmText')}</p>
        {request.isError && <Alert kind="error" live>{request.error.message}</Alert>}
      </Dialog>
    </div>
  );
}
