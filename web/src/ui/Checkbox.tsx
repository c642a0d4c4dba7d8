import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { Icon } from './Icon.tsx';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: ReactNode;
  error?: string | null;
  id?: string;
}

/**
 * A tick box whose box and whole label are the touch target; the box is sized in rem so it
 * grows with the large-text setting. An error shows under it and is named to screen readers.
 */
export function Checkbox({ label, error, id: givenId, className, ...input }: CheckboxProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="check">
        <input {...input} id={id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        <span>{label}</span>
      </label>
      {error && (
        <span className="field__error" id={`${id}-error`}>
          <Icon name="alert" />
          {error}
        </span>
      )}
    </div>
  );
}
