// Pieces shared by sign-up and password reset: the phone step, the code step with a
// resend countdown, and a password field with a "show" switch.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, TextField } from '../../ui/index.ts';
import type { DevSmsReply } from '@cds/contracts/identity';
import { api } from '../../lib/api.ts';
import { useInstallation } from '../../app/installation.ts';
import { isValidOtp, isValidPhone } from '../../lib/validate.ts';

export function StepLabel({ step, of }: { step: number; of: number }) {
  const { t } = useTranslation();
  return <p className="muted">{t('account.step', { step, of })}</p>;
}

/** Moves focus into the new step, so keyboard and screen-reader users are not left behind. */
export function useStepFocus(step: string) {
  const ref = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [step]);
  return ref;
}

/** The earliest step holding a field the server complained about. */
export function stepWithError<S extends string>(fields: ReadonlyArray<{ field: string }>, stepOfField: Record<string, S>): S | null {
  for (const [field, step] of Object.entries(stepOfField)) {
    if (fields.some((f) => f.field === field || f.field.endsWith(`.${field}`))) return step;
  }
  return null;
}

export function useCountdown(initial: number): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(initial);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

export function phoneProblem(phone: string, t: (key: string) => string): string | null {
  if (!phone.trim()) return t('validation.phoneRequired');
  if (!isValidPhone(phone)) return t('validation.phoneFormat');
  return null;
}

export function codeProblem(code: string, t: (key: string) => string): string | null {
  if (!code.trim()) return t('validation.codeRequired');
  if (!isValidOtp(code)) return t('validation.codeFormat');
  return null;
}

interface CodeStepProps {
  phone: string;
  code: string;
  onCode: (code: string) => void;
  error: string | null | undefined;
  inputId: string;
  resendIn: number;
  onResend: () => void;
  resending: boolean;
  onSubmit: (e: FormEvent) => void;
  onBack: () => void;
}

export function CodeStep({ phone, code, onCode, error, inputId, resendIn, onResend, resending, onSubmit, onBack }: CodeStepProps) {
  const { t } = useTranslation();
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <p>{t('account.otp.sentTo', { phone })}</p>
      <TextField
        id={inputId}
        label={t('account.fields.code')}
        hint={t('account.fields.codeHint')}
        className="input--otp"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={(e) => onCode(e.target.value.replace(/\D/g, ''))}
        error={error}
      />
      <DemoCode phone={phone} />
      <Button type="submit" block>
        {t('account.otp.continue')}
      </Button>
      <div className="row">
        <Button variant="ghost" onClick={onBack}>
          {t('account.otp.changePhone')}
        </Button>
        {resendIn > 0 ? (
          <span className="muted" aria-live="off">
            {t('account.otp.resendIn', { seconds: resendIn })}
          </span>
        ) : (
          <Button variant="ghost" onClick={onResend} busy={resending}>
            {t('account.otp.resend')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** Demo installations send no real SMS: let the tester read the code the server "sent". */
function DemoCode({ phone }: { phone: string }) {
  const { t } = useTranslation();
  const { data } = useInstallation();
  const [found, setFound] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  if (!data?.demoMode) return null;
  const look = async () => {
    setFailed(false);
    try {
      const reply = await api<DevSmsReply>(`/api/dev/sms?to=${encodeURIComponent(phone)}`);
      const latest = [...reply.messages].sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0];
      const match = latest?.body.match(/\b(\d{6})\b/);
      setFound(match?.[1] ?? null);
      setFailed(!match);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Alert kind="info">
      <p>{t('account.otp.demoHint')}</p>
      <Button variant="secondary" onClick={() => void look()}>
        {t('account.otp.demoShow')}
      </Button>
      {found && <p aria-live="polite">{t('account.otp.demoCode', { code: found })}</p>}
      {failed && <p aria-live="polite">{t('account.otp.demoNone')}</p>}
    </Alert>
  );
}

export function PasswordField({ id, label, value, onChange, error, autoComplete }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | null; autoComplete: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="stack stack--tight">
      <TextField
        id={id}
        label={label}
        hint={t('account.fields.passwordHint')}
        type={shown ? 'text' : 'password'}
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
      <Checkbox label={t('account.fields.showPassword')} checked={shown} onChange={(e) => setShown(e.target.checked)} />
    </div>
  );
}

/** The phone number field used by sign-in, sign-up and password reset. */
export function PhoneField({ id, value, onChange, error }: { id: string; value: string; onChange: (v: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      label={t('account.fields.phone')}
      hint={t('account.fields.phoneHint')}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
