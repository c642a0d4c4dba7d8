// Who may teach the assistant: its editors (assistant_editor) and system administrators
// read the unanswered and unhelpful questions and write the answers it uses from then on.
// Asking and rating need no account.
import type { AbilityTable } from '../../platform/policy.ts';

export const assistantAbilities: AbilityTable = {
  /** See the questions the assistant could not answer or answered badly; write its answers. */
  'assistant.curate': ['assistant_editor', 'sysadmin'],
};
