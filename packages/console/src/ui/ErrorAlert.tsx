/**
 * Renders an error sentence in a role="alert" element, or nothing without a message. Forms give it
 * a new key on each attempt, so that a repeated message is inserted and announced again.
 */
export function ErrorAlert(props: { id?: string; message: string | null }) {
  if (props.message === null) {
    return null;
  }
  return (
    <p id={props.id} role="alert" className="alert">
      {props.message}
    </p>
  );
}
