import type { Feature, Platform } from '../../platform/module.ts';

export function describeInstallation(platform: Platform, features: Feature[]) {
  const { pack } = platform;
  return {
    province: { code: pack.provinceCode, name: pack.provinceName },
    brand: { ...pack.brand, hotline: pack.hotline },
    demoMode: platform.config.demoMode,
    features,
  };
}
