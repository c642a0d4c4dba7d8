// Every capability module, in dependency order: a module may use() only those above it.
import type { ModuleDefinition } from '../platform/module.ts';

export const MODULES: ModuleDefinition[] = [];
