// Who may write and review news: editors (news_editor) of the agency that holds the item,
// within their area; the second editor who approves must not be the one who wrote, last
// edited or submitted the draft (the four-eyes rule of news.rules.ts).
import { mayReview } from '@cds/contracts/news.rules';
import { allow, inAgencyScope, rulesFor, type AbilityTable, type Condition, type Scoped } from '../../platform/policy.ts';
import type { NewsItemRow } from './repo.ts';

export const EDITOR_ROLES = ['news_editor'] as const;

export const newsAbilities: AbilityTable = {
  /** The editors' desk: write, review, publish and withdraw the agency's news. */
  'news.edit': EDITOR_ROLES,
};

/** An item as the rules see it: held by an agency, placed at the agency's own area. */
export interface NewsSubject extends Scoped {
  authorId: string;
  updatedBy: string;
  submittedBy: string | null;
}

export function subjectOf(item: Pick<NewsItemRow, 'agency_id' | 'created_by' | 'updated_by' | 'submitted_by'>, agencyAreaCode: string | null): NewsSubject {
  return { agencyId: item.agency_id, areaCode: agencyAreaCode, authorId: item.created_by, updatedBy: item.updated_by, submittedBy: item.submitted_by };
}

const notTheirOwn: Condition<NewsSubject> = (grant, item, ctx) => inAgencyScope(grant, item, ctx) && mayReview(ctx.principal.userId, item);

export const newsRules = rulesFor<NewsSubject>()({
  /** Read drafts, write, submit for review, edit published items, withdraw. */
  write: [allow(EDITOR_ROLES, inAgencyScope)],
  /** Approve (publish or schedule) or return a draft under review. */
  review: [allow(EDITOR_ROLES, notTheirOwn)],
});
