// A small set of line icons drawn inline (no icon font, nothing to download).
// Icons are decoration: the text next to them carries the meaning.
const PATHS = {
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5M18 14a6 6 0 0 1 4 7',
  idCard: 'M3 5h18v14H3zM8 11a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5 16a3 3 0 0 1 6 0M14 9h4M14 13h4',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4',
  text: 'M4 7V5h10v2M9 5v14M7 19h4M14 12v-1h7v1M17.5 11v8M16 19h3',
  contrast: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 3v18',
  globe: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h11',
  login: 'M14 4h5v16h-5M9 8l4 4-4 4M13 12H3',
  home: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  chart: 'M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-8',
  key: 'M14 10a4 4 0 1 0-3.5 4L8 16.5V19h2.5v-2H13l.5-2.5A4 4 0 0 0 14 10z',
  check: 'M5 12l5 5 9-10',
  alert: 'M12 3l10 18H2zM12 10v4M12 17.5v.5',
  offline: 'M2 8a15 15 0 0 1 5-3M22 8a15 15 0 0 0-9.5-3.5M5 12a10 10 0 0 1 4-2.5M19 12a10 10 0 0 0-3-2M9 16a4 4 0 0 1 6 0M12 20h.01M3 3l18 18',
  chevronRight: 'M9 5l7 7-7 7',
  chevronLeft: 'M15 5l-7 7 7 7',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l5 5',
  plus: 'M12 5v14M5 12h14',
  close: 'M6 6l12 12M18 6L6 18',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  inbox: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5',
  briefcase: 'M4 8h16v11H4zM9 8V5h6v3M4 13h16',
  history: 'M3 12a9 9 0 1 0 3-6.7M3 4v4h4M12 8v4l3 2',
  refresh: 'M20 11a8 8 0 0 0-14.5-4M4 4v4h4M4 13a8 8 0 0 0 14.5 4M20 20v-4h-4',
  map: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14',
  camera: 'M3 8h4l2-3h6l2 3h4v11H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  document: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  megaphone: 'M3 10v4h4l7 4V6L7 10zM17 9a4 4 0 0 1 0 6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The province emblem drawn in the brand colours (a placeholder until a pack ships its logo). */
export function Emblem({ className, label }: { className?: string; label?: string }) {
  return (
    <svg className={className} viewBox="0 0 64 64" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} focusable="false">
      <circle cx="32" cy="32" r="31" fill="var(--brand-primary)" stroke="var(--brand-primary-contrast)" strokeWidth="1" />
      <circle cx="32" cy="32" r="26" fill="none" stroke="var(--brand-primary-contrast)" strokeWidth="2" />
      <circle cx="41" cy="22" r="6" fill="var(--brand-accent)" />
      <path d="M10 44 L24 26 L32 36 L38 29 L54 44 Z" fill="var(--brand-primary-contrast)" />
      <path d="M14 48 H50" stroke="var(--brand-primary-contrast)" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
