// Constants of the health book (sổ sức khỏe điện tử) both sides need. No TypeBox here.

/** Version of the consent text the health page shows; a new text gets a new version. */
export const HEALTH_CONSENT_VERSION = '1.0';
