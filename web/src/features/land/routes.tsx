// Routes of the land information pages, mounted by app/router.tsx.
import type { RouteObject } from 'react-router';
import { LandPage } from './LandPage.tsx';

export const landCitizenRoutes: RouteObject[] = [{ path: 'land', element: <LandPage /> }];
