// HTTP tests of the news module: every route, happy path, bad input and refusals, the
// four-eyes review, commune targeting, followers' notices, withdrawal and the feeds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { signIn, type TestSession } from '../../../test/identity.ts';
import { identityModule } from '../identity/index.ts';
import { newsModule } from './index.ts';

const LVT = '05983'; // Phường Lương Văn Tri, home of An
const TK = '06040'; // Xã Thất Khê, home of Bình
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Json = Record<string, unknown>;

describe('news', () => {
  let t: TestApp;
  let writer: TestSession; // 0900000402
  let reviewer: TestSession; // 0900000403
  let an: TestSession;
  let binh: TestSession;
  let officer: TestSession;
  let coverId = '';
  let pdfId = '';
  let itemId = '';

  const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, s?: TestSession | null, payload?: unknown) =>
    t.app.inject({ method, url, headers: s ? s.headers : {}, ...(payload !== undefined ? { payload: payload as Json } : {}) });
  const draft = (over: Json = {}) => ({
    kind: 'announcement',
    texts: { vi: { title: 'Lịch tiêm phòng dại cho chó, mèo', summary: 'Mang vật nuôi đến nhà văn hóa phường sáng thứ bảy.', body: 'Ủy ban nhân dân phường thông báo lịch tiêm phòng dại.' } },
    topics: ['health'],
    targetCommunes: [LVT],
    ...over,
  });
  const field = (res: { json(): unknown }) => ((res.json() as { error: { details: { field: string }[] } }).error.details ?? []).map((d) => d.field);
  const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
  const titles = (res: { json(): unknown }) => (res.json() as { items: { title: string }[] }).items.map((i) => i.title);

  before(async () => {
    t = await createTestApp();
    writer = await signIn(t.app, '0900000402');
    reviewer = await signIn(t.app, '0900000403');
    an = await signIn(t.app, '0900000001');
    binh = await signIn(t.app, '0900000002');
    officer = await signIn(t.app, '0900000101');
  });
  after(() => t.teardown());

  describe('reading (demo items)', () => {
    it('shows a person the news of their commune and of the whole province, and no other commune\'s', async () => {
      const mine = (await req('GET', '/api/news', an)).json() as { items: { targetCommunes: string[]; areaLabel: string }[]; total: number };
      assert.ok(mine.items.some((i) => i.targetCommunes.includes(LVT)));
      assert.ok(mine.items.some((i) => i.targetCommunes.length === 0 && i.areaLabel === 'Toàn tỉnh Lạng Sơn'));
      assert.ok(mine.items.every((i) => i.targetCommunes.length === 0 || i.targetCommunes.includes(LVT)));
      const theirs = (await req('GET', '/api/news', binh)).json() as { items: { targetCommunes: string[] }[] };
      assert.ok(theirs.items.some((i) => i.targetCommunes.includes(TK)));
      assert.ok(theirs.items.every((i) => !i.targetCommunes.includes(LVT)));
    });

    it('shows someone not signed in the province-wide news, or a commune\'s when asked', async () => {
      const anon = (await req('GET', '/api/news')).json() as { items: { targetCommunes: string[] }[] };
      assert.ok(anon.items.length >= 3 && anon.items.every((i) => i.targetCommunes.length === 0));
      const tk = (await req('GET', `/api/news?commune=${TK}&topic=agriculture`)).json() as { items: { topics: string[] }[] };
      assert.equal(tk.items.length, 1);
      assert.deepEqual(tk.items[0]!.topics, ['agriculture']);
    });

    it('refuses bad list queries naming the field', async () => {
      for (const [qs, name] of [['limit=0', 'limit'], ['commune=abc', 'commune'], ['topic=weather', 'topic'], ['commune=99999', 'commune']] as const) {
        const res = await req('GET', `/api/news?${qs}`);
        assert.equal(res.statusCode, 400, qs);
        assert.deepEqual(field(res), [name], qs);
      }
    });

    it('lists the topics', async () => {
      const res = await req('GET', '/api/news/topics');
      assert.equal(res.statusCode, 200);
      assert.ok((res.json() as { topics: string[] }).topics.includes('health'));
    });

    it('answers 404 for an unknown item and 400 for a malformed id', async () => {
      assert.equal((await req('GET', '/api/news/00000000-0000-4000-8000-000000000000')).statusCode, 404);
      const bad = await req('GET', '/api/news/nope');
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(field(bad), ['id']);
    });
  });

  describe('followed topics', () => {
    it('keeps exactly the topics I choose', async () => {
      const put = await req('PUT', '/api/me/news/topics', an, { topics: ['health', 'events'] });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual((await req('GET', '/api/me/news/topics', an)).json(), { topics: ['events', 'health'] });
      assert.equal((await req('PUT', '/api/me/news/topics', binh, { topics: ['health'] })).statusCode, 200);
    });

    it('lists only followed topics when asked', async () => {
      const res = (await req('GET', '/api/news?followed=true', an)).json() as { items: { topics: string[] }[] };
      assert.ok(res.items.length > 0);
      assert.ok(res.items.every((i) => i.topics.some((x) => x === 'health' || x === 'events')));
    });

    it('refuses unknown topics and asks to sign in', async () => {
      const bad = await req('PUT', '/api/me/news/topics', an, { topics: ['weather'] });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(field(bad), ['topics.0']);
      assert.equal((await req('GET', '/api/me/news/topics')).statusCode, 401);
      assert.equal((await req('PUT', '/api/me/news/topics', null, { topics: [] })).statusCode, 401);
    });
  });

  describe('files', () => {
    it('takes a cover image (re-encoded as JPEG) and a PDF from an editor', async () => {
      const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#3366aa' } }).png().toBuffer();
      const img = await req('POST', '/api/news-desk/files', writer, { name: 'anh-bia.png', contentBase64: png.toString('base64') });
      assert.equal(img.statusCode, 201, img.body);
      assert.equal((img.json() as { kind: string }).kind, 'image');
      coverId = (img.json() as { id: string }).id;
      const pdf = await req('POST', '/api/news-desk/files', writer, { name: 'Quyết định.pdf', contentBase64: PDF.toString('base64') });
      assert.equal(pdf.statusCode, 201, pdf.body);
      pdfId = (pdf.json() as { id: string }).id;
    });

    it('refuses what is neither an image nor a PDF, naming the field', async () => {
      const res = await req('POST', '/api/news-desk/files', writer, { name: 'a.txt', contentBase64: Buffer.from('hello world').toString('base64') });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(field(res), ['contentBase64']);
      const missing = await req('POST', '/api/news-desk/files', writer, { name: 'a.pdf' });
      assert.deepEqual(field(missing), ['contentBase64']);
    });

    it('refuses people who are not editors', async () => {
      const payload = { name: 'x.pdf', contentBase64: PDF.toString('base64') };
      assert.equal((await req('POST', '/api/news-desk/files', an, payload)).statusCode, 403);
      assert.equal((await req('POST', '/api/news-desk/files', null, payload)).statusCode, 401);
    });

    it('serves a draft\'s files to its agency\'s editors only', async () => {
      assert.equal((await req('GET', `/api/news/files/${pdfId}`)).statusCode, 404);
      assert.equal((await req('GET', `/api/news/files/${pdfId}`, an)).statusCode, 404);
      const own = await req('GET', `/api/news/files/${coverId}`, writer);
      assert.equal(own.statusCode, 200);
      assert.equal(own.headers['content-type'], 'image/jpeg');
      assert.equal((await req('GET', '/api/news/files/bad')).statusCode, 400);
    });
  });

  describe('writing and review', () => {
    it('an editor writes a draft with a cover, an attachment and one commune as target', async () => {
      const res = await req('POST', '/api/news-desk/items', writer, draft({ coverFileId: coverId, attachmentIds: [pdfId] }));
      assert.equal(res.statusCode, 201, res.body);
      const item = res.json() as { id: string; status: string; actions: string[]; areaLabel: string; cover: { id: string }; attachments: unknown[]; revisions: { change: string }[] };
      itemId = item.id;
      assert.equal(item.status, 'draft');
      assert.deepEqual(item.actions, ['edit', 'submit']);
      assert.equal(item.areaLabel, 'Phường Lương Văn Tri');
      assert.equal(item.cover.id, coverId);
      assert.equal(item.attachments.length, 1);
      assert.deepEqual(item.revisions.map((r) => r.change), ['created']);
    });

    it('refuses a bad draft naming each field', async () => {
      const cases: [Json, string][] = [
        [draft({ targetCommunes: ['99999'] }), 'targetCommunes.0'],
        [draft({ targetCommunes: ['12'] }), 'targetCommunes.0'],
        [draft({ texts: { en: { title: 'Only English', summary: '', body: 'x' } } }), 'texts.vi'],
        [draft({ topics: [] }), 'topics'],
        [draft({ kind: 'rumour' }), 'kind'],
        [draft({ coverFileId: pdfId }), 'coverFileId'],
        [draft({ attachmentIds: [coverId] }), 'attachmentIds.0'],
        [draft({ publishAt: 'tomorrow' }), 'publishAt'],
      ];
      for (const [payload, name] of cases) {
        const res = await req('POST', '/api/news-desk/items', writer, payload);
        assert.equal(res.statusCode, 400, `${name}: ${res.body}`);
        assert.ok(field(res).includes(name), `${name}: ${JSON.stringify(field(res))}`);
      }
    });

    it('gives editors the news.edit ability, and nobody else', async () => {
      const abilities = async (s: TestSession) => ((await req('GET', '/api/me', s)).json() as { abilities: string[] }).abilities;
      assert.ok((await abilities(writer)).includes('news.edit'));
      assert.ok(!(await abilities(an)).includes('news.edit'));
      assert.ok(!(await abilities(officer)).includes('news.edit'));
    });

    it('refuses citizens and officers at the desk, and anyone not signed in', async () => {
      assert.equal((await req('POST', '/api/news-desk/items', an, draft())).statusCode, 403);
      assert.equal((await req('POST', '/api/news-desk/items', null, draft())).statusCode, 401);
      assert.equal((await req('GET', '/api/news-desk/items', officer)).statusCode, 403);
      assert.equal((await req('GET', `/api/news-desk/items/${itemId}`, an)).statusCode, 403);
    });

    it('keeps a draft from citizens', async () => {
      assert.equal((await req('GET', `/api/news/${itemId}`, an)).statusCode, 404);
      assert.ok(!titles(await req('GET', '/api/news', an)).includes('Lịch tiêm phòng dại cho chó, mèo'));
    });

    it('edits the draft, keeping the earlier text in the history', async () => {
      const res = await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { texts: draft().texts, topics: ['health', 'events'] });
      assert.equal(res.statusCode, 200, res.body);
      const item = res.json() as { topics: string[]; revisions: { change: string }[] };
      assert.deepEqual(item.topics, ['health', 'events']);
      assert.deepEqual(item.revisions.map((r) => r.change), ['edited', 'created']);
      const bad = await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { topics: ['weather'] });
      assert.deepEqual(field(bad), ['topics.0']);
    });

    it('lets nobody approve their own draft', async () => {
      assert.equal((await req('POST', `/api/news-desk/items/${itemId}/approve`, writer)).statusCode, 403, 'not even before submission');
      const sub = await req('POST', `/api/news-desk/items/${itemId}/submit`, writer);
      assert.equal(sub.statusCode, 200, sub.body);
      assert.deepEqual((sub.json() as { actions: string[] }).actions, []);
      const own = await req('POST', `/api/news-desk/items/${itemId}/approve`, writer);
      assert.equal(own.statusCode, 403);
      assert.equal(code(own), 'news.own_draft');
      assert.equal((await req('POST', `/api/news-desk/items/${itemId}/return`, writer, { note: 'tự trả lại' })).statusCode, 403);
      assert.equal((await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { topics: ['health'] })).statusCode, 409, 'no edits under review');
    });

    it('the second editor sees it to review, returns it with a note, then approves it after resubmission', async () => {
      const list = (await req('GET', '/api/news-desk/items?status=in_review', reviewer)).json() as { items: { id: string; canReview: boolean }[] };
      assert.equal(list.items.find((i) => i.id === itemId)?.canReview, true);
      assert.equal((await req('GET', '/api/news-desk/items?status=nope', reviewer)).statusCode, 400);
      const badNote = await req('POST', `/api/news-desk/items/${itemId}/return`, reviewer, { note: '' });
      assert.deepEqual(field(badNote), ['note']);
      const ret = await req('POST', `/api/news-desk/items/${itemId}/return`, reviewer, { note: 'Ghi rõ giờ tiêm' });
      assert.equal((ret.json() as { status: string; reviewNote: string }).status, 'draft');
      assert.equal((ret.json() as { reviewNote: string }).reviewNote, 'Ghi rõ giờ tiêm');
      await req('POST', `/api/news-desk/items/${itemId}/submit`, writer);
      const ok = await req('POST', `/api/news-desk/items/${itemId}/approve`, reviewer);
      assert.equal(ok.statusCode, 200, ok.body);
      const item = ok.json() as { status: string; publishedAt: string; revisions: { change: string }[] };
      assert.equal(item.status, 'published');
      assert.ok(item.publishedAt);
      assert.deepEqual(item.revisions.map((r) => r.change), ['published', 'submitted', 'returned', 'submitted', 'edited', 'created']);
    });

    it('reaches the citizens of the commune only', async () => {
      assert.ok(titles(await req('GET', '/api/news', an)).includes('Lịch tiêm phòng dại cho chó, mèo'));
      assert.ok(!titles(await req('GET', '/api/news', binh)).includes('Lịch tiêm phòng dại cho chó, mèo'));
      assert.ok(!titles(await req('GET', '/api/news')).includes('Lịch tiêm phòng dại cho chó, mèo'));
      assert.ok(!titles(await req('GET', `/api/news?commune=${TK}`)).includes('Lịch tiêm phòng dại cho chó, mèo'));
      const page = await req('GET', `/api/news/${itemId}`);
      assert.equal(page.statusCode, 200, 'the shared link opens for anyone');
      const article = page.json() as { body: string; attachments: { url: string }[]; coverUrl: string };
      assert.match(article.body, /tiêm phòng dại/);
      const pdf = await req('GET', article.attachments[0]!.url);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal((await req('GET', article.coverUrl)).statusCode, 200);
    });

    it('tells followers in the commune, not followers elsewhere', async () => {
      await t.platform.events.drain();
      const inbox = (s: TestSession) => req('GET', '/api/me/notifications', s).then((r) => (r.json() as { items: { title: string; link: string }[] }).items);
      const anNotes = await inbox(an);
      assert.ok(anNotes.some((n) => n.title === 'Tin mới: Lịch tiêm phòng dại cho chó, mèo' && n.link === `/news/${itemId}`));
      assert.ok(!(await inbox(binh)).some((n) => n.link === `/news/${itemId}`));
    });

    it('a minor correction tells nobody; a major update tells followers again; a published edit must say which', async () => {
      const count = async () => {
        await t.platform.events.drain();
        return ((await req('GET', '/api/me/notifications', an)).json() as { items: { link: string }[] }).items.filter((n) => n.link === `/news/${itemId}`).length;
      };
      assert.equal(await count(), 1);
      const none = await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { topics: ['health'] });
      assert.equal(none.statusCode, 400);
      assert.deepEqual(field(none), ['change']);
      const minor = await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { texts: { vi: { ...draft().texts.vi, summary: 'Mang vật nuôi đến nhà văn hóa phường sáng thứ bảy, từ 7 giờ.' } }, change: 'minor', note: 'sửa giờ' });
      assert.equal(minor.statusCode, 200, minor.body);
      assert.equal((minor.json() as { version: number }).version, 1);
      assert.equal(await count(), 1);
      // a major update goes back to a second editor; citizens keep reading the published version
      const major = await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { texts: { vi: { ...draft().texts.vi, title: 'Đổi lịch tiêm phòng dại sang chủ nhật' } }, change: 'major' });
      assert.equal(major.statusCode, 200, major.body);
      const held = major.json() as { version: number; pendingUpdate: { texts: { vi: { title: string } } } | null; actions: string[]; texts: { vi: { title: string } } };
      assert.equal(held.version, 1);
      assert.equal(held.pendingUpdate?.texts.vi.title, 'Đổi lịch tiêm phòng dại sang chủ nhật');
      assert.equal(held.texts.vi.title, 'Lịch tiêm phòng dại cho chó, mèo');
      assert.ok(!held.actions.includes('approve'), 'the writer cannot approve their own update');
      assert.equal((await req('GET', `/api/news/${itemId}`)).json().title, 'Lịch tiêm phòng dại cho chó, mèo');
      assert.equal(await count(), 1);
      assert.equal((await req('POST', `/api/news-desk/items/${itemId}/approve`, writer)).statusCode, 403);
      const listed = (await req('GET', '/api/news-desk/items', reviewer)).json() as { items: { id: string; canReview: boolean; pendingUpdate: boolean }[] };
      assert.deepEqual(listed.items.filter((i) => i.id === itemId).map((i) => [i.canReview, i.pendingUpdate]), [[true, true]]);

      const approved = await req('POST', `/api/news-desk/items/${itemId}/approve`, reviewer);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal((approved.json() as { version: number }).version, 2);
      assert.equal((approved.json() as { pendingUpdate: unknown }).pendingUpdate, null);
      assert.equal(await count(), 2);
      const changes = (approved.json() as { revisions: { change: string }[] }).revisions.map((r) => r.change).slice(0, 3);
      assert.deepEqual(changes, ['major_update', 'update_submitted', 'minor_correction']);
      const article = (await req('GET', `/api/news/${itemId}`)).json() as { title: string; majorUpdateAt: string | null };
      assert.equal(article.title, 'Đổi lịch tiêm phòng dại sang chủ nhật');
      assert.ok(article.majorUpdateAt);
    });

    it('an edit called minor but beyond the typo threshold is reviewed; returned, it leaves the published version', async () => {
      const before = (await req('GET', `/api/news-desk/items/${itemId}`, writer)).json() as { version: number; texts: { vi: { title: string; summary: string; body: string } } };
      const rewritten = { vi: { ...before.texts.vi, body: `${before.texts.vi.body} Lịch mới: tiêm cả chiều chủ nhật tại trạm y tế phường.` } };
      const claimedMinor = await req('PATCH', `/api/news-desk/items/${itemId}`, writer, { texts: rewritten, change: 'minor' });
      assert.equal(claimedMinor.statusCode, 200, claimedMinor.body);
      assert.ok((claimedMinor.json() as { pendingUpdate: unknown }).pendingUpdate, 'held for review');
      assert.equal((await req('GET', `/api/news/${itemId}`)).json().body, before.texts.vi.body);
      const returned = await req('POST', `/api/news-desk/items/${itemId}/return`, reviewer, { note: 'Cần xác nhận giờ với trạm y tế' });
      assert.equal(returned.statusCode, 200, returned.body);
      const after = returned.json() as { status: string; version: number; pendingUpdate: unknown; reviewNote: string; texts: { vi: { body: string } } };
      assert.deepEqual([after.status, after.version, after.pendingUpdate, after.reviewNote], ['published', before.version, null, 'Cần xác nhận giờ với trạm y tế']);
      assert.equal(after.texts.vi.body, before.texts.vi.body);
      // nothing waiting: there is nothing to approve
      assert.equal((await req('POST', `/api/news-desk/items/${itemId}/approve`, reviewer)).statusCode, 409);
    });

    it('an editor of another agency cannot see or touch the item', async () => {
      await t.platform.use(identityModule).seedDemoAccounts([{ phone: '0900000498', fullName: 'Biên tập xã', communeCode: TK, memberships: [{ role: 'news_editor', agencyCode: `UBND-${TK}`, areaCode: TK }] }]);
      const other = await signIn(t.app, '0900000498');
      assert.equal((await req('GET', `/api/news-desk/items/${itemId}`, other)).statusCode, 404);
      assert.equal((await req('POST', `/api/news-desk/items/${itemId}/withdraw`, other, { note: 'không phải của tôi' })).statusCode, 404);
      assert.ok(!((await req('GET', '/api/news-desk/items', other)).json() as { items: { id: string }[] }).items.some((i) => i.id === itemId));
      // a commune's committee writes only for its own commune
      const outside = await req('POST', '/api/news-desk/items', other, draft({ targetCommunes: [LVT] }));
      assert.deepEqual(field(outside), ['targetCommunes.0']);
    });

    it('withdraws with a reason: the page stays with the reason, lists and feeds drop it', async () => {
      assert.deepEqual(field(await req('POST', `/api/news-desk/items/${itemId}/withdraw`, reviewer, {})), ['note']);
      const res = await req('POST', `/api/news-desk/items/${itemId}/withdraw`, reviewer, { note: 'Lịch tiêm thay đổi, sẽ thông báo sau' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((res.json() as { status: string }).status, 'withdrawn');
      const page = (await req('GET', `/api/news/${itemId}`, an)).json() as { status: string; withdrawnReason: string };
      assert.equal(page.status, 'withdrawn');
      assert.equal(page.withdrawnReason, 'Lịch tiêm thay đổi, sẽ thông báo sau');
      assert.ok(!titles(await req('GET', '/api/news', an)).includes('Đổi lịch tiêm phòng dại sang chủ nhật'));
      assert.equal((await req('POST', `/api/news-desk/items/${itemId}/withdraw`, reviewer, { note: 'lần nữa' })).statusCode, 409);
    });

    it('schedules an item approved for later, and publishes it when its time comes', async () => {
      const later = new Date(Date.now() + 3600_000).toISOString();
      const created = (await req('POST', '/api/news-desk/items', reviewer, draft({ texts: { vi: { title: 'Họp dân về quy hoạch khu dân cư', summary: '', body: 'Mời bà con dự họp.' }, en: { title: 'Residents\' meeting on the housing plan', summary: '', body: 'Please come.' } }, publishAt: later, targetCommunes: [] }))).json() as { id: string };
      await req('POST', `/api/news-desk/items/${created.id}/submit`, reviewer);
      const approved = (await req('POST', `/api/news-desk/items/${created.id}/approve`, writer)).json() as { status: string };
      assert.equal(approved.status, 'scheduled');
      assert.equal((await req('GET', `/api/news/${created.id}`)).statusCode, 404);
      assert.equal(await t.platform.use(newsModule).publishDue(), 0);
      await t.db.query('UPDATE news_items SET published_at = now() - interval \'1 minute\' WHERE id = $1', [created.id]);
      assert.equal(await t.platform.use(newsModule).publishDue(), 1);
      const en = await t.app.inject({ method: 'GET', url: `/api/news/${created.id}`, headers: { 'accept-language': 'en' } });
      assert.equal((en.json() as { title: string; lang: string; status: string }).title, 'Residents\' meeting on the housing plan');
      assert.equal((en.json() as { status: string }).status, 'published');
      assert.ok(titles(await req('GET', '/api/news')).includes('Họp dân về quy hoạch khu dân cư'));
    });
  });

  describe('feeds', () => {
    it('gives a commune\'s RSS 2.0 feed: well-formed, its items and the province\'s, no other commune\'s', async () => {
      const res = await req('GET', `/api/news/feed.rss?area=${TK}`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/rss\+xml/);
      assert.equal(XMLValidator.validate(res.body), true);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(res.body) as { rss: { '@_version': string; channel: { item: { title: string; link: string; pubDate: string; category: string | string[] }[] } } };
      assert.equal(doc.rss['@_version'], '2.0');
      const items = doc.rss.channel.item;
      assert.ok(items.some((i) => i.title === 'Phiên chợ nông sản cuối tuần tại trung tâm xã'));
      assert.ok(items.some((i) => i.title === 'Lịch tiêm chủng mở rộng cho trẻ em trong tháng'));
      assert.ok(!items.some((i) => i.title === 'Tạm ngừng cấp nước để sửa đường ống'));
      assert.match(items[0]!.pubDate, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      assert.match(items[0]!.link, /^http:\/\/localhost:3999\/news\/[0-9a-f-]{36}$/);
    });

    it('gives an Atom feed per area and topic', async () => {
      const res = await req('GET', `/api/news/feed.atom?area=${LVT}&topic=culture`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
      assert.equal(XMLValidator.validate(res.body), true);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(res.body) as { feed: { '@_xmlns': string; entry: { title: string; updated: string }[] } };
      assert.equal(doc.feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
      assert.deepEqual(doc.feed.entry.map((e) => e.title), ['Đêm văn nghệ chào mừng ngày hội đại đoàn kết']);
      assert.match(doc.feed.entry[0]!.updated, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    });

    it('refuses a bad area or topic naming the field', async () => {
      assert.deepEqual(field(await req('GET', '/api/news/feed.rss?area=123')), ['area']);
      assert.deepEqual(field(await req('GET', '/api/news/feed.atom?topic=weather')), ['topic']);
      assert.deepEqual(field(await req('GET', '/api/news/feed.rss?area=99')), ['area']);
    });
  });
});
