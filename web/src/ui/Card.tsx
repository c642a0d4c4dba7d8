import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Heading level of the title, to keep the page outline right. */
  level?: 2 | 3;
  as?: 'section' | 'div' | 'article';
}

export function Card({ title, level = 2, as: Tag = 'section', className, children, ...rest }: CardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <Tag {...rest} className={['card', className ?? ''].filter(Boolean).join(' ')}>
      {title && <Heading className="card__title">{title}</Heading>}
      {children}
    </Tag>
  );
}

export function Alert({ kind = 'info', children, live }: { kind?: 'error' | 'success' | 'info'; children: ReactNode; live?: boolean }) {
  const role = live ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${kind}`} role={role}>
      <div>{children}</div>
    </div>
  );
}
