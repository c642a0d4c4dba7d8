import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { isLongEnoughPassword } from '../../lib/validate.ts';
import { usePageTitle } from '../../app/installation.ts';
import { OtpSteps, PasswordField, useOtpFlow } from './otp.tsx';

const FIELDS = ['phone', 'code', 'newPassword'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.reset.title'));
  const navigate = useNavigate();
  const toast = useToast();
  const [newPassword, setNewPassword] = useState('');
  const form = useFormErrors(FIELDS, 'reset');
  // the code is checked before the new password is asked for, so a mistyped code is fixed
  // on the step where it was typed
  const flow = useOtpFlow({ startPath: '/api/auth/password-reset/start', checkPath: '/api/auth/password-reset/check', form });

  const verify = useMutation({
    mutationFn: () =>
      api<void>('/api/auth/password-reset/verify', { method: 'POST', body: { phone: flow.normalizedPhone, code: flow.code, newPassword } }),
    onSuccess: () => {
      toast.show(t('account.reset.done'));
      navigate('/sign-in', { replace: true });
    },
    onError: flow.failed,
  });

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    let problem: string | null = null;
    if (!newPassword) problem = t('validation.passwordRequired');
    else if (!isLongEnoughPassword(newPassword)) problem = t('validation.passwordShort');
    if (form.check(problem ? { newPassword: problem } : {})) verify.mutate();
  };

  return (
    <OtpSteps flow={flow} title={t('account.reset.title')} intro={t('account.reset.intro')}>
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
        <Button variant="ghost" onClick={() => flow.setStep('code')}>
          {t('account.back')}
        </Button>
      </form>
    </OtpSteps>
  );
}
