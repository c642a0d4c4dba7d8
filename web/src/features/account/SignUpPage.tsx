import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, TextField, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { isApiError, useFormErrors, type FieldErrors } from '../../lib/forms.ts';
import { CONSENT_VERSION } from '@cds/contracts';
import type { OtpStarted, SignedInReply as SignInReply } from '@cds/contracts/identity';
import { isLongEnoughPassword, normalizePhone } from '../../lib/validate.ts';
import { useRefreshMe } from '../../app/auth.ts';
import { usePageTitle } from '../../app/installation.ts';
import { CodeStep, PasswordField, StepLabel, codeProblem, phoneProblem, stepWithError, useCountdown, useStepFocus, PhoneField } from './otp.tsx';

const FIELDS = ['phone', 'code', 'fullName', 'password', 'agree'] as const;
type Step = 'phone' | 'code' | 'details';
const STEP_OF: Record<Step, number> = { phone: 1, code: 2, details: 3 };

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.signUp.title'));
  const navigate = useNavigate();
  const toast = useToast();
  const refreshMe = useRefreshMe();
  const [step, setStep] = useState<Step>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [agree, setAgree] = useState(false);
  const [resendIn, setResendIn] = useCountdown(0);
  const stepRef = useStepFocus(step);
  const form = useFormErrors(FIELDS, 'sign-up');

  const start = useMutation({
    mutationFn: () => api<OtpStarted>('/api/auth/register/start', { method: 'POST', body: { phone: normalizePhone(phone) } }),
    onSuccess: (reply) => {
      form.clear();
      setResendIn(reply.resendAfterSeconds);
      setStep('code');
    },
    onError: (err) => {
      if (isApiError(err, 'identity.phone_taken')) form.check({ phone: err.message });
      else form.fromServer(err);
    },
  });

  const verify = useMutation({
    mutationFn: () =>
      api<SignInReply>('/api/auth/register/verify', {
        method: 'POST',
        body: { phone: normalizePhone(phone), code, password, fullName: fullName.trim() },
      }),
    onSuccess: async () => {
      await recordConsents();
      await refreshMe();
      toast.show(t('account.signUp.done'));
      navigate('/account', { replace: true });
    },
    onError: (err) => {
      form.fromServer(err);
      // a wrong code is fixed on the code step, a taken phone on the first
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
    if (form.check(problem ? { code: problem } : {})) setStep('details');
  };
  const submitDetails = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!fullName.trim()) found.fullName = t('validation.nameRequired');
    if (!password) found.password = t('validation.passwordRequired');
    else if (!isLongEnoughPassword(password)) found.password = t('validation.passwordShort');
    if (!agree) found.agree = t('validation.agreeRequired');
    if (form.check(found)) verify.mutate();
  };

  return (
    <div className="narrow stack" ref={stepRef}>
      <h1>{t('account.signUp.title')}</h1>
      <StepLabel step={STEP_OF[step]} of={3} />
      {form.errors.form && <Alert kind="error" live>{form.errors.form}</Alert>}
      {step === 'phone' && (
        <form className="stack" onSubmit={submitPhone} noValidate>
          <p>{t('account.signUp.intro')}</p>
          <PhoneField id={form.id('phone')} value={phone} onChange={setPhone} error={form.errors.fields.phone} />
          <Button type="submit" block busy={start.isPending}>
            {t('account.otp.send')}
          </Button>
          <p>
            {t('account.signUp.haveAccount')} <Link to="/sign-in">{t('account.signIn.title')}</Link>
          </p>
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
      {step === 'details' && (
        <form className="stack" onSubmit={submitDetails} noValidate>
          <TextField
            id={form.id('fullName')}
            label={t('account.fields.fullName')}
            hint={t('account.fields.fullNameHint')}
            autoComplete="name"
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
            error={form.errors.fields.fullName}
          />
          <PasswordField id={form.id('password')} label={t('account.fields.newPassword')} value={password} onChange={setPassword} error={form.errors.fields.password} autoComplete="new-password" />
          <Checkbox id={form.id('agree')} label={t('account.signUp.agree')} checked={agree} onChange={(e) => setAgree(e.target.checked)} error={form.errors.fields.agree} />
          <Button type="submit" block busy={verify.isPending}>
            {t('account.signUp.submit')}
          </Button>
          <Button variant="ghost" onClick={() => setStep('code')}>
            {t('account.back')}
          </Button>
        </form>
      )}
    </div>
  );
}

/** The sign-up form asked for these two; record them so the person can see and withdraw them later. */
async function recordConsents(): Promise<void> {
  for (const purpose of ['terms', 'personal_data_processing']) {
    try {
      await api('/api/me/consents', { method: 'POST', body: { purpose, version: CONSENT_VERSION } });
    } catch {
      // the account exists; the consents page lets the person grant these again
    }
  }
}
