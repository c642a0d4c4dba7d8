/// <reference types="vitest/config" />
// Vite builds the PWA; vitest runs the component tests with the same settings.
// JSX goes through esbuild (no React plugin: it needs a newer Vite), so there is no fast refresh.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = path.dirname(fileURLToPath(import.meta.url));

type PackBrand = { appName: string; shortName: string; tagline: string; colors: { primary: string } };

/** The installed app's name and colour come from the province pack chosen at build time. */
function readPack(): { brand: PackBrand; provinceName: string } {
  const pack = process.env.PROVINCE_PACK || 'lang-son';
  const file = path.join(here, '..', 'packs', pack, 'pack.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { brand: PackBrand; provinceName: string };
}

const pack = readPack();
const brand = pack.brand;

// the Emblem of web/src/ui/Icon.tsx, drawn without a request
const EMBLEM =
  '<svg viewBox="0 0 64 64" aria-hidden="true" focusable="false"><circle cx="32" cy="32" r="31" fill="var(--brand-primary)" stroke="var(--brand-primary-contrast)" stroke-width="1"/>' +
  '<circle cx="32" cy="32" r="26" fill="none" stroke="var(--brand-primary-contrast)" stroke-width="2"/><circle cx="41" cy="22" r="6" fill="var(--brand-accent)"/>' +
  '<path d="M10 44 L24 26 L32 36 L38 29 L54 44 Z" fill="var(--brand-primary-contrast)"/><path d="M14 48 H50" stroke="var(--brand-primary-contrast)" stroke-width="3" stroke-linecap="round"/></svg>';
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The first paint without waiting for JavaScript: index.html carries the header with the
 * province's name and a grey skeleton of the page (React replaces it when it starts), and
 * preloads the regular weight of Be Vietnam Pro (Latin and Vietnamese subsets), which that
 * first text needs. Bold and the other weights come when a page uses them.
 */
function firstPaint(): Plugin {
  return {
    name: 'cds-first-paint',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const fonts = Object.values(ctx.bundle ?? {})
          .map((file) => file.fileName)
          .filter((name) => /be-vietnam-pro-(latin|vietnamese)-400-normal-[\w-]+\.woff2$/.test(name));
        const preloads = fonts.map((name) => `<link rel="preload" href="/${name}" as="font" type="font/woff2" crossorigin>`).join('\n    ');
        const shell =
          `<div class="app" aria-busy="true"><header class="app-header"><div class="app-header__inner">` +
          `<a href="/" class="brand-link">${EMBLEM}<span class="brand-link__name">${escapeHtml(brand.shortName)}</span></a>` +
          `</div></header><main class="app-main"><div class="skeleton-page"><div class="skeleton skeleton--hero"></div><div class="skeleton"></div><div class="skeleton"></div></div></main></div>`;
        return html.replace('</head>', `  ${preloads}\n  </head>`).replace('<div id="root"></div>', `<div id="root">${shell}</div>`);
      },
    },
  };
}

// Console and dashboard code: the staff and leader folders (but their manifests and shell text,
// which the app shell reads) and the pages of any feature named Staff… or Leader….
const CONSOLE_CODE = /[\\/]features[\\/]((staff|leader)[\\/](?!feature\.ts$|locales[\\/]shell\.)|[^\\/]+[\\/](Staff|Leader)\w*\.tsx$)/;

function chunkPrefix(moduleIds: readonly string[]): string {
  if (moduleIds.some((id) => CONSOLE_CODE.test(id))) return 'console-';
  if (moduleIds.some((id) => /[\\/]node_modules[\\/](echarts|zrender|maplibre-gl)[\\/]/.test(id))) return 'heavy-';
  return '';
}

