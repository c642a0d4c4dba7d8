// VietQR (NAPAS 247): the EMVCo merchant-presented QR that every Vietnamese bank app scans
// to make a transfer. Built on the server for a payment (dynamic, with the amount and the
// payment reference in the purpose) and for a shop's account (static). Pure, so the web
// app can also check a code it shows. Facts: EMVCo MPM spec, NAPAS VietQR guideline.

/** One TLV field: two-digit id, two-digit length, value. */
function field(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as 4 uppercase hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Text a bank app shows and matches: no diacritics (đ → d), letters, digits, spaces and a
 * few safe marks, at most `max` characters. Banks drop or garble anything else.
 */
export function toQrText(text: string, max = 25): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .,\-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

export interface VietQrInput {
  /** The beneficiary bank's 6-digit BIN (e.g. 970436 Vietcombank). */
  bankBin: string;
  /** Account number (or card number when `to` is 'card'). */
  accountNumber: string;
  to?: 'account' | 'card';
  /** Whole VND; omitted for a static QR where the payer types the amount. */
  amount?: number;
  /** Purpose of the transfer (field 62.08): carries the payment reference; folded to plain ASCII. */
  purpose?: string;
}

/** The VietQR payload string (what the QR image encodes). */
export function buildVietQr(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new RangeError('bankBin must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new RangeError('accountNumber must be 1–19 letters or digits');
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > 9_999_999_999_999)) {
    throw new RangeError('amount must be a positive whole number of VND');
  }
  const beneficiary = field('00', input.bankBin) + field('01', input.accountNumber);
  const account = field('00', 'A000000727') + field('01', beneficiary) + field('02', input.to === 'card' ? 'QRIBFTTC' : 'QRIBFTTA');
  const purpose = input.purpose ? toQrText(input.purpose) : '';
  const body =
    field('00', '01') +
    field('01', input.amount === undefined ? '11' : '12') +
    field('38', account) +
    field('53', '704') +
    (input.amount === undefined ? '' : field('54', String(input.amount))) +
    field('58', 'VN') +
    (purpose ? field('62', field('08', purpose)) : '') +
    '6304';
  return body + crc16CcittFalse(body);
}

/** Splits a payload into its top-level fields; null when the structure or the CRC is wrong. */
export function parseVietQr(payload: string): Map<string, string> | null {
  if (payload.length < 8 || crc16CcittFalse(payload.slice(0, -4)) !== payload.slice(-4).toUpperCase()) return null;
  const fields = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const id = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len) || i + 4 + len > payload.length) return null;
    fields.set(id, payload.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return fields;
}
