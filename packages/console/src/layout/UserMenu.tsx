import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../locale';
import { Link, paths } from '../routing';

// A menu button as in the WAI-ARIA Authoring Practices. Enter, Space or ArrowDown on the button
// opens the menu with focus on its first item. ArrowUp, ArrowDown, Home and End move between items.
// Escape closes the menu and puts focus back on the button. Tab or a click elsewhere closes it.

export function UserMenu(props: { email: string; signingOut: boolean; onSignOut: () => void }) {
  const messages = useMessages();
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) {
      menuItems(menuRef.current)[0]?.focus();
    }
  }, [open]);

  useEffect(() => {
    if (!open) {
      return;
    }
    function closeOnOutsidePointer(event: PointerEvent): void {
      const target = event.target instanceof Node ? event.target : null;
      if (!containerRef.current?.contains(target)) {
        setOpen(false);
      }
    }
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  // Activating an item also returns focus to the button, and a navigation then moves it on to the
  // new page's heading.
  function closeAndFocusButton(): void {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function handleButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  function handleMenuKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const items = menuItems(menuRef.current);
    const current = items.findIndex((item) => item === document.activeElement);
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();

    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        closeAndFocusButton();
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusAt(current + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(current - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(items.length - 1);
        break;
      case 'Tab':
        setOpen(false);
        break;
      case ' ':
        // Space activates a menu item. On a link it would scroll the page instead.
        if (event.target instanceof HTMLAnchorElement) {
          event.preventDefault();
          event.target.click();
        }
        break;
    }
  }

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={handleButtonKeyDown}
      >
        {props.email}
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={messages.accountMenu}
          className="user-menu-list"
          onKeyDown={handleMenuKeyDown}
        >
          <li role="none">
            <Link role="menuitem" tabIndex={-1} to={paths.mfa} onClick={closeAndFocusButton}>
              {messages.mfaSetting}
            </Link>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={props.signingOut}
              onClick={() => {
                closeAndFocusButton();
                props.onSignOut();
              }}
            >
              {messages.signOut}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu === null ? [] : Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]'));
}
