import type { ClientType } from '../api/types';
import type { Messages } from '../messages';

export function clientTypeLabel(clientType: ClientType, messages: Messages): string {
  return clientType === 'public' ? messages.clientTypePublic : messages.clientTypeConfidential;
}
