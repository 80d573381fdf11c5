import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface PageTab {
  readonly key: string;
  readonly title: string;
  readonly body: ReactNode;
}

/**
 * A page's Details / XML tabs, in PatternFly's tab styles: a plain tab list (PatternFly's Tabs measure the document's
 * direction on every update, which the Details page would pay for on each keystroke). Only the tab shown is mounted.
 */
export function PageTabs({ tabs, active, onSelect, label }: { tabs: readonly PageTab[]; active: string; onSelect: (key: string) => void; label: string }): React.JSX.Element {
  const id = useId();
  const shown = tabs.find((t) => t.key === active) ?? tabs[0];
  const keys = (e: KeyboardEvent<HTMLButtonElement>, i: number): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    if (next === undefined) return;
    onSelect(next.key);
    document.getElementById(`${id}-${next.key}`)?.focus();
  };
  return (
    <>
      <div className="pf-v6-c-tabs vm-page-tabs">
        <ul className="pf-v6-c-tabs__list" role="tablist" aria-label={label}>
          {tabs.map((tab, i) => (
            <li key={tab.key} className={tab.key === shown?.key ? 'pf-v6-c-tabs__item pf-m-current' : 'pf-v6-c-tabs__item'} role="presentation">
              <button type="button" role="tab" id={`${id}-${tab.key}`} className="pf-v6-c-tabs__link" aria-selected={tab.key === shown?.key}
                aria-controls={`${id}-panel`} tabIndex={tab.key === shown?.key ? 0 : -1} onClick={() => onSelect(tab.key)} onKeyDown={(e) => keys(e, i)}>
                <span className="pf-v6-c-tabs__item-text">{tab.title}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <section id={`${id}-panel`} role="tabpanel" className="vm-page-panel" aria-labelledby={`${id}-${shown?.key ?? ''}`}>
        {shown?.body}
      </section>
    </>
  );
}
