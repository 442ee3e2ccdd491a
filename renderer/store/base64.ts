// Bytes as text for what the store keeps in strings: base64 (wrapped keys, sealed fields)
// with the browser's own btoa/atob, and hex (ids, names). Built a slice at a time: one
// String.fromCharCode call per byte is slow for the many kilobytes a first sync seals.

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Lower-case hex, two digits a byte (ids, database names, SHA-256 digests). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
