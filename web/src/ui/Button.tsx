import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './Icon.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface CommonProps {
  variant?: ButtonVariant;
  block?: boolean;
  icon?: IconName;
  children: ReactNode;
}

function classes(variant: ButtonVariant, block: boolean | undefined, extra?: string): string {
  return ['btn', `btn--${variant}`, block ? 'btn--block' : '', extra ?? ''].filter(Boolean).join(' ');
}

export interface ButtonProps extends CommonProps, Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** Shows a busy label and blocks double submits while a request runs. */
  busy?: boolean;
}

export function Button({ variant = 'primary', block, icon, busy, children, className, type = 'button', disabled, ...rest }: ButtonProps) {
  const { t } = useTranslation();
  return (
    <button {...rest} type={type} className={classes(variant, block, className)} disabled={disabled || busy} aria-busy={busy || undefined}>
      {icon && <Icon name={icon} />}
      <span>{busy ? t('ui.working') : children}</span>
    </button>
  );
}

export type ButtonLinkProps = CommonProps & Omit<LinkProps, 'children'>;

export function ButtonLink({ variant = 'primary', block, icon, children, className, ...rest }: ButtonLinkProps) {
  return (
    <Link {...rest} className={classes(variant, block, className)}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
    </Link>
  );
}

/** For links that leave the app (eID provider, tel:, file downloads). */
export function ButtonAnchor({ variant = 'primary', block, icon, children, className, ...rest }: CommonProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'children'>) {
  return (
    <a {...rest} className={classes(variant, block, className)}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
    </a>
  );
}
