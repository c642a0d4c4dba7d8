// The floating button that opens the assistant from every citizen page (mounted once in
// the citizen layout); hidden on the chat itself.
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import './assistant.css';

export function AssistantButton() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (pathname.startsWith('/assistant')) return null;
  return (
    <Link to="/assistant" className="assistant-fab" aria-label={t('assistant.open')}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M4 5h16v11H9l-5 4z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
        <path d="M8 9.5h8M8 12.5h5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span>{t('assistant.fab')}</span>
    </Link>
  );
}
