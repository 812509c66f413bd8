/** « c•••@exemple.ca »: enough for its owner to recognize the address, not to read it off a screen. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
