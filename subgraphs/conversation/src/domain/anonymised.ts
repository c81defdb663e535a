import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, type DataKeyVault } from '@resona/db';
import { badUserInput } from '@resona/errors';
import { MessageEntity, type Message } from '../entities.js';
import { detectLanguage } from './language.js';
import { PiiMasker } from './pii.js';

/** Most message ids one `anonymisedMessages` call may ask for. */
export const MAX_ANONYMISED_MESSAGES = 100;

export interface AnonymisedMessage {
  id: string;
  userId: string;
  /** EN, SW or MIXED. */
  language: string;
  text: string;
}

/**
 * People's own messages among `ids` (never Resona's replies: they are not what was assessed), of
 * people whose RESEARCH consent is active now (checked here too, whoever the service calling is, and
 * before anything is decrypted), decrypted and with personal data masked by the anonymiser every
 * external AI call goes through.
 * Each message is masked on its own, so placeholders restart at `[NAME_1]` in every one and
 * nothing links two messages. Unknown ids are left out; the order is that of `ids`. `access.onRead`
 * hears of every message decrypted, before its text is returned (the caller audits it).
 */
export async function anonymisedMessages(
  em: EntityManager,
  vault: DataKeyVault,
  ids: string[],
  access: { hasResearchConsent: (userId: string) => Promise<boolean>; onRead: (message: Message) => void },
): Promise<AnonymisedMessage[]> {
  if (ids.length < 1 || ids.length > MAX_ANONYMISED_MESSAGES) throw badUserInput(`ids must hold 1 to ${MAX_ANONYMISED_MESSAGES} message ids.`, 'ids');
  if (!ids.every(isUuid)) throw badUserInput('ids must be message ids.', 'ids');
  const wanted = [...new Set(ids)];
  const found = await em.find(MessageEntity, { id: { $in: wanted }, role: 'USER' });
  const consented = new Map<string, Promise<boolean>>();
  const mayUse = (userId: string) => {
    if (!consented.has(userId)) consented.set(userId, access.hasResearchConsent(userId));
    return consented.get(userId)!;
  };
  const allowed = await Promise.all(found.map((m) => mayUse(m.userId)));
  const byId = new Map(found.filter((_m, i) => allowed[i]).map((m) => [m.id, m]));
  const out: AnonymisedMessage[] = [];
  for (const id of wanted) {
    const message = byId.get(id);
    if (!message) continue;
    const text = await vault.decrypt(message.userId, message.textCiphertext, message.id);
    access.onRead(message);
    out.push({ id, userId: message.userId, language: message.language ?? detectLanguage(text), text: new PiiMasker().mask(text) });
  }
  return out;
}
