// Environment settings. The platform and each module declare their variables as TypeBox
// schemas (a module in its settings.ts, named by its manifest); config.ts reads them all
// once at boot. A wrong value stops the process with one line naming the variable, so an
// operator never has to read a stack, and a module's secrets stay in its own folder.
import { Type, type Static, type TObject, type TProperties, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { PlatformSettings } from '../config.ts';

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

/** A module's settings: its variables and how they become its typed settings. */
export interface SettingsDefinition<T> {
  /** The module that owns them. */
  name: string;
  variables: TObject;
  /** Parses the variables and applies the rules that span several of them (throws ConfigError). */
  read(env: Env, platform: PlatformSettings): T;
  /** This module's settings in a loaded configuration. */
  of(config: { modules: Readonly<Record<string, unknown>> }): T;
}

/** Extra keywords a variable's schema may carry. */
interface VariableOptions {
  /** How the one-line error describes a valid value, when the schema alone does not say it well. */
  mustBe?: string;
  /** Never echo the value in an error. */
  secret?: boolean;
}

export function invalid(name: string, expected: string, got: string): ConfigError {
  return new ConfigError(`Invalid configuration: ${name} must be ${expected} (got "${got}")`);
}

/** An http(s) address. */
export const HttpUrl = (options: { description?: string; default?: string } = {}) =>
  Type.String({ format: 'uri', pattern: '^https?://', mustBe: 'a URL', ...options });

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

function convert(schema: TSchema & { type?: unknown }, raw: string): unknown {
  if (schema.type === 'integer') return /^\d+$/.test(raw) ? Number(raw) : undefined;
  if (schema.type === 'boolean') {
    const word = raw.toLowerCase();
    return TRUE.includes(word) ? true : FALSE.includes(word) ? false : undefined;
  }
  return raw;
}

function describe(schema: TSchema & VariableOptions & Record<string, unknown>): string {
  if (schema.mustBe) return schema.mustBe;
  if (schema.type === 'integer') return `a whole number from ${String(schema.minimum)} to ${String(schema.maximum)}`;
  if (schema.type === 'boolean') return 'true or false';
  const options = (schema.enum as unknown[] | undefined) ?? (schema.anyOf as { const?: unknown }[] | undefined)?.map((s) => s.const);
  if (options) return `one of ${options.join(', ')}`;
  return typeof schema.description === 'string' ? schema.description : 'valid';
}

/**
 * Reads the variables of a schema from the environment. An unset or empty variable takes
 * the schema's default (or stays undefined when optional); any other value must convert
 * (whole numbers, true/false) and pass the schema, or the read stops with one clear line.
 */
export function parseVariables<P extends TProperties>(variables: TObject<P>, env: Env): Static<TObject<P>> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(variables.properties) as [string, TSchema & VariableOptions & Record<string, unknown>][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if ('default' in schema) out[name] = schema.default;
      continue;
    }
    const value = convert(schema, raw);
    if (value === undefined || !Value.Check(schema, value)) throw invalid(name, describe(schema), schema.secret ? '…' : raw);
    out[name] = value;
  }
  return out as Static<TObject<P>>;
}

/**
 * Declares a module's settings: its environment variables (TypeBox) and the typed value
 * the module reads with `settings.of(platform.config)`.
 */
export function defineSettings<P extends TProperties, T>(
  name: string,
  variables: P,
  build: (values: Static<TObject<P>>, platform: PlatformSettings) => T,
): SettingsDefinition<T> {
  const schema = Type.Object(variables);
  return {
    name,
    variables: schema,
    read: (env, platform) => build(parseVariables(schema, env), platform),
    of: (config) => {
      if (!(name in config.modules)) throw new Error(`settings of module ${name} were not loaded; is it listed in modules/index.ts?`);
      return config.modules[name] as T;
    },
  };
}
