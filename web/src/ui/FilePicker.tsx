// One file picker for every form (report photos, dossier attachments, supplements, results):
// large Vietnamese buttons instead of the browser's small "Choose Files / No file chosen"
// (whose words follow the browser's language, not the app's), the phone's camera offered
// directly, a preview of each chosen file with its name and size, and remove / retry per file.
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

/** A file already chosen, as the picker shows it. */
export interface PickedFile {
  key: string;
  name: string;
  size?: number | undefined;
  /** An image URL (object or data URL) to draw; null or absent draws a document icon. */
  preview?: string | null | undefined;
  /** The file itself: an image is previewed from it when no `preview` is given. */
  file?: File | undefined;
  /** Why this file cannot be used (too large, could not be read…); shows "Thử lại" when `onRetry` is given. */
  error?: string | null | undefined;
}

export interface FilePickerProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'onChange' | 'value' | 'capture'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  id?: string;
  /**
   * Uncontrolled (no `chosen`): the files now chosen, after each choice or removal (empty when
   * the last is removed). Controlled: only the files just added; the page keeps the list.
   */
  onFiles: (files: File[]) => void;
  /** The list the page keeps (controlled); without it the picker keeps the list itself. */
  chosen?: PickedFile[];
  onRemove?: (key: string) => void;
  onRetry?: (key: string) => void;
  /** Also offer "Chụp ảnh", which opens the phone's camera straight away. */
  camera?: boolean;
}

/** "120 KB", "1,4 MB": sizes as a person reads them, in Vietnamese number format. */
export function formatFileSize(bytes: number, language = 'vi'): string {
  const fmt = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${fmt.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${fmt.format(Math.round(bytes / 1024))} KB`;
  return `${fmt.format(bytes / (1024 * 1024))} MB`;
}

function isImage(file: File): boolean {
  return /^image\/(jpeg|png|webp|gif|avif)$/.test(file.type);
}

/** The picker's own list (uncontrolled mode). */
function useOwnList(onFiles: (files: File[]) => void, multiple: boolean) {
  const [files, setFiles] = useState<{ key: string; file: File }[]>([]);
  const counter = useRef(0);
  const latest = useRef(files);
  latest.current = files;
  const make = (file: File) => ({ key: `f${++counter.current}`, file });
  const add = (added: File[]) => {
    const next = multiple ? [...latest.current, ...added.map(make)] : added.slice(0, 1).map(make);
    setFiles(next);
    onFiles(next.map((f) => f.file));
  };
  const remove = (key: string) => {
    const next = latest.current.filter((f) => f.key !== key);
    setFiles(next);
    onFiles(next.map((f) => f.file));
  };
  const picked: PickedFile[] = files.map((f) => ({ key: f.key, name: f.file.name, size: f.file.size, file: f.file }));
  return { picked, add, remove };
}

/** The preview: the given image, or one drawn from the file (its object URL freed when it goes), or a document icon. */
function Thumb({ preview, file }: { preview?: string | null | undefined; file?: File | undefined }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (preview !== undefined || !file || !isImage(file) || typeof URL.createObjectURL !== 'function') return setUrl(null);
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [preview, file]);
  const src = preview ?? url;
  return src ? <img src={src} alt="" className="file-picker__thumb" /> : <Icon name="document" className="file-picker__thumb file-picker__thumb--doc" />;
}

export function FilePicker({ label, hint, error, id: givenId, className, onFiles, chosen, onRemove, onRetry, camera, multiple, disabled, accept, ...input }: FilePickerProps) {
  const { t, i18n } = useTranslation();
  const autoId = useId();
  const id = givenId ?? autoId;
  const own = useOwnList(onFiles, !!multiple);
  const controlled = chosen !== undefined;
  const list = controlled ? chosen : own.picked;
  const remove = controlled ? onRemove : own.remove;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', list.length ? `${id}-chosen` : ''].filter(Boolean).join(' ') || undefined;

  const take = (el: HTMLInputElement) => {
    const files = [...(el.files ?? [])];
    // cleared, so choosing the same file again (after removing it) is seen as a change
    el.value = '';
    if (files.length === 0) return;
    if (controlled) onFiles(files);
    else own.add(files);
  };
  const chooseText = list.length && multiple ? t('ui.files.chooseMore') : list.length ? t('ui.files.chooseOther') : t('ui.files.choose');

  return (
    <div className={['field', 'file-picker', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" id={`${id}-label`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <div className="file-picker__buttons">
        <input
          {...input}
          id={id}
          type="file"
          className="visually-hidden file-picker__input"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => take(e.currentTarget)}
        />
        {/* the visible button; the input above it holds the name and the keyboard focus */}
        <label htmlFor={id} className="btn btn--secondary file-picker__button" aria-hidden="true">
          <Icon name="document" />
          <span>{chooseText}</span>
        </label>
        {camera && (
          <>
            <input id={`${id}-camera`} type="file" accept="image/*" capture="environment" className="visually-hidden file-picker__input" disabled={disabled}
              aria-describedby={describedBy} onChange={(e) => take(e.currentTarget)} />
            <label htmlFor={`${id}-camera`} className="btn btn--secondary file-picker__button">
              <Icon name="camera" />
              <span>{t('ui.files.camera')}</span>
            </label>
          </>
        )}
      </div>
      <p className="file-picker__status" id={`${id}-chosen`} role="status">
        {list.length === 0 ? t('ui.files.none') : t('ui.files.chosen', { count: list.length })}
      </p>
      {list.length > 0 && (
        <ul className="file-picker__list">
          {list.map((f) => (
            <li key={f.key} className={f.error ? 'file-picker__item file-picker__item--error' : 'file-picker__item'}>
              <Thumb preview={f.preview} file={f.file} />
              <span className="file-picker__name">
                <span>{f.name}</span>
                {f.size !== undefined && <span className="muted">{formatFileSize(f.size, i18n.language)}</span>}
                {f.error && (
                  <span className="field__error">
                    <Icon name="alert" />
                    {f.error}
                  </span>
                )}
              </span>
              <span className="file-picker__actions">
                {f.error && onRetry && (
                  <button type="button" className="btn btn--secondary" aria-label={`${t('ui.retry')} ${f.name}`} onClick={() => onRetry(f.key)}>
                    <Icon name="refresh" />
                    <span>{t('ui.retry')}</span>
                  </button>
                )}
                {remove && (
                  <button type="button" className="btn btn--ghost" aria-label={`${t('ui.files.remove')} ${f.name}`} onClick={() => remove(f.key)}>
                    <Icon name="trash" />
                    <span>{t('ui.files.remove')}</span>
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <span className="field__error" id={`${id}-error`}>
          <Icon name="alert" />
          {error}
        </span>
      )}
    </div>
  );
}
