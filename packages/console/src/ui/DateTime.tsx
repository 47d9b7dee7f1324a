import { useLocale } from '../locale';

/** Renders epoch milliseconds as a <time> element in the person's language and region. */
export function DateTime(props: { epochMs: number }) {
  const { formatDateTime } = useLocale();
  return (
    <time dateTime={new Date(props.epochMs).toISOString()}>{formatDateTime(props.epochMs)}</time>
  );
}
