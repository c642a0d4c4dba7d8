// Processing steps (bước xử lý) of a dossier: receive → assign → appraise → approve →
// return by default. A procedure may override them with its own list, stored as data
// (dossier_procedure_steps); each dossier keeps the list it was submitted with.
import { invalidField } from '../../platform/errors.ts';

export interface Step {
  key: string;
  name: string;
}

export const DEFAULT_STEPS: Step[] = [
  { key: 'receive', name: 'Tiếp nhận hồ sơ' },
  { key: 'assign', name: 'Phân công xử lý' },
  { key: 'appraise', name: 'Thẩm định' },
  { key: 'approve', name: 'Phê duyệt' },
  { key: 'return', name: 'Trả kết quả' },
];

/** A usable list starts with receive and assign, ends with return, and has a step between. */
export function validateSteps(steps: Step[]): void {
  const keys = steps.map((s) => s.key);
  if (steps.length < 4) throw invalidField('steps', 'dossiers.steps_too_few');
  if (keys[0] !== 'receive' || keys[1] !== 'assign' || keys[keys.length - 1] !== 'return') throw invalidField('steps', 'dossiers.steps_shape');
  if (new Set(keys).size !== keys.length) throw invalidField('steps', 'dossiers.steps_duplicate');
}

export function stepAfter(steps: Step[], current: string | null): string | null {
  const i = steps.findIndex((s) => s.key === current);
  return i >= 0 && i + 1 < steps.length ? steps[i + 1]!.key : null;
}

/** Only the step just before "return" may complete the processing (status 9). */
export function isLastProcessingStep(steps: Step[], current: string | null): boolean {
  return steps.length >= 2 && steps[steps.length - 2]!.key === current;
}

export function stepName(steps: Step[], key: string | null): string {
  return steps.find((s) => s.key === key)?.name ?? key ?? '';
}
