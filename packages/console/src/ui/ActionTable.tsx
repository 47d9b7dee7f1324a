import { useId, useRef, type ReactNode } from 'react';
import { useMessages } from '../locale';

interface ActionTableProps {
  /** `data-table` on the apps pages, `device-table` on the MFA page. */
  className: string;
  /** The visible column headings. A last column with a visually hidden "Actions" follows them. */
  columns: string[];
  children: ReactNode;
}

/** Renders a table whose rows each end with an action button. */
export function ActionTable(props: ActionTableProps) {
  const messages = useMessages();

  return (
    <table className={props.className}>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{messages.columnActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

interface RowWithFormProps {
  /** The row heading, which also describes the action button to screen readers. */
  heading: string;
  /** The data cells between the row heading and the action button. */
  cells: ReactNode;
  actionLabel: string;
  formOpen: boolean;
  /** The class of the form row. */
  formRowClassName: string;
  /** How many columns the form row spans, which is every column of the table. */
  columnCount: number;
  onToggle: () => void;
  /** Renders the form, given a handler that closes it and moves focus back to the button. */
  renderForm: (cancel: () => void) => ReactNode;
  onCancel: () => void;
}

/**
 * Renders an item's row with an action button, and below it a row with the action's form while
 * that form is open. The button's aria-expanded and aria-controls tell whether the form is open
 * and which row contains it.
 */
export function RowWithForm(props: RowWithFormProps) {
  const headingId = useId();
  const formRowId = useId();
  const actionButtonRef = useRef<HTMLButtonElement>(null);

  function cancel(): void {
    props.onCancel();
    actionButtonRef.current?.focus();
  }

  return (
    <>
      <tr>
        <th scope="row" id={headingId}>
          {props.heading}
        </th>
        {props.cells}
        <td>
          <button
            ref={actionButtonRef}
            type="button"
            aria-describedby={headingId}
            aria-expanded={props.formOpen}
            aria-controls={props.formOpen ? formRowId : undefined}
            onClick={props.onToggle}
          >
            {props.actionLabel}
          </button>
        </td>
      </tr>
      {props.formOpen && (
        <tr id={formRowId} className={props.formRowClassName}>
          <td colSpan={props.columnCount}>{props.renderForm(cancel)}</td>
        </tr>
      )}
    </>
  );
}