/** A feature's locale file is a chunk of its own: named after the feature (`procedures-vi`), not just `vi`. */
function chunkName(moduleIds: readonly string[]): string {
  const locale = moduleIds.length === 1 ? /[\\/]features[\\/]([^\\/]+)[\\/]locales[\\/]([\w.]+)\.json$/.exec(moduleIds[0]!) : null;
  return locale ? `${locale[1]}-${locale[2]}` : '[name]';
}
const backend = process.env.API_URL || 'http://localhost:3000';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  // the brand the home page shows before GET /api/features answers on a first visit (src/build-brand.d.ts)
  define: {
    __BUILD_BRAND__: JSON.stringify({ appName: brand.appName, shortName: brand.shortName, tagline: brand.tagline, provinceName: pack.provinceName }),
  },
  server: {
    proxy: { '/api': backend, '/oidc': backend, '/demo': backend },
  },
  build: {
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      onwarn(warning, warn) {
        // libraries mark React Server Components entry points; meaningless in a client bundle
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // staff, leader and chart code get a prefix so the service worker can skip precaching them
        chunkFileNames: (chunk) => `assets/${chunkPrefix(chunk.moduleIds)}${chunkName(chunk.moduleIds)}-[hash].js`,
      },
    },
  },
  plugins: [
    firstPaint(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/emblem.svg'],
      manifest: {
        name: brand.appName,
        short_name: brand.shortName,
        description: brand.tagline,
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: brand.colors.primary,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // the app shell: entry, route chunks, styles, the two font subsets in woff2, icons
        globPatterns: ['**/*.{js,css,html,woff2}'],
        globIgnores: ['**/assets/console-*', '**/assets/heavy-*'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/oidc(\/|$)/, /^\/open311(\/|$)/, /^\/demo(\/|$)/],
        cleanupOutdatedCaches: true,
        // Web Push: show alerts and notices, open the right page on tap (public/push-sw.js)
        importScripts: ['push-sw.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        runtimeCaching: [
          {
            // console and chart chunks are cached the first time an official opens them
            urlPattern: ({ url }) => /^\/assets\/(console|heavy)-/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'cds-console-chunks', expiration: { maxEntries: 60 } },
          },
          {
            // news a citizen opened stays readable offline (the latest copy when online)
            urlPattern: ({ url }) => /^\/api\/news(\/(?!files\/)[^/]+)?$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'cds-news', networkTimeoutSeconds: 4, expiration: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 } },
          },
          {
            // their cover images and PDF attachments never change (a new upload gets a new id)
            urlPattern: ({ url }) => url.pathname.startsWith('/api/news/files/'),
            handler: 'CacheFirst',
            options: { cacheName: 'cds-news-files', expiration: { maxEntries: 100, maxAgeSeconds: 30 * 24 * 3600 }, cacheableResponse: { statuses: [200] } },
          },
          {
            // the brand must show offline; it is public and small
            urlPattern: ({ url }) => url.pathname === '/api/features',
            handler: 'NetworkFirst',
            options: { cacheName: 'cds-features', networkTimeoutSeconds: 4, expiration: { maxEntries: 2 } },
          },
          {
            // the base map and report points of the places a person looked at, for a map offline
            urlPattern: ({ url }) => /^\/api\/(land\/)?tiles\//.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'cds-tiles', networkTimeoutSeconds: 4, expiration: { maxEntries: 600, maxAgeSeconds: 30 * 24 * 3600 }, cacheableResponse: { statuses: [200] } },
          },
          {
            // who is signed in: an offline reload must not show the person signed out. The app
            // deletes this cache on sign-out and whenever the server answers 401 (web/src/app/auth.ts)
            urlPattern: ({ url }) => url.pathname === '/api/me',
            handler: 'NetworkFirst',
            options: { cacheName: 'cds-session', networkTimeoutSeconds: 4, expiration: { maxEntries: 1 } },
          },
          {
            // every citizen page opened once opens offline: the latest copy of what it read
            // (categories, communes, my reports and dossiers…). Not the console's reads, sign-in,
            // files or exports; cleared on sign-out with the session.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && url.pathname.startsWith('/api/') && !/^\/api\/(auth|staff|leader|dashboard|dev|health|news-desk)(\/|$)/.test(url.pathname) &&
              !/\/(staff|files|tiles|export)(\/|$)|\.(pdf|csv|xml|zip|pbf|png|jpe?g)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'cds-api', networkTimeoutSeconds: 6, expiration: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 }, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ],
  test: {
    environment: 'jsdom',
    globalSetup: ['./src/test/global-setup.ts'],
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20_000,
  },
});
