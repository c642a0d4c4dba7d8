// The one-time-code flow shared by sign-up and password reset: the phone step, the code
// step with a resend countdown, then the page's own last step; and a password field with a
// "show" switch.
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, TextField } from '../../ui/index.ts';
import type { DevSmsReply, OtpStarted } from '@cds/contracts/identity';
import { api } from '../../lib/api.ts';
import { isApiError, type useFormErrors } from '../../lib/forms.ts';
import { useInstallation } from '../../app/installation.ts';
import { isValidOtp, isValidPhone, normalizePhone } from '../../lib/validate.ts';

type Form = ReturnType<typeof useFormErrors>;
export type OtpStep = 'phone' | 'code' | 'last';
const STEP_NUMBER: Record<OtpStep, number> = { phone: 1, code: 2, last: 3 };

export interface OtpFlowOptions {
  /** POST endpoint that sends the code to `{ phone }`. */
  startPath: string;
  /** The page's form errors; field ids `phone` and `code` belong to the flow. */
  form: Form;
  /** Handles a refusal to send the code itself (true) or leaves it to the form (false). */
  onStartError?: (err: unknown) => boolean;
  /**
   * POST endpoint that checks `{ phone, code }` without using the code up: a wrong code is
   * then refused at the code step, before the person types anything more.
   */
  checkPath?: string;
}

export interface OtpFlow {
  step: OtpStep;
  setStep: (step: OtpStep) => void;
  /** As typed. */
  phone: string;
  /** As the server wants it. */
  normalizedPhone: string;
  code: string;
  /**
   * After the last step's request failed: show the errors, and go back to the step that
   * holds the field the server named (a wrong code on the code step, a taken phone on the first).
   */
  failed: (err: unknown) => void;
  setPhone: (v: string) => void;
  setCode: (v: string) => void;
  /** Seconds before the code may be sent again. */
  resendIn: number;
  sending: boolean;
  /** Sends (or resends) the code. */
  send: () => void;
  /** Goes on to the last step once the code is right (checked by the server when the page has a checkPath). */
  confirmCode: () => void;
  checking: boolean;
  stepRef: RefObject<HTMLDivElement | null>;
  form: Form;
}

export function useOtpFlow({ startPath, form, onStartError, checkPath }: OtpFlowOptions): OtpFlow {
  const [step, setStep] = useState<OtpStep>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [resendIn, setResendIn] = useCountdown(0);
  const stepRef = useStepFocus(step);
  const normalizedPhone = normalizePhone(phone);

  const start = useMutation({
    mutationFn: () => api<OtpStarted | undefined>(startPath, { method: 'POST', body: { phone: normalizedPhone } }),
    onSuccess: (reply) => {
      form.clear();
      // password reset answers the same whether or not the number has an account
      setResendIn(reply?.resendAfterSeconds ?? 60);
      setStep('code');
    },
    onError: (err) => {
      if (!onStartError?.(err)) form.fromServer(err);
    },
  });

  const check = useMutation({
    mutationFn: () => api<undefined>(checkPath!, { method: 'POST', body: { phone: normalizedPhone, code } }),
    onSuccess: () => {
      form.clear();
      setStep('last');
    },
    onError: (err) => form.fromServer(err),
  });
  const confirmCode = () => (checkPath ? check.mutate() : setStep('last'));

  const failed = (err: unknown) => {
    form.fromServer(err);
    const back = isApiError(err) ? stepWithError<OtpStep>(err.fieldErrors, { phone: 'phone', code: 'code' }) : null;
    if (back) setStep(back);
    else if (isApiError(err) && /otp|code/i.test(err.code)) setStep('code');
  };

  return { step, setStep, phone, normalizedPhone, code, failed, setPhone, setCode, resendIn, sending: start.isPending, send: () => start.mutate(), confirmCode, checking: check.isPending, stepRef, form };
}

interface OtpStepsProps {
  flow: OtpFlow;
  title: string;
  /** Shown above the phone field. */
  intro: string;
  /** Shown under the phone step's button (e.g. a link to sign in). */
  phoneFooter?: ReactNode;
  /** The page's last step (its own form). */
  children: ReactNode;
}

/** The page around the flow: heading, step number, the phone and code steps, then `children`. */
export function OtpSteps({ flow, title, intro, phoneFooter, children }: OtpStepsProps) {
  const { t } = useTranslation();
  const { form, setPhone, setCode, resendIn, sending, send, stepRef } = flow;
  const submitPhone = (e: FormEvent) => {
    e.preventDefault();
    const problem = phoneProblem(flow.phone, t);
    if (form.check(problem ? { phone: problem } : {})) send();
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    const problem = codeProblem(flow.code, t);
    if (form.check(problem ? { code: problem } : {})) flow.confirmCode();
  };
  return (
    <div className="narrow stack" ref={stepRef}>
      <h1>{title}</h1>
      <StepLabel step={STEP_NUMBER[flow.step]} of={3} />
      {form.errors.form && <Alert kind="error" live>{form.errors.form}</Alert>}
      {flow.step === 'phone' && (
        <form className="stack" onSubmit={submitPhone} noValidate>
          <p>{intro}</p>
          <PhoneField id={form.id('phone')} value={flow.phone} onChange={setPhone} error={form.errors.fields.phone} />
          <Button type="submit" block busy={sending}>
            {t('account.otp.send')}
          </Button>
          {phoneFooter}
        </form>
      )}
      {flow.step === 'code' && (
        <CodeStep
          phone={flow.normalizedPhone}
          code={flow.code}
          onCode={setCode}
          error={form.errors.fields.code}
          inputId={form.id('code')}
          resendIn={resendIn}
          onResend={send}
          resending={sending}
          checking={flow.checking}
          onSubmit={submitCode}
          onBack={() => {
            form.clear();
            flow.setStep('phone');
          }}
        />
      )}
      {flow.step === 'last' && children}
    </div>
  );
}

function StepLabel({ step, of }: { step: number; of: number }) {
  const { t } = useTranslation();
  return <p className="muted">{t('account.step', { step, of })}</p>;
}

/** Moves focus into the new step, so keyboard and screen-reader users are not left behind. */
function useStepFocus(step: string) {
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
function stepWithError<S extends string>(fields: ReadonlyArray<{ field: string }>, stepOfField: Record<string, S>): S | null {
  for (const [field, step] of Object.entries(stepOfField)) {
    if (fields.some((f) => f.field === field || f.field.endsWith(`.${field}`))) return step;
  }
  return null;
}

function useCountdown(initial: number): [number, (seconds: number) => void] {
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
  checking?: boolean;
}

function CodeStep({ phone, code, onCode, error, inputId, resendIn, onResend, resending, checking, onSubmit, onBack }: CodeStepProps) {
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
      <Button type="submit" block busy={checking}>
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
