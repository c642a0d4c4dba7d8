// The shape of a web feature's manifest (web/src/features/<name>/feature.ts). The router,
// the home tiles, the staff console and the leaders' dashboard read the one list in
// features/index.ts, so a new capability adds its folder and one line there.
import { createElement, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Ability } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';
import type { IconName } from '../ui/Icon.tsx';
import type { LocaleSource } from '../lib/i18n.ts';
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

export interface Feature {
  /** The server's feature key (GET /api/features), for the home tile. */
  key: string;
  /**
   * Its user-facing text, `./locales/vi.json` and `en.json`. The files' top-level keys are the
   * feature's namespace (e.g. `reports`): `t('reports.tile.label')` reads the reports file.
   */
  locales: LocaleSource;
  tile?: FeatureTile;
  /** Pages of the citizen app, under `/`. */
  citizen?: RouteObject[];
  /** Pages of the staff console, under `/staff`. */
  staff?: RouteObject[];
  /** Pages of the leaders' dashboard, under `/leader`. */
  leader?: RouteObject[];
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
export function openRoute(path: string, page: ComponentType): RouteObject {
  return at(path, createElement(page));
}

/** A page for a signed-in person; with an ability, only for those holding it (console, dashboard). */
export function signedInRoute(path: string, page: Page | LazyPage<Page>, ability?: Ability): RouteObject {
  // the page's code downloads while the guard asks who is signed in, not after
  const preload = 'preload' in page ? page.preload : undefined;
  return at(path, createElement(RequireSignIn, { ability, preload, children: (me: Me) => createElement(page, { me }) }));
}

/** An empty path is the section's own page (`/staff`, `/leader`). */
function at(path: string, element: RouteObject['element']): RouteObject {
  return path === '' ? { index: true, element } : { path, element };
}
