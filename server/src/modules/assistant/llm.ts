// Optional rephrasing by a large language model behind an OpenAI-compatible
// chat-completions endpoint (POST {url}/chat/completions). The model sees only the answer
// the assistant built from the platform's facts and is told to keep every fact; on any
// failure or slowness the answer goes out as built.
import type { AssistantSource } from '@cds/contracts/assistant';
import type { Locale } from '../../platform/i18n.ts';

export interface Rephraser {
  /** A friendlier wording of `text`, or null to keep it as it is. */
  rephrase(text: string, sources: AssistantSource[], locale: Locale): Promise<string | null>;
}

export interface LlmConfig {
  url: string;
  key: string | null;
  model: string;
  timeoutMs: number;
}

interface ChatCompletion {
  choices?: { message?: { content?: unknown } }[];
}

const SYSTEM = {
  vi: 'Bạn là trợ lý ảo của chính quyền. Viết lại câu trả lời dưới đây bằng tiếng Việt dễ hiểu, lịch sự, ngắn gọn, cho người lớn tuổi. Chỉ dùng thông tin có trong câu trả lời; giữ nguyên mọi con số, tên thủ tục, giấy tờ, lệ phí, thời hạn, mã và số điện thoại. Không thêm thông tin mới.',
  en: 'You are a government virtual assistant. Rewrite the answer below in plain, polite, short English for older readers. Use only the information in it; keep every number, procedure name, paper, fee, time limit, code and phone number. Add nothing new.',
} as const;

export class OpenAiCompatibleRephraser implements Rephraser {
  constructor(private readonly config: LlmConfig, private readonly log: { warn(obj: object, msg: string): void }, private readonly fetcher: typeof fetch = fetch) {}

  async rephrase(text: string, sources: AssistantSource[], locale: Locale): Promise<string | null> {
    const cited = sources.map((s) => `- ${s.title}`).join('\n');
    try {
      const res = await this.fetcher(`${this.config.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.config.key ? { authorization: `Bearer ${this.config.key}` } : {}) },
        body: JSON.stringify({
          model: this.config.model,
          temperature: 0.2,
          max_tokens: 600,
          messages: [
            { role: 'system', content: SYSTEM[locale] },
            { role: 'user', content: `${text}\n\n${locale === 'vi' ? 'Nguồn' : 'Sources'}:\n${cited}` },
          ],
        }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const body = (await res.json()) as ChatCompletion;
      const content = body.choices?.[0]?.message?.content;
      if (typeof content !== 'string' || !content.trim()) return null;
      // a rewording that drops a number of the facts (fee, days, code, phone) is not used
      const numbers = text.match(/\d[\d.,/-]*\d|\d/g) ?? [];
      if (!numbers.every((n) => content.includes(n))) return null;
      return content.trim().slice(0, 4000);
    } catch (err) {
      this.log.warn({ err: String(err) }, 'assistant: the language model did not answer; the answer goes out as built');
      return null;
    }
  }
}
