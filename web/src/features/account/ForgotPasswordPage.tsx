import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { isApiError, useFormErrors } from '../../lib/forms.ts';
import type { OtpStarted } from '@cds/contracts/identity';
import { isLongEnoughPassword, normalizePhone } from '../../lib/validate.ts';
import { usePageTitle } from '../../app/installation.ts';
import { CodeStep, PasswordField, StepLabel, codeProblem, phoneProblem, stepWithError, useCountdown, useStepFocus, PhoneField } from './otp.tsx';

const FIELDS = ['phone', 'code', 'newPassword'] as const;
type Step = 'phone' | 'code' | 'password';
const STEP_OF: Record<Step, number> = { phone: 1, code: 2, password: 3 };

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.reset.title'));
  const navigate = useNavigate();
  const toast = useToast();
  const [step, setStep] = useState<Step>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [resendIn, setResendIn] = useCountdown(0);
  const stepRef = useStepFocus(step);
  const form = useFormErrors(FIELDS, 'reset');

  const start = useMutation({
    mutationFn: () => api<OtpStarted | undefined>('/api/auth/password-reset/start', { method: 'POST', body: { phone: normalizePhone(phone) } }),
    onSuccess: (reply) => {
      form.clear();
      setResendIn(reply?.resendAfterSeconds ?? 60);
      setStep('code');
    },
    onError: form.fromServer,
  });

  const verify = useMutation({
    mutationFn: () =>
      api<void>('/api/auth/password-reset/verify', { method: 'POST', body: { phone: normalizePhone(phone), code, newPassword } }),
    onSuccess: () => {
      toast.show(t('account.reset.done'));
      navigate('/sign-in', { replace: true });
    },
    onError: (err) => {
      form.fromServer(err);
      const back = isApiError(err) ? stepWithError<Step>(err.fieldErrors, { phone: 'phone', code: 'code' }) : null;
      if (back) setStep(back);
      else if (isApiError(err) && /otp|code/i.test(err.code)) setStep('code');
    },
  });

  const submitPhone = (e: FormEvent) => {
    e.preventDefault();
    const problem = phoneProblem(phone, t);
    if (form.check(problem ? { phone: problem } : {})) start.mutate();
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    const problem = codeProblem(code, t);
    if (form.check(problem ? { code: problem } : {})) setStep('password');
  };
  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    let problem: string | null = null;
    if (!newPassword) problem = t('validation.passwordRequired');
    else if (!isLongEnoughPassword(newPassword)) problem = t('validation.passwordShort');
    if (form.check(problem ? { newPassword: problem } : {})) verify.mutate();
  };

  return (
    <div className="narrow stack" ref={stepRef}>
      <h1>{t('account.reset.title')}</h1>
      <StepLabel step={STEP_OF[step]} of={3} />
      {form.errors.form && <Alert kind="error" live>{form.errors.form}</Alert>}
      {step === 'phone' && (
        <form className="stack" onSubmit={submitPhone} noValidate>
          <p>{t('account.reset.intro')}</p>
          <PhoneField id={form.id('phone')} value={phone} onChange={setPhone} error={form.errors.fields.phone} />
          <Button type="submit" block busy={start.isPending}>
            {t('account.otp.send')}
          </Button>
        </form>
      )}
      {step === 'code' && (
        <CodeStep
          phone={normalizePhone(phone)}
          code={code}
          onCode={setCode}
          error={form.errors.fields.code}
          inputId={form.id('code')}
          resendIn={resendIn}
          onResend={() => start.mutate()}
          resending={start.isPending}
          onSubmit={submitCode}
          onBack={() => {
            form.clear();
            setStep('phone');
          }}
        />
      )}
      {step === 'password' && (
        <form className="stack" onSubmit={submitPassword} noValidate>
          <PasswordField
            id={form.id('newPassword')}
            label={t('account.fields.newPassword')}
            value={newPassword}
            onChange={setNewPassword}
            error={form.errors.fields.newPassword}
            autoComplete="new-password"
          />
          <Button type="submit" block busy={verify.isPending}>
            {t('account.reset.submit')}
          </Button>
          <Button variant="ghost" onClick={() => setStep('code')}>
            {t('account.back')}
          </Button>
        </form>
      )}
    </div>
  );
}
