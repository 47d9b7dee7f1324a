import { useState, type Ref } from 'react';
import type { PendingEnrolment } from '../api/types';
import { useMessages } from '../locale';
import { groupSecret } from './code';

interface SetupKeyProps {
  enrolment: PendingEnrolment;
  /** The scan instructions, which take focus when this part appears. */
  instructionsRef: Ref<HTMLParagraphElement>;
  instructionsId: string;
}

/** Shows the QR code of a pending enrolment, and its secret as text for manual entry. */
export function SetupKey(props: SetupKeyProps) {
  const messages = useMessages();
  const [copyStatus, setCopyStatus] = useState('');
  // The Clipboard API exists only in secure contexts (HTTPS, or http://localhost).
  const canCopy = window.isSecureContext && 'clipboard' in navigator;

  async function copySecret(): Promise<void> {
    setCopyStatus('');
    try {
      await navigator.clipboard.writeText(props.enrolment.secret);
      setCopyStatus(messages.setupKeyCopied);
    } catch {
      setCopyStatus(messages.setupKeyCopyFailed);
    }
  }

  return (
    <div className="setup-key">
      <p ref={props.instructionsRef} id={props.instructionsId} tabIndex={-1}>
        {messages.scanInstructions}
      </p>
      <img className="qr-code" src={props.enrolment.qrCode} alt={messages.qrCodeAlt} />
      <p>{messages.setupKeyIntro}</p>
      {/* Each block is its own span, spaced by CSS, so the text that is selected and copied, and
          the element's textContent, are the secret without spaces. */}
      <p>
        <code className="secret" data-testid="totp-secret">
          {groupSecret(props.enrolment.secret).map((block, index) => (
            <span key={index}>{block}</span>
          ))}
        </code>
      </p>
      {canCopy && (
        <button type="button" onClick={() => void copySecret()}>
          {messages.copySetupKey}
        </button>
      )}
      <p role="status" className="copy-status">
        {copyStatus}
      </p>
    </div>
  );
}
