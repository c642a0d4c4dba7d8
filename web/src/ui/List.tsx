import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon, type IconName } from './Icon.tsx';

export function List({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <ul className="list" aria-label={label}>
      {children}
    </ul>
  );
}

export interface ListItemProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: IconName;
  /** In-app route; the row becomes a link with a chevron. */
  to?: string;
  /** Router state passed along with `to` (e.g. the row's data, to show before a fetch). */
  state?: unknown;
  /** Outside link (download, tel:, another server path). */
  href?: string;
  download?: boolean;
  onClick?: () => void;
  trailing?: ReactNode;
}

export function ListItem({ title, description, icon, to, state, href, download, onClick, trailing }: ListItemProps) {
  const body = (
    <>
      {icon && (
        <span className="list__icon">
          <Icon name={icon} />
        </span>
      )}
      <span className="list__body">
        <span className="list__title">{title}</span>
        {description && <span className="list__desc">{description}</span>}
      </span>
      {trailing}
      {(to || href || onClick) && !trailing && (
        <span className="list__chevron">
          <Icon name="chevronRight" />
        </span>
      )}
    </>
  );
  let row: ReactNode;
  if (to) row = <Link className="list__row" to={to} state={state} onClick={onClick}>{body}</Link>;
  else if (href) row = <a className="list__row" href={href} download={download || undefined}>{body}</a>;
  else if (onClick) row = <button type="button" className="list__row" onClick={onClick}>{body}</button>;
  else row = <div className="list__row">{body}</div>;
  return <li className="list__item">{row}</li>;
}
