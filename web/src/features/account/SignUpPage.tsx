import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, TextField, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { isApiError, useFormErrors, type FieldErrors } from '../../lib/forms.ts';
import { CONSENT_VERSION } from '@cds/contracts';
import type { SignedInReply as SignInReply } from '@cds/contracts/identity';
import { isLongEnoughPassword } from '../../lib/validate.ts';
import { useRefreshMe } from '../../app/auth.ts';
import { usePageTitle } from '../../app/installation.ts';
import { OtpSteps, PasswordField, useOtpFlow } from './otp.tsx';

const FIELDS = ['phone', 'code', 'fullName', 'password', 'agree'] as const;

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.signUp.title'));
  const navigate = useNavigate();
  const toast = useToast();
  const refreshMe = useRefreshMe();
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [agree, setAgree] = useState(false);
  const form = useFormErrors(FIELDS, 'sign-up');
  const flow = useOtpFlow({
    startPath: '/api/auth/register/start',
    checkPath: '/api/auth/register/check',
    form,
    onStartError: (err) => {
      if (!isApiError(err, 'identity.phone_taken')) return false;
      form.check({ phone: err.message });
      return true;
    },
  });

  const verify = useMutation({
    mutationFn: () =>
      api<SignInReply>('/api/auth/register/verify', {
        method: 'POST',
        body: { phone: flow.normalizedPhone, code: flow.code, password, fullName: fullName.trim() },
      }),
    onSuccess: async () => {
      await recordConsents();
      await refreshMe();
      toast.show(t('account.signUp.done'));
      navigate('/account', { replace: true });
    },
    onError: flow.failed,
  });

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
    <OtpSteps
      flow={flow}
      title={t('account.signUp.title')}
      intro={t('account.signUp.intro')}
      phoneFooter={
        <p>
          {t('account.signUp.haveAccount')} <Link to="/sign-in">{t('account.signIn.title')}</Link>
        </p>
      }
    >
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
        <Button variant="ghost" onClick={() => flow.setStep('code')}>
          {t('account.back')}
        </Button>
      </form>
    </OtpSteps>
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
