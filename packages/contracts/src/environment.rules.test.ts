// VN_AQI (Decision 1459/QĐ-TCMT) on cases worked by hand from the decision's tables:
// AQI_x = (I_{i+1} − I_i) / (BP_{i+1} − BP_i) × (C_x − BP_i) + I_i.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alarmLevel, aqiBand, dailyAqi, hourlyAqi, nowCast, subIndex, type AirHour } from './environment.rules.ts';

describe('VN_AQI sub-indices', () => {
  it('interpolates inside the breakpoint rows', () => {
    // PM2.5 24h 40 µg/m³: between 25 (50) and 50 (100): 50/25 × 15 + 50 = 80
    assert.equal(subIndex('pm25', 40), 80);
    // PM10 24h 200: between 150 (100) and 250 (150): 50/100 × 50 + 100 = 125
    assert.equal(subIndex('pm10', 200), 125);
    // O3 1h 250: between 200 (100) and 300 (150): 50/100 × 50 + 100 = 125
    assert.equal(subIndex('o3', 250), 125);
    // CO 1h 35 000: between 30 000 (100) and 45 000 (150): 50/15 000 × 5 000 + 100 = 116.7 → 117
    assert.equal(subIndex('co', 35000), 117);
    // NO2 1h 250: between 200 (100) and 700 (150): 50/500 × 50 + 100 = 105
    assert.equal(subIndex('no2', 250), 105);
    // SO2 1h 1000: between 800 (200) and 1600 (300): 100/800 × 200 + 200 = 225
    assert.equal(subIndex('so2', 1000), 225);
  });

  it('takes a breakpoint itself in the lower segment, and caps above the table', () => {
    assert.equal(subIndex('pm25', 0), 0);
    assert.equal(subIndex('pm25', 25), 50);
    assert.equal(subIndex('pm25', 25.5), 51);
    assert.equal(subIndex('pm25', 500), 500);
    assert.equal(subIndex('pm25', 650), 500);
    // ozone over 8 hours stops at 400 µg/m³: the 1-hour value decides beyond it
    assert.equal(subIndex('o3_8h', 450), null);
    assert.equal(subIndex('pm10', null), null);
    assert.equal(subIndex('pm10', -3), null);
  });
});

describe('NowCast and the hourly index', () => {
  it('weights recent hours by w = c_min / c_max when that is above one half', () => {
    // 30, 20, 20: w = 2/3; (30 + 2/3·20 + 4/9·20) / (1 + 2/3 + 4/9) = 52.222 / 2.1111 = 24.737
    assert.ok(Math.abs(nowCast([30, 20, 20])! - 24.737) < 0.001);
    // AQI: 50/25 × 24.737 = 49.47 → 49
    assert.equal(hourlyAqi([{ pm25: 30 }, { pm25: 20 }, { pm25: 20 }])?.aqi, 49);
  });

  it('uses w = 0.5 when the hours vary more than twofold', () => {
    // 100, 20, 20: w* = 0.2 → 0.5; (100 + 10 + 5) / 1.75 = 65.714; 50/30 × 15.714 + 100 = 126.2 → 126
    assert.ok(Math.abs(nowCast([100, 20, 20])! - 65.714) < 0.001);
    assert.equal(hourlyAqi([{ pm25: 100 }, { pm25: 20 }, { pm25: 20 }])?.aqi, 126);
  });

  it('needs two of the three latest hours, and dust for any index', () => {
    assert.equal(nowCast([30, null, null, 20]), null);
    assert.equal(hourlyAqi([{ no2: 500 }, { no2: 500 }, { no2: 500 }]), null);
  });

  it('is the largest sub-index, naming its pollutant', () => {
    // PM2.5 NowCast 49 as above; NO2 now 250 → 105
    const r = hourlyAqi([{ pm25: 30, no2: 250 }, { pm25: 20 }, { pm25: 20 }]);
    assert.equal(r?.aqi, 105);
    assert.equal(r?.dominant, 'no2');
    assert.equal(r?.subIndices.pm25, 49);
  });
});

describe('the daily index', () => {
  const day = (f: (h: number) => AirHour) => Array.from({ length: 24 }, (_, h) => f(h));

  it('takes dust on the 24-hour mean and ozone on the larger of its 1-hour and 8-hour indices', () => {
    // PM2.5 40 all day → 80. Ozone 150 from 10:00 to 17:00, 0 otherwise: 8-hour mean 150 →
    // 50/50 × 30 + 100 = 130; 1-hour max 150 → 50/160 × 150 = 46.9 → 47; ozone 130 wins.
    const r = dailyAqi(day((h) => ({ pm25: 40, o3: h >= 10 && h < 18 ? 150 : 0 })));
    assert.equal(r?.subIndices.pm25, 80);
    assert.equal(r?.subIndices.o3, 130);
    assert.equal(r?.aqi, 130);
    assert.equal(r?.dominant, 'o3');
  });

  it('takes gases on the day\'s highest hour', () => {
    // CO peaks at 35 000 once → 117 over PM10 mean 100 → 50/100 × 50 + 50 = 75
    const r = dailyAqi(day((h) => ({ pm10: 100, co: h === 8 ? 35000 : 1000 })));
    assert.equal(r?.aqi, 117);
    assert.equal(r?.dominant, 'co');
  });

  it('gives no index for a day with fewer than 18 hours of dust', () => {
    assert.equal(dailyAqi(day((h) => (h < 17 ? { pm25: 40 } : {}))), null);
    assert.equal(dailyAqi(day((h) => (h < 18 ? { pm25: 40 } : {})))?.aqi, 80);
  });
});

describe('bands and river alarms', () => {
  it('puts each index in the decision\'s six bands', () => {
    const cases: [number, string][] = [[0, 'good'], [50, 'good'], [51, 'moderate'], [100, 'moderate'], [101, 'poor'], [150, 'poor'], [151, 'bad'], [200, 'bad'], [201, 'very_bad'], [300, 'very_bad'], [301, 'hazardous'], [500, 'hazardous']];
    for (const [aqi, band] of cases) assert.equal(aqiBand(aqi), band, String(aqi));
  });

  it('reads a level against báo động I, II, III', () => {
    const kyCung = { alarm1: 252, alarm2: 254, alarm3: 256 };
    assert.equal(alarmLevel(251.99, kyCung), 0);
    assert.equal(alarmLevel(252, kyCung), 1);
    assert.equal(alarmLevel(255.2, kyCung), 2);
    assert.equal(alarmLevel(256.5, kyCung), 3);
    assert.equal(alarmLevel(300, { alarm1: null, alarm2: null, alarm3: null }), 0);
  });
});
