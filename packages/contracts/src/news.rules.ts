// Rules of official news and announcements (tin tức, thông báo) that the server and the
// web app both run: topics, the review workflow, who reads what. No TypeBox here.

/** What a piece of news is about; citizens follow topics to be told of new items. */
export const NEWS_TOPICS = ['policy', 'events', 'culture', 'health', 'traffic', 'education', 'agriculture', 'security'] as const;
export type NewsTopic = (typeof NEWS_TOPICS)[number];

/** News (tin tức) tells; an announcement (thông báo) asks people to know or do something. */
export const NEWS_KINDS = ['news', 'announcement'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

/** Vietnamese is required; the others are optional translations. */
export const NEWS_LOCALES = ['vi', 'en'] as const;
export type NewsLocale = (typeof NEWS_LOCALES)[number];

/**
 * draft → in_review (submitted) → scheduled (approved, publish time later) or published;
 * in_review → draft (returned); scheduled/published → withdrawn (thu hồi: the page stays,
 * with a banner).
 */
export const NEWS_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

export const NEWS_ACTIONS = ['edit', 'submit', 'approve', 'return', 'withdraw'] as const;
export type NewsAction = (typeof NEWS_ACTIONS)[number];

/** An edit of published news: a major update (cập nhật quan trọng) tells followers again; a minor correction (đính chính nhỏ) does not. */
export const NEWS_CHANGES = ['major', 'minor'] as const;
export type NewsChange = (typeof NEWS_CHANGES)[number];

/** Statuses from which each action may start (who may act is the server's policy). */
const FROM: Record<NewsAction, readonly NewsStatus[]> = {
  edit: ['draft', 'published'],
  submit: ['draft'],
  approve: ['in_review'],
  return: ['in_review'],
  withdraw: ['scheduled', 'published'],
};

export function actionAllowedIn(action: NewsAction, status: NewsStatus): boolean {
  return FROM[action].includes(status);
}

/** Where an approval leads: published now, or scheduled when the publish time is still ahead. */
export function statusAfterApproval(publishAt: Date | null, now: Date): 'scheduled' | 'published' {
  return publishAt && publishAt.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/**
 * The four-eyes rule: the editor who approves must be someone else than the one who wrote,
 * last edited or submitted the draft.
 */
export function mayReview(reviewerId: string, item: { authorId: string; updatedBy: string; submittedBy: string | null }): boolean {
  return reviewerId !== item.authorId && reviewerId !== item.updatedBy && reviewerId !== item.submittedBy;
}

/** Whether citizens can read the item (scheduled items once their time has come; withdrawn ones keep their page). */
export function isPublic(status: NewsStatus, publishedAt: Date | null, now: Date): boolean {
  if (status === 'draft' || status === 'in_review' || !publishedAt) return false;
  return publishedAt.getTime() <= now.getTime();
}

/**
 * Whether an item targeted at `targetCommunes` (empty = the agency's whole province) reaches
 * a person living in `communeCode` of `provinceCode`. Without a home commune only the
 * province-wide items reach them.
 */
export function reaches(target: { provinceCode: string; communes: readonly string[] }, place: { provinceCode: string; communeCode: string | null }): boolean {
  if (target.provinceCode !== place.provinceCode) return false;
  if (target.communes.length === 0) return true;
  return place.communeCode !== null && target.communes.includes(place.communeCode);
}
