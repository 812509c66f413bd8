/**
 * Where a client who is stuck (a locked account, a lost phone) finds help: an email address, a
 * phone number, a web page — each optional. Checked before they are stored, since the pages make
 * links of them (`mailto:`, `tel:`, `https:`).
 */

export interface SupportContact {
  email?: string;
  phone?: string;
  url?: string;
}

export type SupportField = keyof SupportContact;

const email = /^[^\s@<>"()[\]\\,;:]+@[^\s@<>"()[\]\\,;:]+\.[^\s@<>"()[\]\\,;:]+$/;
const phone = /^\+?[0-9][0-9 ().-]{4,28}[0-9]$/;

/** The value as stored (trimmed), '' to clear it, or undefined when it is not valid. */
export function checkSupportField(field: SupportField, text: string): string | undefined {
  const value = text.trim();
  if (value === '') return '';
  switch (field) {
    case 'email':
      return value.length <= 254 && email.test(value) ? value : undefined;
    case 'phone':
      return phone.test(value) && value.replace(/\D/g, '').length >= 6 ? value : undefined;
    case 'url':
      return isWebAddress(value) ? value : undefined;
  }
}

function isWebAddress(value: string): boolean {
  if (value.length > 300) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
  } catch {
    return false;
  }
}

/** `tel:` wants the digits (and a leading +) only. */
export function telHref(phoneNumber: string): string {
  return `tel:${phoneNumber.startsWith('+') ? '+' : ''}${phoneNumber.replace(/\D/g, '')}`;
}

export function hasSupportContact(contact: SupportContact): boolean {
  return Boolean(contact.email || contact.phone || contact.url);
}
