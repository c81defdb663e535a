/**
 * Masks what identifies a person before a message leaves for an external model: phone numbers
 * (Kenyan, Ugandan, Tanzanian and international forms), e-mail addresses, and names after
 * "my name is" / "I am called" / "jina langu ni" / "naitwa" / "mimi ni". Simple on purpose; the
 * conversation subgraph owns the thorough anonymiser.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /(?:\+|00)?(?:254|256|255)[\s-]?\d{3}[\s-]?\d{3}[\s-]?\d{3}|\b0[17]\d{2}[\s-]?\d{3}[\s-]?\d{3}\b|\+\d[\d\s-]{8,14}\d/g;
const NAME = /\b(my name is|my name's|i am called|i'm called|call me|jina langu ni|naitwa|mimi ni|majina yangu ni)\s+((?:[A-Z\u00C0-\u024F][\p{L}'-]+\s*){1,3})/giu;

export function maskPii(text: string): string {
  return text
    .replace(EMAIL, '[EMAIL]')
    .replace(PHONE, '[PHONE]')
    .replace(NAME, (_m, lead: string, name: string) => `${lead} [NAME]${name.endsWith(' ') ? ' ' : ''}`);
}
