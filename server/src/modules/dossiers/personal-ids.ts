// Personal ID numbers (số CCCD) typed into an application form are personal data: sealed
// at rest with AES-GCM (the platform's DataCipher, bound to the field), shown masked to the
// applicant once filed and to anyone else but the staff who handle the dossier (whose read
// is audited). Which fields: the form schema marks them `x-personal-id`. A sealed value is
// an object in the flat form, so it can never be mistaken for something a person typed.
import { maskPersonalId, personalIdFields, type FormSchema } from '@cds/contracts';
import type { DataCipher } from '../../platform/crypto.ts';

type Sealed = { $sealed: string };
export type FormData = Record<string, unknown>;

const isSealed = (v: unknown): v is Sealed => typeof v === 'object' && v !== null && typeof (v as Sealed).$sealed === 'string';
const contextOf = (field: string) => `dossiers.form_data.${field}`;

export class PersonalIds {
  constructor(private readonly cipher: DataCipher) {}

  /** The form as stored: every marked field that holds text is sealed. */
  seal(schema: FormSchema, form: FormData): FormData {
    const out: FormData = { ...form };
    for (const field of personalIdFields(schema)) {
      const value = out[field];
      if (typeof value === 'string' && value !== '') out[field] = { $sealed: this.cipher.encrypt(value, contextOf(field)) } satisfies Sealed;
    }
    return out;
  }

  /** Whether a stored form still holds a marked field in clear (written before sealing existed). */
  hasClear(schema: FormSchema, form: FormData): boolean {
    return personalIdFields(schema).some((f) => typeof form[f] === 'string' && form[f] !== '');
  }

  /** The form with its sealed fields opened (to validate it, or for the staff handling it). */
  open(form: FormData): FormData {
    return this.map(form, (field, sealed) => this.cipher.decrypt(sealed.$sealed, contextOf(field)));
  }

  /** The form with its sealed fields masked: only the last digits show. */
  masked(form: FormData): FormData {
    return this.map(form, (field, sealed) => maskPersonalId(this.cipher.decrypt(sealed.$sealed, contextOf(field))));
  }

  private map(form: FormData, fn: (field: string, sealed: Sealed) => string): FormData {
    const out: FormData = {};
    for (const [field, value] of Object.entries(form)) out[field] = isSealed(value) ? fn(field, value) : value;
    return out;
  }
}
