import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MessageReply, QuestionGroups } from '@cds/contracts/assistant';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { AssistantPage } from './AssistantPage.tsx';
import { StaffAssistantPage } from './StaffAssistantPage.tsx';

const CONVERSATION = '0b7a8f7e-2b1e-4c55-9a53-5d7c4c1f6a01';
const REPLY: MessageReply = {
  conversationId: CONVERSATION,
  turnId: '4c9e2d1a-7f3b-4a6e-8d2c-1b0a9f8e7d6c',
  reply: {
    text: 'Thủ tục "Đăng ký khai sinh".\nLệ phí: Miễn phí.',
    intent: 'procedure',
    links: [{ title: 'Nộp hồ sơ trực tuyến', href: '/dossiers/apply/p1' }, { title: 'Xem thủ tục', href: '/procedures/p1' }],
    suggestions: ['Hồ sơ của tôi đến đâu rồi?'],
    sources: [{ kind: 'procedure', id: 'p1', title: 'Đăng ký khai sinh' }],
  },
};

describe('the assistant chat', () => {
  beforeEach(() => sessionStorage.clear());

  it('sends a question typed any way, shows the answer with links into the app and the next suggestions', async () => {
    const api = fakeApi({ 'POST /api/assistant/messages': () => ({ body: REPLY }) });
    renderPage(<AssistantPage />);
    await userEvent.type(screen.getByLabelText('Câu hỏi của bạn'), 'lam giay khai sinh cho con');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    expect(await screen.findByText(/Đăng ký khai sinh/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href')).toBe('/dossiers/apply/p1');
    expect(screen.getByRole('button', { name: 'Hồ sơ của tôi đến đâu rồi?' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST' && c.path === '/api/assistant/messages')?.body).toEqual({ text: 'lam giay khai sinh cho con' });
  });

  it('continues the same conversation and rates an answer once', async () => {
    let n = 0;
    const api = fakeApi({
      // each turn its own id
      'POST /api/assistant/messages': () => ({ body: n++ === 0 ? REPLY : { ...REPLY, turnId: '5d0f3e2b-8a4c-4b7f-9e3d-2c1b0a9f8e7d' } }),
      [`POST /api/assistant/turns/${REPLY.turnId}/rating`]: () => ({ status: 204 }),
    });
    renderPage(<AssistantPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Làm giấy khai sinh' }));
    await screen.findByText(/Đăng ký khai sinh/);
    await userEvent.click(screen.getByRole('button', { name: 'Hồ sơ của tôi đến đâu rồi?' }));
    const sent = api.calls.filter((c) => c.path === '/api/assistant/messages');
    expect(sent[1]?.body).toEqual({ text: 'Hồ sơ của tôi đến đâu rồi?', conversationId: CONVERSATION });
    await userEvent.click(screen.getAllByRole('button', { name: 'Có ích' })[0]!);
    expect(api.calls.find((c) => c.path.endsWith('/rating'))?.body).toEqual({ helpful: true, conversationId: CONVERSATION });
    expect(screen.getAllByText('Cảm ơn bạn đã cho biết.').length).toBe(1);
  });

  it('offers voice input only where the browser has speech recognition', () => {
    renderPage(<AssistantPage />);
    expect(screen.queryByRole('button', { name: 'Nói' })).toBeNull();
  });
});

describe('teaching the assistant', () => {
  it('lists an unanswered question and writes an answer that resolves it', async () => {
    const groups: QuestionGroups = { items: [{ key: 'cho nuoi', example: 'cho nuoi co can tiem phong', count: 3, lastAskedAt: '2026-12-07T01:00:00.000Z', intent: 'unknown', notHelpful: 0 }] };
    const api = fakeApi({
      'GET /api/assistant/questions': () => ({ body: groups }),
      'POST /api/assistant/faqs': () => ({ status: 201, body: { id: 'f0b7a8f7-2b1e-4c55-9a53-5d7c4c1f6a01', question: 'q', phrasings: [], answer: 'a', linkTitle: null, linkHref: null, updatedAt: '2026-12-07T01:00:00.000Z' } }),
    });
    renderPage(<StaffAssistantPage />);
    expect(await screen.findByText('“cho nuoi co can tiem phong”')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Viết câu trả lời' }));
    await userEvent.type(screen.getByLabelText('Câu trả lời'), 'Chó, mèo phải tiêm phòng dại mỗi năm.');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    const posted = api.calls.find((c) => c.method === 'POST' && c.path === '/api/assistant/faqs');
    expect(posted?.body).toMatchObject({ question: 'cho nuoi co can tiem phong', answer: 'Chó, mèo phải tiêm phòng dại mỗi năm.', resolves: ['cho nuoi'] });
  });
});
