// The assistant's chat: big text, suggestion chips, links into the app, a rating per answer,
// and voice input where the browser has it (Web Speech API, vi-VN). One small request per
// turn; the conversation stays in this tab (sessionStorage) so following a link and coming
// back keeps it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/installation.ts';
import { ApiError } from '../../lib/api.ts';
import { Button, PageHeader } from '../../ui/index.ts';
import { rateAnswer, sendMessage, type AssistantLink, type AssistantReply } from './api.ts';

interface Turn {
  id: string;
  from: 'me' | 'assistant';
  text: string;
  reply?: AssistantReply;
  turnId?: string;
  rated?: boolean;
  error?: boolean;
}

interface Saved {
  conversationId: string | null;
  turns: Turn[];
}

const STORE_KEY = 'cds.assistant';
const MAX_TEXT = 500;

function load(): Saved {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? 'null') as Saved | null;
    return saved && Array.isArray(saved.turns) ? saved : { conversationId: null, turns: [] };
  } catch {
    return { conversationId: null, turns: [] };
  }
}

// The Web Speech API is not in TypeScript's DOM library under its prefixed name.
interface Recognition {
  lang: string;
  interimResults: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => Recognition;

function speechRecognition(): RecognitionConstructor | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

function ReplyLink({ link }: { link: AssistantLink }) {
  return link.href.startsWith('/') ? (
    <Link to={link.href} className="btn btn--secondary assistant-link">
      {link.title}
    </Link>
  ) : (
    <a href={link.href} className="btn btn--secondary assistant-link" {...(link.href.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {link.title}
    </a>
  );
}

export function AssistantPage() {
  const { t } = useTranslation();
  usePageTitle(t('assistant.title'));
  const [saved, setSaved] = useState<Saved>(load);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [listening, setListening] = useState(false);
  const recognition = useRef<Recognition | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const Speech = speechRecognition();

  useEffect(() => {
    sessionStorage.setItem(STORE_KEY, JSON.stringify({ ...saved, turns: saved.turns.slice(-40) }));
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [saved]);
  useEffect(() => () => recognition.current?.stop(), []);

  const ask = async (question: string) => {
    const q = question.trim().slice(0, MAX_TEXT);
    if (!q || busy) return;
    setText('');
    setBusy(true);
    const mine: Turn = { id: `${Date.now()}-me`, from: 'me', text: q };
    setSaved((s) => ({ ...s, turns: [...s.turns, mine] }));
    try {
      const r = await sendMessage(q, saved.conversationId);
      setSaved((s) => ({ conversationId: r.conversationId, turns: [...s.turns, { id: r.turnId, from: 'assistant', text: r.reply.text, reply: r.reply, turnId: r.turnId }] }));
    } catch (err) {
      const message = err instanceof ApiError ? err.message : t('assistant.failed');
      setSaved((s) => ({ ...s, turns: [...s.turns, { id: `${Date.now()}-err`, from: 'assistant', text: message, error: true }] }));
    } finally {
      setBusy(false);
    }
  };

  const rate = async (turn: Turn, helpful: boolean) => {
    if (!turn.turnId) return;
    setSaved((s) => ({ ...s, turns: s.turns.map((x) => (x.id === turn.id ? { ...x, rated: true } : x)) }));
    try {
      await rateAnswer(turn.turnId, helpful, saved.conversationId);
    } catch {
      /* a lost rating is not worth bothering the person with */
    }
  };

  const listen = () => {
    if (!Speech) return;
    if (listening) {
      recognition.current?.stop();
      return;
    }
    const r = new Speech();
    r.lang = 'vi-VN';
    r.interimResults = false;
    r.onresult = (e) => {
      const said = Array.from(e.results).map((res) => res[0]?.transcript ?? '').join(' ').trim();
      if (said) void ask(said);
    };
    r.onend = () => setListening(false);
    r.onerror = () => setListening(false);
    recognition.current = r;
    setListening(true);
    r.start();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void ask(text);
  };

  const restart = () => setSaved({ conversationId: null, turns: [] });
  const last = saved.turns[saved.turns.length - 1];
  const chips = last?.reply?.suggestions.length ? last.reply.suggestions : saved.turns.length === 0 ? [t('assistant.start.birth'), t('assistant.start.cccd'), t('assistant.start.dossier'), t('assistant.start.hotline')] : [];

  return (
    <div className="assistant">
      <PageHeader title={t('assistant.title')} back={{ to: '/', label: t('assistant.back') }} />
      <p className="assistant__intro">{t('assistant.intro')}</p>
      <div className="assistant__log" role="log" aria-live="polite" aria-label={t('assistant.logLabel')}>
        {saved.turns.map((turn) => (
          <div key={turn.id} className={`assistant-msg assistant-msg--${turn.from}${turn.error ? ' assistant-msg--error' : ''}`}>
            <span className="visually-hidden">{turn.from === 'me' ? t('assistant.you') : t('assistant.bot')}: </span>
            <p className="assistant-msg__text">{turn.text}</p>
            {turn.reply && turn.reply.links.length > 0 && (
              <div className="assistant-msg__links">
                {turn.reply.links.map((l) => (
                  <ReplyLink key={l.href + l.title} link={l} />
                ))}
              </div>
            )}
            {turn.reply && turn.reply.intent !== 'clarify' && turn.reply.intent !== 'greeting' && turn.reply.intent !== 'thanks' && (
              <div className="assistant-msg__rate">
                {turn.rated ? (
                  <span>{t('assistant.thanksForRating')}</span>
                ) : (
                  <>
                    <span>{t('assistant.rateQuestion')}</span>
                    <button type="button" className="assistant-rate" onClick={() => void rate(turn, true)}>
                      {t('assistant.helpful')}
                    </button>
                    <button type="button" className="assistant-rate" onClick={() => void rate(turn, false)}>
                      {t('assistant.notHelpful')}
                    </button>
                  </>
                )}
              </div>
            )}
          </div>
        ))}
        {busy && <p className="assistant-msg assistant-msg--assistant assistant-msg--typing">{t('assistant.thinking')}</p>}
        <div ref={end} />
      </div>
      {chips.length > 0 && (
        <div className="assistant__chips" aria-label={t('assistant.suggestions')}>
          {chips.map((c) => (
            <button key={c} type="button" className="assistant-chip" onClick={() => void ask(c)} disabled={busy}>
              {c}
            </button>
          ))}
        </div>
      )}
      <form className="assistant__form" onSubmit={submit}>
        <label htmlFor="assistant-text" className="visually-hidden">
          {t('assistant.inputLabel')}
        </label>
        <input
          id="assistant-text"
          className="assistant__input"
          value={text}
          maxLength={MAX_TEXT}
          autoComplete="off"
          placeholder={t('assistant.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        {Speech && (
          <Button variant="secondary" onClick={listen} aria-pressed={listening}>
            {listening ? t('assistant.stopVoice') : t('assistant.voice')}
          </Button>
        )}
        <Button type="submit" busy={busy} disabled={!text.trim()}>
          {t('assistant.send')}
        </Button>
      </form>
      {saved.turns.length > 0 && (
        <Button variant="ghost" onClick={restart}>
          {t('assistant.restart')}
        </Button>
      )}
    </div>
  );
}
