// Unit tests of understanding: folding and abbreviations, typo mending, the threshold and
// the margin, entities and aspects, and the quality gate on the whole test set (a share of
// answers, not a time).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { aspectsOf, entitiesOf, maskForLog } from './intents.ts';
import { Matcher, decide, normalize } from './matcher.ts';
import { IN_SCOPE, OUT_OF_SCOPE } from './test-set.ts';
import { answerKey, bestKey, buildMatcher, understand, type ProcedureEntry } from './understand.ts';

const pack = JSON.parse(fs.readFileSync(new URL('../../../../packs/lang-son/procedures/procedures.json', import.meta.url), 'utf8')) as { procedures: ProcedureEntry[] };
const catalogue = pack.procedures.map((p) => ({ id: p.code, code: p.code, name: p.name, keywords: p.keywords, essential: p.essential }));
const matcher = buildMatcher(catalogue, []);

describe('assistant understanding', () => {
  it('folds diacritics and case, expands the catalogue\'s abbreviations and drops chatty words', () => {
    assert.deepEqual(normalize('Cho mình hỏi làm CCCD ạ'), ['lam', 'the', 'can', 'cuoc', 'cong', 'dan']);
    assert.deepEqual(normalize('Đăng ký GPLX'), ['dang', 'ky', 'giay', 'phep', 'lai', 'xe']);
    // words folding merges with a name are kept: căn cước, mã số thuế, thuốc lá
    assert.ok(normalize('căn cước').includes('can'));
    assert.ok(normalize('mã số thuế').includes('ma'));
    assert.ok(normalize('thuốc lá').includes('la'));
  });

  it('mends a typo one key away from a known word', () => {
    assert.equal(answerKey(understand(matcher, 'khai sinhh')), '1.001193');
    assert.equal(answerKey(understand(matcher, 'dang ky ket hom')), '1.000894');
    assert.ok(matcher.words('giay phep xay dungg').includes('dung'));
  });

  it('answers only above the threshold and clearly ahead of the runner-up', () => {
    const c = (key: string, score: number) => ({ key, score, payload: key });
    assert.equal(decide([]).kind, 'unknown');
    assert.equal(decide([c('a', 0.4)]).kind, 'unknown');
    assert.equal(decide([c('a', 0.9), c('b', 0.5)]).kind, 'answer');
    const close = decide([c('a', 0.9), c('b', 0.88)]);
    assert.equal(close.kind, 'clarify');
    assert.deepEqual(close.kind === 'clarify' ? close.options.map((o) => o.key) : [], ['a', 'b']);
    assert.equal(decide([c('a', 0.9), c('b', 0.88)], { answer: 0.5, margin: 0.01 }).kind, 'answer');
  });

  it('ranks a thing by its best phrase, and weighs rare words over common ones', () => {
    const m = new Matcher([
      { key: 'x', phrases: ['dang ky khai sinh'], payload: 'x' },
      { key: 'y', phrases: ['dang ky ket hon'], payload: 'y' },
      { key: 'z', phrases: ['dang ky tam tru', 'thue tro'], payload: 'z' },
    ]);
    assert.equal(m.rank('khai sinh')[0]?.key, 'x');
    assert.equal(m.rank('thue tro o dau')[0]?.key, 'z');
    // "đăng ký" alone is in all three: nothing stands out
    assert.equal(decide(m.rank('dang ky')).kind, 'clarify');
  });

  it('finds codes and a phone number as typed, before folding would break them', () => {
    assert.deepEqual(entitiesOf('ho so 000.00.17.H41-261202-0001 den dau roi, sdt 0900 000 001'), { dossierCode: '000.00.17.H41-261202-0001', reportCode: null, phone: '0900000001' });
    assert.deepEqual(entitiesOf('phan anh pa-7k3m9q2x'), { dossierCode: null, reportCode: 'PA-7K3M9Q2X', phone: null });
    assert.equal(entitiesOf('+84 912 345 678').phone, '0912345678');
    assert.equal(entitiesOf('goi 1022').phone, null);
    assert.equal(maskForLog('sdt 0900000001 nhe'), 'sdt •••••••••• nhe');
  });

  it('picks out the aspect asked and keeps the rest for matching', () => {
    assert.deepEqual(aspectsOf('lam cccd o dau'), { aspects: ['where'], rest: 'lam cccd' });
    assert.deepEqual(aspectsOf('cap lai gplx mat bao lau').aspects, ['time']);
    assert.deepEqual(aspectsOf('khai sinh can giay to gi, het bao nhieu tien').aspects.sort(), ['fee', 'papers']);
    const u = understand(matcher, 'mat bao lau');
    assert.equal(u.onlyAspects, true);
  });

  it('a code decides the intent whatever the words', () => {
    assert.equal(answerKey(understand(matcher, '000.00.17.H41-261202-0001')), '#dossier_status');
    assert.equal(answerKey(understand(matcher, 'PA-7K3M9Q2X')), '#report_status');
  });

  it('quality gate: at least 90% of the test set answered right at top-1, and 90% of out-of-scope questions not answered', () => {
    assert.ok(IN_SCOPE.length + OUT_OF_SCOPE.length >= 200);
    const right = IN_SCOPE.filter(([q, expected]) => bestKey(understand(matcher, q)) === expected).length;
    const committed = IN_SCOPE.filter(([q, expected]) => answerKey(understand(matcher, q)) === expected).length;
    const declined = OUT_OF_SCOPE.filter((q) => understand(matcher, q).decision.kind === 'unknown').length;
    assert.ok(right / IN_SCOPE.length >= 0.9, `top-1 ${right}/${IN_SCOPE.length}`);
    assert.ok(committed / IN_SCOPE.length >= 0.9, `answered right ${committed}/${IN_SCOPE.length}`);
    assert.ok(declined / OUT_OF_SCOPE.length >= 0.9, `declined ${declined}/${OUT_OF_SCOPE.length}`);
  });
});
