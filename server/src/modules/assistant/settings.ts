// Environment settings of the assistant: an optional large language model behind an
// OpenAI-compatible chat-completions endpoint, which only rephrases answers already built
// from the platform's facts. Unset = off; the assistant is fully useful without it.
import { Type } from 'typebox';
import { ConfigError, defineSettings, HttpUrl } from '../../platform/settings.ts';

export const assistantSettings = defineSettings('assistant', {
  ASSISTANT_LLM_URL: Type.Optional(HttpUrl({ description: 'base URL of an OpenAI-compatible API, e.g. https://llm.example.vn/v1 (POST …/chat/completions)' })),
  ASSISTANT_LLM_KEY: Type.Optional(Type.String({ minLength: 1, secret: true })),
  ASSISTANT_LLM_MODEL: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ASSISTANT_LLM_TIMEOUT_MS: Type.Integer({ minimum: 200, maximum: 30000, default: 4000 }),
}, (v) => {
  if (v.ASSISTANT_LLM_URL && !v.ASSISTANT_LLM_MODEL) throw new ConfigError('Invalid configuration: ASSISTANT_LLM_MODEL is required with ASSISTANT_LLM_URL');
  return {
    llm: v.ASSISTANT_LLM_URL ? { url: v.ASSISTANT_LLM_URL.replace(/\/+$/, ''), key: v.ASSISTANT_LLM_KEY ?? null, model: v.ASSISTANT_LLM_MODEL!, timeoutMs: v.ASSISTANT_LLM_TIMEOUT_MS } : null,
  };
});

export type AssistantSettings = ReturnType<typeof assistantSettings.of>;
