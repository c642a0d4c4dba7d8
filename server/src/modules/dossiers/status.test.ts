import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_STATUSES, canMove, nextStatus, TRANSITIONS, type Action, type Status } from './status.ts';
import { DEFAULT_STEPS, isLastProcessingStep, stepAfter, validateSteps } from './steps.ts';
import { formatDossierCode, DOSSIER_CODE } from './code.ts';
import { foldVietnamese, normalisePhone } from './text.ts';

// The legal status graph written out by hand from the one-stop-shop rules, independent of
// the table in status.ts: every pair not listed here must be refused.
const LEGAL = new Set([
  '0>1',
  '1>2', '1>3', '1>5', '1>7', '1>1',
  '2>3', '2>4', '2>5', '2>6', '2>7', '2>2',
  '4>3', '4>4', '4>5', '4>6', '4>7', '4>8', '4>9',
  '5>1', '5>2', '5>4', '5>7', '5>8',
  '6>4', '6>7', '6>8', '6>6',
  '9>10', '9>9',
]);

describe('dossier status transitions', () => {
  it('allows exactly the legal moves and refuses every other of the 121 pairs', () => {
    for (const from of ALL_STATUSES) {
      for (const to of ALL_STATUSES) {
        assert.equal(canMove(from, to), LEGAL.has(`${from}>${to}`), `${from} → ${to}`);
      }
    }
  });

  it('refuses every action from every status its rule does not list', () => {
    let refused = 0;
    for (const action of Object.keys(TRANSITIONS) as Action[]) {
      for (const from of ALL_STATUSES) {
        const listed = TRANSITIONS[action].from.includes(from);
        const to = nextStatus(action, from, 4);
        if (!listed) {
          assert.equal(to, null, `${action} from ${from}`);
          refused++;
        } else assert.notEqual(to, null, `${action} from ${from}`);
      }
    }
    assert.ok(refused > 100);
  });

  it('finished statuses lead nowhere', () => {
    for (const closed of [3, 7, 8, 10] as Status[]) {
      for (const to of ALL_STATUSES) assert.equal(canMove(closed, to), false, `${closed} → ${to}`);
    }
  });

  it('resumes to where the dossier paused, and only to an open status', () => {
    assert.equal(nextStatus('supply_documents', 5, 1), 1);
    assert.equal(nextStatus('supply_documents', 5, 4), 4);
    assert.equal(nextStatus('supply_documents', 5, null), null);
    assert.equal(nextStatus('supply_documents', 5, 9), null);
    assert.equal(nextStatus('supply_documents', 4, 4), null);
  });

  it('keeps the status on hand-offs and apologies', () => {
    assert.equal(nextStatus('forward', 4), 4);
    assert.equal(nextStatus('apologize', 9), 9);
    assert.equal(nextStatus('apologize', 10), null);
  });
});

describe('processing steps', () => {
  it('walks the default steps and completes only at the last processing step', () => {
    assert.equal(stepAfter(DEFAULT_STEPS, 'receive'), 'assign');
    assert.equal(stepAfter(DEFAULT_STEPS, 'assign'), 'appraise');
    assert.equal(isLastProcessingStep(DEFAULT_STEPS, 'appraise'), false);
    assert.equal(isLastProcessingStep(DEFAULT_STEPS, 'approve'), true);
    assert.equal(stepAfter(DEFAULT_STEPS, 'return'), null);
  });

  it('validates overrides', () => {
    const ok = [{ key: 'receive', name: 'a' }, { key: 'assign', name: 'b' }, { key: 'field_check', name: 'c' }, { key: 'approve', name: 'd' }, { key: 'return', name: 'e' }];
    assert.doesNotThrow(() => validateSteps(ok));
    assert.throws(() => validateSteps(ok.slice(0, 3)), /validation/);
    assert.throws(() => validateSteps([ok[1]!, ok[0]!, ...ok.slice(2)]), /validation/);
    assert.throws(() => validateSteps([...ok.slice(0, 4), ok[2]!, ok[4]!]), /validation/);
  });
});

describe('dossier code and text helpers', () => {
  it('formats <agency electronic id>-YYMMDD-XXXX', () => {
    assert.equal(formatDossierCode('000.00.02.H41', '2026-11-23', 7), '000.00.02.H41-261123-0007');
    assert.match(formatDossierCode('UBND-05983', '2026-01-02', 12), DOSSIER_CODE);
    assert.equal(formatDossierCode('X', '2026-01-02', 12345), 'X-260102-12345');
  });

  it('folds Vietnamese and normalises phones', () => {
    assert.equal(foldVietnamese('Nguyễn Văn Ân Đức'), 'nguyen van an duc');
    assert.equal(normalisePhone('+84 900 000 001'), '0900000001');
    assert.equal(normalisePhone('0900.000.001'), '0900000001');
  });
});
