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

/**
 * Whether an action may start from a status. A published item with a major update waiting
 * (`pendingUpdate`) is also reviewed: approve puts the update live, return drops it; the
 * published version stays visible meanwhile.
 */
export function actionAllowedIn(action: NewsAction, status: NewsStatus, pendingUpdate = false): boolean {
  if (pendingUpdate && status === 'published' && (action === 'approve' || action === 'return')) return true;
  return FROM[action].includes(status);
}

/** Characters a title may change by and still be a typo fix (đính chính lỗi chính tả). */
export const TITLE_TYPO_CHARS = 3;
/** Characters a summary or body may change by: 10, or 2 % of the longer text. */
export const bodyTypoChars = (length: number): number => Math.max(10, Math.ceil(length * 0.02));

/**
 * Edit distance (Levenshtein) between two texts, or `limit + 1` as soon as it is surely
 * above `limit`: the common start and end are cut first, so a typo in a 20,000-character
 * body costs only its changed middle.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const x = a.slice(start, endA), y = b.slice(start, endB);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  if (x.length === 0 || y.length === 0) return Math.max(x.length, y.length);
  if (x.length * y.length > 4_000_000) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[y.length]!;
}

type Texts = Partial<Record<string, { title: string; summary: string; body: string } | undefined>>;

/**
 * Whether an edit of published news is a major update (cập nhật quan trọng: back to a second
 * editor, followers told again) rather than a typo fix: any language's title, summary or body
 * changed beyond the typo threshold, or a language added or removed.
 */
export function isMajorChange(before: Texts, after: Texts): boolean {
  const locales = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const l of locales) {
    const b = before[l], a = after[l];
    if (!b || !a) return !!(b || a);
    if (editDistanceWithin(b.title, a.title, TITLE_TYPO_CHARS) > TITLE_TYPO_CHARS) return true;
    for (const k of ['summary', 'body'] as const) {
      const limit = bodyTypoChars(Math.max(b[k].length, a[k].length));
      if (editDistanceWithin(b[k], a[k], limit) > limit) return true;
    }
  }
  return false;
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
