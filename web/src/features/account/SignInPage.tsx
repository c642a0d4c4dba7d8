import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PhoneField } from './otp.tsx';
import { Alert, Button, ButtonAnchor, TextField } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import type { SignedInReply as SignInReply } from '@cds/contracts/identity';
import { isValidPhone, normalizePhone } from '../../lib/validate.ts';
import { landingPath, useRefreshMe } from '../../app/auth.ts';
import { usePageTitle } from '../../app/installation.ts';
import { eidStartUrl, useEidAvailable } from './eid.ts';

const FIELDS = ['phone', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const refreshMe = useRefreshMe();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELDS, 'sign-in');
  const eid = useEidAvailable();

  const signIn = useMutation({
    mutationFn: () => api<SignInReply>('/api/auth/login', { method: 'POST', body: { phone: normalizePhone(phone), password } }),
    onSuccess: async () => {
      const me = await refreshMe();
      // no "you are signed in" toast: it covered the page the person came for, and the
      // page itself (the greeting, the header's account button) already says so
      navigate(landingPath(me, next), { replace: true });
    },
    onError: form.fromServer,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!phone.trim()) found.phone = t('validation.phoneRequired');
    else if (!isValidPhone(phone)) found.phone = t('validation.phoneFormat');
    if (!password) found.password = t('validation.passwordRequired');
    if (form.check(found)) signIn.mutate();
  };

  return (
    <div className="narrow stack">
      <h1>{t('account.signIn.title')}</h1>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {params.get('eid') === 'failed' && !form.errors.form && <Alert kind="error">{t('account.eid.failed')}</Alert>}
        {form.errors.form && <Alert kind="error" live>{form.errors.form}</Alert>}
        <PhoneField id={form.id('phone')} value={phone} onChange={setPhone} error={form.errors.fields.phone} />
        <TextField
          id={form.id('password')}
          label={t('account.fields.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.fields.password}
        />
        <Button type="submit" block busy={signIn.isPending}>
          {t('account.signIn.submit')}
        </Button>
        <p>
          <Link to="/forgot-password">{t('account.signIn.forgot')}</Link>
        </p>
      </form>
      <div className="stack">
        {eid && (
          <>
            <p className="muted">{t('account.signIn.or')}</p>
            <ButtonAnchor href={eidStartUrl(next ? `/after-sign-in?next=${encodeURIComponent(next)}` : undefined)} icon="idCard" variant="secondary" block>
              {t('account.eid.button')}
            </ButtonAnchor>
          </>
        )}
        <p>
          {t('account.signIn.noAccount')} <Link to="/sign-up">{t('account.signUp.title')}</Link>
        </p>
      </div>
    </div>
  );
}
