// The shared form parts and page header: labels, hints and errors are named to screen
// readers, the parts hand back what was chosen, and sizes follow the large-text setting.
import fs from 'node:fs';
import path from 'node:path';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Checkbox } from './Checkbox.tsx';
import { PageHeader } from './PageHeader.tsx';
import { FilePicker } from './FilePicker.tsx';
import { TextArea } from './TextField.tsx';

const describedBy = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);

describe('PageHeader', () => {
  it('shows the heading and a link back named after the page it leads to', () => {
    render(
      <MemoryRouter>
        <PageHeader title="Hồ sơ HS-001" back={{ to: '/dossiers', label: 'Hồ sơ của tôi' }} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Hồ sơ HS-001' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hồ sơ của tôi' }).getAttribute('href')).toBe('/dossiers');
  });

  it('shows only the heading when there is no page above', () => {
    render(
      <MemoryRouter>
        <PageHeader title="Tài khoản" />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});

function CheckboxHarness({ error }: { error?: string }) {
  const [on, setOn] = useState(false);
  return <Checkbox label="Tôi đồng ý" checked={on} onChange={(e) => setOn(e.target.checked)} error={error} />;
}

describe('Checkbox', () => {
  it('ticks when its label is pressed', async () => {
    render(<CheckboxHarness />);
    const box = screen.getByRole('checkbox', { name: 'Tôi đồng ý' }) as HTMLInputElement;
    await userEvent.click(screen.getByText('Tôi đồng ý'));
    expect(box.checked).toBe(true);
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });

  it('names its error and marks itself invalid', () => {
    render(<CheckboxHarness error="Bạn cần đồng ý điều khoản" />);
    const box = screen.getByRole('checkbox', { name: 'Tôi đồng ý' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(box)).toEqual(['Bạn cần đồng ý điều khoản']);
  });
});

describe('TextArea', () => {
  it('is labelled, links hint and error, and keeps what is typed', async () => {
    const onChange = vi.fn();
    render(<TextArea label="Nội dung" hint="Viết rõ nơi xảy ra" error="Hãy nhập nội dung" onChange={onChange} />);
    const area = screen.getByRole('textbox', { name: 'Nội dung' });
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(area)).toEqual(['Viết rõ nơi xảy ra', 'Hãy nhập nội dung']);
    await userEvent.type(area, 'Rác');
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});

describe('FilePicker', () => {
  it('hands back the chosen files, shows each with its size, and removes one', async () => {
    const onFiles = vi.fn();
    render(<FilePicker label="Chọn ảnh" multiple accept="image/jpeg,application/pdf" onFiles={onFiles} />);
    const input = screen.getByLabelText('Chọn ảnh') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(screen.getByRole('status').textContent).toBe('Chưa chọn tệp nào.');
    const a = new File(['a'.repeat(2048)], 'a.jpg', { type: 'image/jpeg' });
    const b = new File(['b'], 'b.pdf', { type: 'application/pdf' });
    await userEvent.upload(input, [a, b]);
    expect(onFiles).toHaveBeenLastCalledWith([a, b]);
    expect(screen.getByRole('status').textContent).toBe('Đã chọn 2 tệp:');
    expect(screen.getByText('2 KB')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Bỏ tệp này a.jpg' }));
    expect(onFiles).toHaveBeenLastCalledWith([b]);
    expect(screen.queryByText('a.jpg')).toBeNull();
  });

  it('a single-file picker replaces its file and offers another instead of more', async () => {
    const onFiles = vi.fn();
    render(<FilePicker label="Tờ khai" onFiles={onFiles} />);
    const input = screen.getByLabelText('Tờ khai') as HTMLInputElement;
    const a = new File(['a'], 'to-khai-1.pdf', { type: 'application/pdf' });
    const b = new File(['b'], 'to-khai-2.pdf', { type: 'application/pdf' });
    await userEvent.upload(input, a);
    await userEvent.upload(input, b);
    expect(onFiles).toHaveBeenLastCalledWith([b]);
    expect(screen.queryByText('to-khai-1.pdf')).toBeNull();
    expect(screen.getByText('Chọn tệp khác')).toBeTruthy();
  });

  it('controlled: shows the page list, retries a failed file, offers the camera', async () => {
    const onRetry = vi.fn();
    const onRemove = vi.fn();
    render(<FilePicker label="Ảnh" camera chosen={[{ key: 'k1', name: 'anh.heic', error: 'Không đọc được ảnh' }]} onFiles={() => undefined} onRetry={onRetry} onRemove={onRemove} />);
    expect(screen.getByText('Không đọc được ảnh')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại anh.heic' }));
    expect(onRetry).toHaveBeenCalledWith('k1');
    const cameraInput = screen.getByLabelText('Chụp ảnh') as HTMLInputElement;
    expect(cameraInput.getAttribute('capture')).toBe('environment');
    expect(cameraInput.accept).toBe('image/*');
  });

  it('names its error', () => {
    render(<FilePicker label="Tờ khai" error="Tệp quá lớn" onFiles={() => undefined} />);
    const input = screen.getByLabelText('Tờ khai');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toEqual(['Tệp quá lớn']);
  });

  it('draws its buttons and previews in rem, so they grow with large text', () => {
    // jsdom does not lay out, so the stylesheet itself is checked: sizes come from the root font
    const css = fs.readFileSync(path.join(__dirname, 'styles.css'), 'utf8');
    const picker = css.slice(css.indexOf('.file-picker__buttons'), css.indexOf('.input--otp'));
    expect(picker).toMatch(/\.file-picker__thumb\s*\{[^}]*width:\s*[\d.]+rem/);
    expect(picker).not.toMatch(/\d+px/);
    expect(/\.check input\s*\{[^}]*width:\s*[\d.]+rem/.test(css)).toBe(true);
  });
});
