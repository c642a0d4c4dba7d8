/** The province pack's brand at build time (web/vite.config.ts `define`), for the first paint of a first visit. */
declare const __BUILD_BRAND__: { appName: string; shortName: string; tagline: string; provinceName: string };
