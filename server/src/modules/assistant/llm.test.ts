// The optional rephrasing against a local stand-in that speaks the OpenAI chat-completions
// protocol: what it is sent, what is used of its answer, and that any failure leaves the
// answer as built. Also the settings that switch it on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageReply } from '@cds/contracts/assistant';
import { createTestApp } from '../../../test/helpers.ts';
import { loadConfig } from '../../config.ts';
import { OpenAiCompatibleRephraser } from './llm.ts';
import { assistantSettings } from './settings.ts';

interface Seen {
  path: string;
  auth: string | undefined;
  body: { model: string; messages: { role: string; content: string }[] };
}

describe('assistant language model (OpenAI-compatible stand-in)', () => {
  let server: http.Server;
  let url = '';
  const seen: Seen[] = [];
  let answer: (body: Seen['body']) => { status: number; json: unknown } = () => ({ status: 200, json: {} });
  const log = { warnings: 0, warn() { this.warnings++; } };

  before(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as Seen['body'];
        seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
        const a = answer(body);
        res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.json));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const rephraser = (timeoutMs = 20_000) => new OpenAiCompatibleRephraser({ url, key: 'sk-test', model: 'vi-gov-7b', timeoutMs }, log);
  const TEXT = 'Thủ tục "Đăng ký khai sinh".\nLệ phí: Miễn phí.\nThời gian giải quyết: 1 ngày làm việc.';
  const SOURCES = [{ kind: 'procedure' as const, id: 'p1', title: 'Đăng ký khai sinh' }];
  const completion = (content: unknown) => ({ status: 200, json: { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] } });

  it('sends the built answer and its sources to /chat/completions with the model and key, and uses the rewording', async () => {
    answer = () => completion('Đăng ký khai sinh không mất phí và xong trong 1 ngày làm việc.');
    const text = await rephraser().rephrase(TEXT, SOURCES, 'vi');
    assert.equal(text, 'Đăng ký khai sinh không mất phí và xong trong 1 ngày làm việc.');
    const last = seen.at(-1)!;
    assert.equal(last.path, '/v1/chat/completions');
    assert.equal(last.auth, 'Bearer sk-test');
    assert.equal(last.body.model, 'vi-gov-7b');
    assert.equal(last.body.messages[0]!.role, 'system');
    assert.match(last.body.messages[1]!.content, /Lệ phí: Miễn phí/);
    assert.match(last.body.messages[1]!.content, /Nguồn:\n- Đăng ký khai sinh/);
  });

  it('keeps the built answer when the rewording drops a number, fails, is empty or is too slow', async () => {
    answer = () => completion('Đăng ký khai sinh không mất phí, làm rất nhanh.');
    assert.equal(await rephraser().rephrase(TEXT, SOURCES, 'vi'), null);
    answer = () => ({ status: 500, json: { error: { message: 'overloaded' } } });
    const before = log.warnings;
    assert.equal(await rephraser().rephrase(TEXT, SOURCES, 'vi'), null);
    assert.equal(log.warnings, before + 1);
    answer = () => completion('');
    assert.equal(await rephraser().rephrase(TEXT, SOURCES, 'vi'), null);
    answer = () => completion(42);
    assert.equal(await rephraser().rephrase(TEXT, SOURCES, 'vi'), null);
    const slow = new OpenAiCompatibleRephraser({ url: 'http://10.255.255.1:9/v1', key: null, model: 'm', timeoutMs: 200 }, log);
    assert.equal(await slow.rephrase(TEXT, SOURCES, 'vi'), null);
  });

  it('is off unless configured, and needs a model with a URL', () => {
    assert.equal(assistantSettings.of(loadConfig({})).llm, null);
    const on = assistantSettings.of(loadConfig({ ASSISTANT_LLM_URL: 'https://llm.example.vn/v1/', ASSISTANT_LLM_MODEL: 'm' }));
    assert.deepEqual(on.llm, { url: 'https://llm.example.vn/v1', key: null, model: 'm', timeoutMs: 4000 });
    assert.throws(() => loadConfig({ ASSISTANT_LLM_URL: 'https://llm.example.vn/v1' }), /ASSISTANT_LLM_MODEL is required/);
  });

  it('rephrases answers built from facts through the whole turn, and never questions back or "I don\'t know"', async () => {
    answer = (body) => completion(`Xin trả lời: ${body.messages[1]!.content.split('\n\nNguồn')[0]}`);
    const t = await createTestApp({ config: { ASSISTANT_LLM_URL: url, ASSISTANT_LLM_MODEL: 'vi-gov-7b', ASSISTANT_LLM_KEY: 'sk-test', ASSISTANT_LLM_TIMEOUT_MS: '20000' } });
    try {
      const ask = async (text: string) => (await t.app.inject({ method: 'POST', url: '/api/assistant/messages', payload: { text } })).json() as MessageReply;
      const r = await ask('lam giay khai sinh');
      assert.match(r.reply.text, /^Xin trả lời: Thủ tục "Đăng ký khai sinh"/);
      assert.ok(r.reply.links.some((l) => l.href.startsWith('/dossiers/apply/')));
      const calls = seen.length;
      assert.equal((await ask('gia vang hom nay')).reply.intent, 'unknown');
      assert.equal((await ask('mo nha thuoc')).reply.intent, 'clarify');
      assert.equal(seen.length, calls);
    } finally {
      await t.teardown();
    }
  });
});
