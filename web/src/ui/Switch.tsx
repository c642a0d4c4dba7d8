import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/** An on/off control read by screen readers as a switch, with its state also written out. */
export function Switch({ checked, onChange, label, description, disabled }: SwitchProps) {
  const { t } = useTranslation();
  return (
    <button type="button" role="switch" aria-checked={checked} className="switch" onClick={() => onChange(!checked)} disabled={disabled}>
      <span className="switch__text">
        <strong>{label}</strong>
        {description && <span className="switch__state">{description}</span>}
        <span className="switch__state" aria-hidden="true">
          {checked ? t('ui.on') : t('ui.off')}
        </span>
      </span>
      <span className="switch__track" aria-hidden="true" />
    </button>
  );
}
