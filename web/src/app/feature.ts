// The shape of a web feature's manifest (web/src/features/<name>/feature.ts). The router,
// the home tiles, the staff console and the leaders' dashboard read the one list in
// features/index.ts, so a new capability adds its folder and one line there.
import { createElement, lazy, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Ability } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';
import type { IconName } from '../ui/Icon.tsx';
import { loadText, textPending, type LazyLocaleSource, type LocaleSource } from '../lib/i18n.ts';
import { RequireSignIn } from './guards.tsx';

/** The home-page tile of a citizen service; shown only when the server lists the feature's key. */
export interface FeatureTile {
  icon: IconName;
  /** Text key of the tile's name. */
  labelKey: string;
  /** Text key of one short line under the name. */
  descriptionKey?: string;
  route: string;
}

/** A section of the staff console's navigation, shown to those holding its ability. */
export interface NavEntry {
  to: string;
  labelKey: string;
  icon: IconName;
  /** None: everyone who opens the console. */
  ability?: Ability;
  /** Active only on this exact path (the overview). */
  end?: boolean;
}

/**
 * A feature's user-facing text. The files' top-level keys are the feature's namespace (e.g.
 * `reports`): `t('reports.title')` reads the reports files.
 */
export interface FeatureLocales extends LazyLocaleSource {
  /**
   * `./locales/shell.vi.json` and `shell.en.json`: what the app shows of the feature outside its
   * pages (its home tile, its console navigation, its parts in the layout or on the home page),
   * in the app bundle. The rest, `./locales/vi.json` and `en.json`, comes with its pages.
   */
  shell?: LocaleSource;
}

/** A page of a feature; `preload` starts fetching its code before it renders. */
export type FeatureRoute = RouteObject & { preload?: (() => void) | undefined };

export interface Feature {
  /** The server's feature key (GET /api/features), for the home tile. */
  key: string;
  locales: FeatureLocales;
  /**
   * The keys of other features whose parts its pages show (a map, a fee card): their text comes
   * with this feature's pages too.
   */
  borrows?: readonly string[];
  tile?: FeatureTile;
  /** Pages of the citizen app, under `/`. */
  citizen?: FeatureRoute[];
  /** Pages of the staff console, under `/staff`. */
  staff?: FeatureRoute[];
  /** Pages of the leaders' dashboard, under `/leader`. */
  leader?: FeatureRoute[];
  /** Entries of the console's navigation (console and dashboard pages alike). */
  nav?: NavEntry[];
}

/** A page: a component given the signed-in person (pages open to anyone ignore it). */
export type Page = (props: { me: Me }) => ReactNode;

/** A lazily fetched page that can be asked to start fetching before it renders. */
export type LazyPage<P extends Page | (() => ReactNode)> = LazyExoticComponent<P> & { preload: () => void };

/** A page fetched the first time it opens; `name` is its export in the module. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K): LazyPage<() => ReactNode>;
export function lazyPage<K extends string>(load: () => Promise<Record<K, Page>>, name: K): LazyPage<Page>;
export function lazyPage<K extends string>(load: () => Promise<Record<K, Page>>, name: K): LazyPage<Page> {
  let loading: Promise<{ default: Page }> | undefined;
  const start = () =>
    (loading ??= load().then(
      (m) => ({ default: m[name] }),
      (err: unknown) => {
        // a preload that failed (offline) must not stop the page from trying again when it renders
        loading = undefined;
        throw err;
      },
    ));
  return Object.assign(lazy(start), { preload: () => void start().catch(() => undefined) });
}

/** A page anyone may open, signed in or not. */
export function openRoute(path: string, page: ComponentType | LazyPage<() => ReactNode>): FeatureRoute {
  return { ...at(path, createElement(page)), preload: 'preload' in page ? page.preload : undefined };
}

/** A page for a signed-in person; with an ability, only for those holding it (console, dashboard). */
export function signedInRoute(path: string, page: Page | LazyPage<Page>, ability?: Ability): FeatureRoute {
  // the page's code downloads while the guard asks who is signed in, not after
  const preload = 'preload' in page ? page.preload : undefined;
  return { ...at(path, createElement(RequireSignIn, { ability, preload, children: (me: Me) => createElement(page, { me }) })), preload };
}

/** An empty path is the section's own page (`/staff`, `/leader`). */
function at(path: string, element: RouteObject['element']): RouteObject {
  return path === '' ? { index: true, element } : { path, element };
}

function Pass({ children }: { children?: ReactNode }): ReactNode {
  return children;
}

/**
 * The routes with each page behind its text (see lib/i18n.ts). While the text is missing, React
 * waits for it as for a page's code (React.lazy), and the page's code downloads at the same
 * time; a page whose text is already in renders at once.
 */
export function withText(routes: readonly FeatureRoute[], sources: readonly LazyLocaleSource[]): RouteObject[] {
  return routes.map(({ preload, ...route }) => {
    const Wait = lazy(async () => {
      preload?.();
      await loadText(sources);
      return { default: Pass };
    });
    function TextGate({ children }: { children?: ReactNode }): ReactNode {
      // decided once per mount: going from one to the other would mount the page afresh
      const [waits] = useState(() => textPending(sources) !== undefined);
      return waits ? createElement(Wait, null, children) : children;
    }
    return { ...route, element: createElement(TextGate, null, route.element) };
  });
}
