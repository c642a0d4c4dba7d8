import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  key: string;
  label: ReactNode;
  panel: ReactNode;
}

export interface TabsProps {
  items: TabItem[];
  selected: string;
  onSelect: (key: string) => void;
  label: string;
}

/** WAI-ARIA tabs: one tab in the Tab order, arrows/Home/End move and select. */
export function Tabs({ items, selected, onSelect, label }: TabsProps) {
  const base = useId();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.max(0, items.findIndex((i) => i.key === selected));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const wrapped = (target + items.length) % items.length;
    const item = items[wrapped];
    if (!item) return;
    onSelect(item.key);
    refs.current[wrapped]?.focus();
  };

  const current = items[index];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {items.map((item, i) => (
          <button
            key={item.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${item.key}`}
            aria-selected={i === index}
            aria-controls={`${base}-panel-${item.key}`}
            tabIndex={i === index ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(item.key)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${base}-panel-${current.key}`} aria-labelledby={`${base}-tab-${current.key}`} tabIndex={0}>
          {current.panel}
        </div>
      )}
    </div>
  );
}
