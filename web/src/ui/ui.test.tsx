import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';
import { Tabs } from './Tabs.tsx';
import { TextField } from './TextField.tsx';
import { ErrorState } from './States.tsx';

function DialogHarness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Mở
      </button>
      <Dialog
        open={open}
        title="Xác nhận"
        onClose={() => setOpen(false)}
        actions={
          <>
            <Button onClick={() => setOpen(false)}>Hủy</Button>
            <Button>Đồng ý</Button>
          </>
        }
      >
        <p>Nội dung</p>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('moves focus in, keeps Tab inside, closes on Escape and gives focus back', async () => {
    render(<DialogHarness />);
    const opener = screen.getByRole('button', { name: 'Mở' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Xác nhận' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hủy' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Đồng ý' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hủy' }));
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Đồng ý' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

function TabsHarness() {
  const [tab, setTab] = useState('a');
  return (
    <Tabs
      label="Thông tin"
      selected={tab}
      onSelect={setTab}
      items={[
        { key: 'a', label: 'Một', panel: <p>Bảng một</p> },
        { key: 'b', label: 'Hai', panel: <p>Bảng hai</p> },
        { key: 'c', label: 'Ba', panel: <p>Bảng ba</p> },
      ]}
    />
  );
}

describe('Tabs', () => {
  it('has one tab in the Tab order and moves with arrow keys, Home and End', async () => {
    render(<TabsHarness />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    tabs[0]!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Hai' }));
    expect(screen.getByRole('tab', { name: 'Hai' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('Bảng hai');
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tabpanel').textContent).toBe('Bảng ba');
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Một' }));
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tabpanel', { name: 'Ba' })).toBeTruthy();
  });
});

describe('TextField', () => {
  it('links the hint and the error to the input', () => {
    render(<TextField label="Họ và tên" hint="Viết có dấu" error="Bạn chưa nhập họ và tên." />);
    const input = screen.getByLabelText('Họ và tên');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = input.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(['Viết có dấu', 'Bạn chưa nhập họ và tên.']);
  });
});

describe('ErrorState', () => {
  it('shows the message and a retry button that works', async () => {
    let retried = 0;
    render(<ErrorState error={new Error('Không kết nối được')} onRetry={() => retried++} />);
    expect(screen.getByRole('alert').textContent).toContain('Không kết nối được');
    await userEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(retried).toBe(1);
  });
});
