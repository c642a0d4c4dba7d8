// Who may do what with payments: the payer reads their own; finance officers (cán bộ tài
// chính) of the agency that collects reconcile and refund; system administrators all.
import { allow, ROLE_SETS, rulesFor, type AbilityTable, type Condition } from '../../platform/policy.ts';

// finance officers only: a system administrator reads any payment (rule table) but does not do the books
export const paymentAbilities: AbilityTable = { 'payments.reconcile': ['finance_officer'] };

export interface PaymentSubject {
  payerUserId: string;
  agencyId: string | null;
}

const isPayer: Condition<PaymentSubject> = (_g, p, ctx) => p.payerUserId === ctx.principal.userId;
const sameAgency: Condition<PaymentSubject> = (g, p) => g.agencyId !== null && g.agencyId === p.agencyId;

export const paymentRules = rulesFor<PaymentSubject>()({
  pay: [allow('anyone', isPayer)],
  read: [allow('anyone', isPayer), allow(['finance_officer'], sameAgency), allow(ROLE_SETS.sysadmins)],
  refund: [allow(['finance_officer'], sameAgency), allow(ROLE_SETS.sysadmins)],
});
