// Enums and constants of accounts that the server and the web app share. No TypeBox here:
// the web app imports this at runtime (see index.ts).

export const SEXES = ['male', 'female', 'other'] as const;
export type Sex = (typeof SEXES)[number];

/** What a person can consent to (sự đồng ý), as the personal data protection decree asks. */
export const CONSENT_PURPOSES = ['terms', 'personal_data_processing', 'notifications', 'location'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** Version of the consent texts shown today; a new text gets a new version. */
export const CONSENT_VERSION = '1.0';

export const PASSWORD_MIN_LENGTH = 8;

export const ACCOUNT_STATUSES = ['active', 'disabled', 'anonymised'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
