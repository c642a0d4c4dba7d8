// The assistant on the client: one small request per turn, the rating of an answer, and the
// editors' lists and answers. Shapes come from @cds/contracts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Faq, FaqInput, FaqList, MessageReply, QuestionGroups } from '@cds/contracts/assistant';
import type { AssistantQuestionFilter } from '@cds/contracts';
import { api } from '../../lib/api.ts';

export type { AssistantLink, AssistantReply, Faq, FaqInput, MessageReply, QuestionGroup } from '@cds/contracts/assistant';

/** May read the unanswered questions and write answers (the server's ability). */
export const CURATE_ABILITY = 'assistant.curate';

export function sendMessage(text: string, conversationId: string | null): Promise<MessageReply> {
  return api<MessageReply>('/api/assistant/messages', { method: 'POST', body: { text, ...(conversationId ? { conversationId } : {}) } });
}

export function rateAnswer(turnId: string, helpful: boolean, conversationId: string | null): Promise<void> {
  return api<void>(`/api/assistant/turns/${encodeURIComponent(turnId)}/rating`, { method: 'POST', body: { helpful, ...(conversationId ? { conversationId } : {}) } });
}

export function useQuestions(filter: AssistantQuestionFilter) {
  return useQuery({
    queryKey: ['assistant', 'questions', filter],
    queryFn: ({ signal }) => api<QuestionGroups>(`/api/assistant/questions?filter=${filter}`, { signal }),
  });
}

export function useFaqs() {
  return useQuery({ queryKey: ['assistant', 'faqs'], queryFn: ({ signal }) => api<FaqList>('/api/assistant/faqs', { signal }) });
}

export function useSaveFaq() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: FaqInput }) =>
      api<Faq>(id ? `/api/assistant/faqs/${encodeURIComponent(id)}` : '/api/assistant/faqs', { method: id ? 'PUT' : 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['assistant'] }),
  });
}

export function useDeleteFaq() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/assistant/faqs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['assistant'] }),
  });
}
