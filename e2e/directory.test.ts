// Journeys: the head of a ward's People's Committee keeps the ward office's entry current
// (phone, hours) from the console; a citizen on a phone finds the nearest commune office
// open now from the home page and taps to call it; reads the hotlines; answers the welfare
// questionnaire and reaches the procedure. Axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, deskContext, launch, phoneContext, signIn } from './lib.ts';

const HEAD = '0900000702';

describe('directory, hotlines and welfare', () => {
  let browser: Browser;
  let head: Page;
  let citizen: Page;
  let office: { id: string; lat: number; lon: number };

  before(async () => {
    browser = await launch();
    head = await (await deskContext(browser)).newPage();
    const phone = await phoneContext(browser);
    citizen = await phone.newPage();
    const found = await (await citizen.request.get('/api/directory/agencies?q=luong%20van%20tri&kind=commune_committee')).json() as { items: { id: string; lat: number; lon: number }[] };
    office = found.items[0]!;
    // the citizen stands about 300 m from the ward office
    await phone.grantPermissions(['geolocation']);
    await phone.setGeolocation({ latitude: office.lat + 0.002, longitude: office.lon + 0.002 });
    await signIn(head, HEAD);
  });
  after(() => browser?.close());

  it("the ward's head updates the office's phone and hours from the console", async () => {
    await head.goto('/staff/directory');
    await head.getByRole('link', { name: /Phường Lương Văn Tri/ }).click();
    await head.getByLabel('Số điện thoại').fill('0205 3870 123');
    // a one-stop counter open around the clock (so the journey does not depend on the hour it runs)
    for (const day of ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']) await head.getByLabel(day, { exact: true }).fill('00:00-24:00');
    await head.getByLabel('Làm việc cả ngày lễ, Tết').check();
    await checkA11y(head, 'directory entry editor');
    await head.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await head.getByText('Đã lưu. Người dân sẽ thấy thông tin mới ngay.').waitFor();
    // a bad period is named on its day
    await head.getByLabel('Thứ Hai', { exact: true }).fill('17:00-07:00');
    await head.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await head.getByText('Giờ làm việc không hợp lệ', { exact: false }).waitFor();
  });

  it('a citizen finds the nearest commune office open now and calls it', async () => {
    await citizen.goto('/');
    await citizen.getByRole('link', { name: /Danh bạ/ }).first().click();
    await citizen.waitForURL(/\/directory$/);
    await citizen.getByRole('button', { name: 'Tìm nơi gần tôi' }).click();
    await citizen.getByText('Đang xếp nơi gần ông/bà nhất lên đầu.').waitFor();
    await citizen.getByLabel('Chỉ hiện nơi đang mở cửa').check();
    const first = citizen.getByRole('list', { name: /cơ quan/ }).getByRole('link').first();
    await first.getByText('Ủy ban nhân dân Phường Lương Văn Tri').waitFor();
    await first.getByText(/Đang mở cửa/).waitFor();
    await checkA11y(citizen, 'directory near me, open now');
    await first.click();
    await citizen.waitForURL(`**/directory/${office.id}`);
    const call = citizen.getByRole('link', { name: 'Gọi 0205 3870 123' });
    assert.equal(await call.getAttribute('href'), 'tel:02053870123');
    assert.match(await citizen.getByRole('link', { name: /Chỉ đường/ }).getAttribute('href') ?? '', /^geo:21\.\d+,106\.\d+/);
    await citizen.getByText('Đăng ký khai sinh', { exact: true }).waitFor();
    await checkA11y(citizen, 'agency page');
    // search without diacritics finds the provincial police
    await citizen.goto('/directory');
    await citizen.getByLabel('Tìm cơ quan').fill('cong an tinh');
    await citizen.getByRole('link', { name: /Công an tỉnh Lạng Sơn/ }).waitFor();
  });

  it('reads the hotlines, most urgent first, and can call 113', async () => {
    await citizen.goto('/directory');
    await citizen.getByRole('link', { name: 'Số điện thoại khẩn cấp' }).click();
    await citizen.getByRole('link', { name: 'Gọi 113' }).waitFor();
    const titles = await citizen.locator('.card__title').allTextContents();
    assert.deepEqual(titles.slice(0, 5).map((x) => x.split(' ')[0]), ['113', '114', '115', '111', '1022']);
    assert.equal(await citizen.getByRole('link', { name: 'Gọi 113' }).getAttribute('href'), 'tel:113');
    await checkA11y(citizen, 'hotlines');
  });

  it('answers the welfare questionnaire and reaches the procedure', async () => {
    await citizen.goto('/welfare');
    await checkA11y(citizen, 'welfare benefits');
    await citizen.getByRole('link', { name: 'Tôi có thể được hỗ trợ gì?' }).click();
    await citizen.getByText('Đây chỉ là gợi ý', { exact: false }).first().waitFor();
    await citizen.getByLabel('Ông/bà bao nhiêu tuổi?').fill('82');
    await citizen.getByLabel('Gia đình ông/bà có thuộc hộ nghèo, cận nghèo không?').selectOption('none');
    await citizen.getByRole('button', { name: 'Xem gợi ý' }).click();
    await citizen.getByRole('heading', { name: 'Chế độ ông/bà nên hỏi' }).waitFor();
    await checkA11y(citizen, 'welfare suggestions');
    await citizen.getByRole('link', { name: /Trợ cấp xã hội hằng tháng cho người cao tuổi/ }).click();
    await citizen.getByRole('heading', { name: 'Ai được hưởng' }).waitFor();
    await checkA11y(citizen, 'welfare benefit');
    await citizen.getByRole('link', { name: /Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội/ }).click();
    await citizen.waitForURL(/\/procedures\/[0-9a-f-]{36}$/);
  });
});
