// Journey: an alert officer drafts a flood alert for two communes, a leader approves and
// sends it, a citizen of one of them sees it full screen in the open app and answers
// "Tôi an toàn"; the officer sees the answer in the delivery report. Second journey: the
// officer draws the area as a circle on the map, sees the communes it covers, sends an
// exercise, and sees a citizen's "Tôi cần giúp đỡ" as a point on the report's map and in
// the count per commune. Axe on every page.
import { after, before, describe, it } from 'node:test';
import { type Browser } from 'playwright-core';
import { BASE_URL, checkA11y, DEMO_PASSWORD, deskContext, launch, phoneContext, signIn } from './lib.ts';

const OFFICER = '0900000401';
const LEADER = '0900000201';
const CITIZEN = '0900000002'; // Xã Thất Khê

describe('emergency alerts', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('goes from the officer’s draft through the leader’s approval to the citizen’s "Tôi an toàn"', async () => {
    const headline = `Lũ quét khẩn cấp ${Date.now() % 100000}`;

    const officer = await (await deskContext(browser)).newPage();
    await signIn(officer, OFFICER);
    await officer.goto('/staff/alerts');
    await officer.getByRole('heading', { level: 1, name: 'Cảnh báo khẩn cấp' }).waitFor();
    await officer.getByRole('button', { name: 'Soạn cảnh báo mới' }).click();
    await officer.getByLabel('Sự kiện').fill('Lũ quét');
    await officer.getByLabel('Mức nguy hiểm').selectOption('Extreme');
    await officer.getByLabel('Tiêu đề ngắn').fill(headline);
    await officer.getByLabel('Mô tả').fill('Mưa lớn 200 mm trong 6 giờ, nước suối dâng rất nhanh.');
    await officer.getByLabel('Hướng dẫn người dân').fill('Di chuyển ngay lên chỗ cao, tránh xa bờ suối.');
    await officer.getByLabel('Xã Thất Khê', { exact: true }).check();
    await officer.getByLabel('Phường Lương Văn Tri', { exact: true }).check();
    await checkA11y(officer, 'alert draft form');
    await officer.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const draftCard = officer.getByRole('region', { name: headline });
    await draftCard.getByText('Bản nháp, chờ duyệt').waitFor();
    // the drafter cannot send an Actual alert alone
    if (await draftCard.getByRole('button', { name: 'Duyệt và phát' }).count()) throw new Error('the drafter was offered to send it');
    await checkA11y(officer, 'alerts console with a draft');

    const leader = await (await deskContext(browser)).newPage();
    await signIn(leader, LEADER);
    await leader.goto('/staff/alerts');
    const leaderCard = leader.getByRole('region', { name: headline });
    await leaderCard.getByRole('button', { name: 'Duyệt và phát' }).click();
    await leaderCard.getByText('Đã phát').waitFor();
    await checkA11y(leader, 'alerts console after sending');

    const citizen = await (await phoneContext(browser)).newPage();
    await signIn(citizen, CITIZEN);
    const dialog = citizen.getByRole('alertdialog', { name: headline });
    await dialog.waitFor({ timeout: 40_000 });
    await dialog.getByText('Di chuyển ngay lên chỗ cao').waitFor();
    await checkA11y(citizen, 'full-screen alert');
    await dialog.getByRole('button', { name: 'Tôi an toàn' }).click();
    await dialog.getByText('Đã ghi nhận: bạn an toàn.').waitFor();
    await dialog.getByRole('button', { name: 'Đã hiểu, đóng' }).click();
    // the banner stays while the alert is in force, and leads to the alert's page
    await citizen.getByRole('link', { name: new RegExp(headline) }).first().click();
    await citizen.getByRole('heading', { level: 1, name: headline }).waitFor();
    await citizen.getByText('Đã ghi nhận: bạn an toàn.').waitFor();
    await checkA11y(citizen, 'alert page');
    await citizen.goto('/canh-bao');
    await citizen.getByRole('link', { name: new RegExp(headline) }).first().waitFor();
    await checkA11y(citizen, 'alerts page');

    await officer.reload();
    const sent = officer.getByRole('region', { name: headline });
    await sent.getByRole('button', { name: 'Báo cáo gửi' }).click();
    await sent.getByText(/An toàn: 1/).waitFor({ timeout: 20_000 });
    await sent.getByText(/Hoàng Thị Bình/).waitFor();

    // the alert is cancelled (the officer drafts the Cancel, the leader sends it), so the
    // journeys that follow, whose citizens live in these communes, are not covered by it
    const officerApi = await bearer(OFFICER);
    const list = (await (await fetch(`${BASE_URL}/api/staff/alerts`, { headers: officerApi })).json()) as { items: { id: string; headline: string; state: string }[] };
    const original = list.items.find((a) => a.headline === headline && a.state === 'sent');
    if (!original) throw new Error('the sent alert is not in the console list');
    const cancel = await fetch(`${BASE_URL}/api/staff/alerts/${original.id}/follow-ups`, {
      method: 'POST', headers: { ...officerApi, 'content-type': 'application/json' }, body: JSON.stringify({ msgType: 'Cancel' }),
    });
    if (cancel.status !== 201) throw new Error(`drafting the Cancel: ${cancel.status} ${await cancel.text()}`);
    const cancelId = ((await cancel.json()) as { id: string }).id;
    const sendCancel = await fetch(`${BASE_URL}/api/staff/alerts/${cancelId}/send`, { method: 'POST', headers: await bearer(LEADER) });
    if (sendCancel.status !== 200) throw new Error(`sending the Cancel: ${sendCancel.status} ${await sendCancel.text()}`);
    const current = (await (await fetch(`${BASE_URL}/api/alerts?commune=06040&current=true`)).json()) as { items: { headline: string; msgType?: string }[] };
    if (current.items.some((a) => a.headline === headline && a.msgType !== 'Cancel')) throw new Error('the cancelled alert is still in force');
  });

  it('draws the area as a circle on the map and shows "I need help" answers on a map with counts per commune', async () => {
    const headline = `Diễn tập sạt lở ${Date.now() % 100000}`;
    const officer = await (await deskContext(browser)).newPage();
    await signIn(officer, OFFICER);
    await officer.goto('/staff/alerts');
    await officer.getByRole('button', { name: 'Soạn cảnh báo mới' }).click();
    await officer.getByLabel('Loại', { exact: true }).selectOption('Exercise');
    await officer.getByLabel('Sự kiện').fill('Sạt lở đất');
    await officer.getByLabel('Tiêu đề ngắn').fill(headline);
    await officer.getByLabel('Mô tả').fill('Diễn tập: đất đá có thể sạt xuống đường quanh trung tâm thành phố.');
    await officer.getByLabel('Cách vẽ').selectOption('circle');
    const map = officer.getByTestId('alert-area-map');
    await map.locator('canvas').waitFor();
    // the map opens on the city centre, inside Phường Lương Văn Tri: tap it, or (no WebGL) put the centre there by button
    const box = (await map.boundingBox())!;
    await map.locator('canvas').click({ position: { x: box.width / 2, y: box.height / 2 } });
    if (await officer.getByText('Chưa đặt tâm').isVisible()) await officer.getByRole('button', { name: 'Đặt tâm ở giữa bản đồ' }).click();
    await officer.getByText(/^Tâm: /).waitFor();
    await officer.getByLabel('Bán kính').selectOption('2');
    await officer.getByRole('button', { name: 'Xem vùng ảnh hưởng' }).click();
    await officer.getByText(/Vùng này gồm \d+ xã\/phường.*Phường Lương Văn Tri/).waitFor();
    await checkA11y(officer, 'alert draft with a circle drawn');
    await officer.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const card = officer.getByRole('region', { name: headline });
    await card.getByText(/Phường Lương Văn Tri/).waitFor();
    // an exercise the officer sends alone
    await card.getByRole('button', { name: 'Phát', exact: true }).click();
    await card.getByText('Đã phát').waitFor();

    const officerApi = await bearer(OFFICER);
    const list = (await (await fetch(`${BASE_URL}/api/staff/alerts`, { headers: officerApi })).json()) as { items: { id: string; headline: string; area: { circle?: { radiusKm: number } } }[] };
    const alert = list.items.find((a) => a.headline === headline);
    if (alert?.area.circle?.radiusKm !== 2) throw new Error('the circle was not saved with the alert');
    const cap = await (await fetch(`${BASE_URL}/cap/alerts/${(await (await fetch(`${BASE_URL}/api/alerts/${alert.id}`)).json() as { identifier: string }).identifier}.xml`)).text();
    if (!/<circle>[\d.]+,[\d.]+ 2<\/circle>/.test(cap)) throw new Error('the CAP document carries no circle');
    // a citizen of Lương Văn Tri needs help and shares where she is
    const answer = await fetch(`${BASE_URL}/api/alerts/${alert.id}/answers`, {
      method: 'POST', headers: { ...(await bearer('0900000001')), 'content-type': 'application/json' }, body: JSON.stringify({ answer: 'need_help', lat: 21.845, lon: 106.757 }),
    });
    if (answer.status !== 200) throw new Error(`answering: ${answer.status}`);

    await officer.reload();
    const sent = officer.getByRole('region', { name: headline });
    await sent.getByRole('button', { name: 'Báo cáo gửi' }).click();
    await sent.getByText(/Cần giúp: 1/).waitFor({ timeout: 20_000 });
    await sent.getByRole('table', { name: 'Trả lời theo xã/phường' }).getByRole('rowheader').first().waitFor();
    await sent.getByRole('region', { name: /Bản đồ người cần giúp đỡ/ }).waitFor();
    await sent.getByRole('button', { name: /^Tôi cần giúp đỡ: / }).waitFor();
    await checkA11y(officer, 'alert report with the map of answers');

    const cancel = await fetch(`${BASE_URL}/api/staff/alerts/${alert.id}/follow-ups`, { method: 'POST', headers: { ...officerApi, 'content-type': 'application/json' }, body: JSON.stringify({ msgType: 'Cancel' }) });
    const cancelId = ((await cancel.json()) as { id: string }).id;
    await fetch(`${BASE_URL}/api/staff/alerts/${cancelId}/send`, { method: 'POST', headers: officerApi });
  });
});

/** A Bearer header for a demo account (API calls outside the browser's cookie session). */
async function bearer(phone: string): Promise<{ authorization: string }> {
  const res = await fetch(`${BASE_URL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${phone}: ${res.status}`);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}
