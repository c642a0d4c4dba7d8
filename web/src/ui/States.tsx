import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { Icon, type IconName } from './Icon.tsx';

/** A spinner with words for screen readers (and for eyes, since a spinner alone says little). */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('ui.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children, icon = 'inbox', action }: { title: ReactNode; children?: ReactNode; icon?: IconName; action?: ReactNode }) {
  return (
    <div className="state">
      <Icon name={icon} />
      <p>
        <strong>{title}</strong>
      </p>
      {children && <div className="muted">{children}</div>}
      {action}
    </div>
  );
}

/** What went wrong, in the user's words, and a way to try again. */
export function ErrorState({ error, onRetry, title }: { error?: unknown; onRetry?: () => void; title?: ReactNode }) {
  const { t } = useTranslation();
  const message = error instanceof Error && error.message ? error.message : t('errors.generic');
  return (
    <div className="state state--error" role="alert">
      <Icon name="alert" />
      <p>
        <strong>{title ?? t('ui.errorTitle')}</strong>
      </p>
      <p className="muted">{message}</p>
      {onRetry && (
        <Button variant="secondary" icon="refresh" onClick={onRetry}>
          {t('ui.retry')}
        </Button>
      )}
    </div>
  );
}
