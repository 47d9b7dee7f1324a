import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link, takeHeadingFocusRequest } from '../routing';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  /** Each tab has its own address, so a tab can be bookmarked, reloaded and reached with Back. */
  path: string;
}

interface TabsProps<Id extends string> {
  /** Accessible name of the tab list. */
  label: string;
  tabs: TabItem<Id>[];
  selectedId: Id;
  /** The selected tab's panel. */
  children: ReactNode;
}

// Tabs follow the WAI-ARIA Authoring Practices with manual activation. ArrowLeft, ArrowRight, Home
// and End move focus between tabs, and Enter or Space opens the focused tab's address. Only the
// selected tab is in the Tab sequence, so Tab moves from it into the panel.

export function Tabs<Id extends string>(props: TabsProps<Id>) {
  const baseId = useId();
  const tabListRef = useRef<HTMLDivElement>(null);
  const shownId = useRef(props.selectedId);
  const tabId = (id: Id) => `${baseId}-tab-${id}`;
  const panelId = `${baseId}-panel`;

  // A navigation to another tab (a click, Enter, or Back and Forward) puts focus on the tab that
  // is now selected, in place of the page heading, which stays where it is.
  useEffect(() => {
    if (shownId.current === props.selectedId) {
      return;
    }
    shownId.current = props.selectedId;
    if (takeHeadingFocusRequest()) {
      selectedTab(tabListRef.current)?.focus();
    }
  }, [props.selectedId]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const tabs = tabElements(tabListRef.current);
    const current = tabs.findIndex((tab) => tab === document.activeElement);
    const focusAt = (index: number) => tabs[(index + tabs.length) % tabs.length]?.focus();

    switch (event.key) {
      case 'ArrowRight':
        event.preventDefault();
        focusAt(current + 1);
        break;
      case 'ArrowLeft':
        event.preventDefault();
        focusAt(current - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(tabs.length - 1);
        break;
      case ' ':
        // Space activates a tab. On a link it would scroll the page instead.
        if (event.target instanceof HTMLAnchorElement) {
          event.preventDefault();
          event.target.click();
        }
        break;
    }
  }

  return (
    <>
      <div
        ref={tabListRef}
        role="tablist"
        aria-label={props.label}
        className="tab-list"
        onKeyDown={handleKeyDown}
      >
        {props.tabs.map((tab) => {
          const selected = tab.id === props.selectedId;
          return (
            <Link
              key={tab.id}
              id={tabId(tab.id)}
              to={tab.path}
              role="tab"
              className="tab"
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
            >
              {tab.label}
            </Link>
          );
        })}
      </div>
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={tabId(props.selectedId)}
        className="tab-panel"
      >
        {props.children}
      </div>
    </>
  );
}

function tabElements(tabList: HTMLElement | null): HTMLElement[] {
  return tabList === null ? [] : Array.from(tabList.querySelectorAll<HTMLElement>('[role="tab"]'));
}

function selectedTab(tabList: HTMLElement | null): HTMLElement | null {
  return tabList?.querySelector<HTMLElement>('[aria-selected="true"]') ?? null;
}
