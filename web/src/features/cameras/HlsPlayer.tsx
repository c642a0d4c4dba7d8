// Plays an HLS stream: natively where the browser can (Safari, iOS), otherwise through
// hls.js on Media Source, loaded only when a camera is opened. When the stream cannot be
// played the snapshot stands in. `data-state` tells tests and styles where it is:
// loading → parsed (playlist read) → playing, or down.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type PlayerState = 'loading' | 'parsed' | 'playing' | 'down';

export function HlsPlayer({ src, snapshot, title }: { src: string; snapshot: string | null; title: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlayerState>('loading');

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let destroyed = false;
    let destroy: (() => void) | undefined;
    setState('loading');
    const onPlaying = () => setState('playing');
    const onError = () => setState('down');
    el.addEventListener('playing', onPlaying);
    el.addEventListener('error', onError);
    // autoplay is allowed for muted video; a refusal leaves the controls to the person
    const play = () => void el.play().catch(() => undefined);
    if (el.canPlayType('application/vnd.apple.mpegurl')) {
      el.src = src;
      el.addEventListener('loadedmetadata', () => setState((s) => (s === 'loading' ? 'parsed' : s)), { once: true });
      play();
    } else {
      void import('hls.js').then(({ default: Hls }) => {
        if (destroyed) return;
        if (!Hls.isSupported()) return setState('down');
        const hls = new Hls({ manifestLoadingMaxRetry: 1, levelLoadingMaxRetry: 1, fragLoadingMaxRetry: 2 });
        destroy = () => hls.destroy();
        hls.on(Hls.Events.MANIFEST_PARSED, () => {
          setState((s) => (s === 'loading' ? 'parsed' : s));
          play();
        });
        hls.on(Hls.Events.ERROR, (_e, data) => {
          if (data.fatal) {
            setState('down');
            hls.destroy();
          }
        });
        hls.loadSource(src);
        hls.attachMedia(el);
      }, () => setState('down'));
    }
    return () => {
      destroyed = true;
      el.removeEventListener('playing', onPlaying);
      el.removeEventListener('error', onError);
      destroy?.();
    };
  }, [src]);

  return (
    <div className="camera-player" data-state={state} data-testid="camera-player">
      <video
        ref={video}
        className="camera-player__video"
        hidden={state === 'down'}
        muted
        playsInline
        loop
        controls
        aria-label={t('cameras.player.label', { name: title })}
      />
      {state === 'loading' && <p role="status">{t('cameras.player.loading')}</p>}
      {state === 'down' && (
        <div className="stack">
          <p role="status" className="camera-player__down">{t('cameras.player.down')}</p>
          {snapshot && <img className="camera-player__snapshot" src={snapshot} alt={t('cameras.player.snapshot', { name: title })} />}
        </div>
      )}
    </div>
  );
}
