import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from './Icon.tsx';

export interface PageHeaderProps {
  title: ReactNode;
  /** The page one level up, named so the link says where it goes. */
  back?: { to: string; label: string };
}

/** A page's heading, with a link back to the page it belongs to. */
export function PageHeader({ title, back }: PageHeaderProps) {
  return (
    <>
      {back && (
        <Link to={back.to} className="back-link">
          <Icon name="chevronLeft" />
          {back.label}
        </Link>
      )}
      <h1>{title}</h1>
    </>
  );
}
