// Route schemas are compiled on a route's first use, not at start. Fastify compiles every
// route's validators and response serializers when the app becomes ready: some 400 routes,
// with a fresh Ajv for each fast-json-stringify serializer, took about a second of every
// start (bench/results/footprint.md), mostly for routes a given run never calls. The
// compiled function is the one Fastify would have made, kept after the first call; a schema
// that cannot compile fails that route's first request instead of the start (every route
// has HTTP tests).
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler, FastifyServerOptions } from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';

type Validator = ReturnType<FastifySchemaCompiler<TSchema>>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;

/** TypeBox validation (as `TypeBoxValidatorCompiler`), compiled on the route's first request. */
export const lazyTypeBoxValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  let validate: Validator | undefined;
  // the TypeBox validator answers { value } or { error }, never a bare false with `.errors`
  // on the function, so a wrapper loses nothing Fastify reads
  return (data) => (validate ??= TypeBoxValidatorCompiler(route))(data);
};

/**
 * Fastify's own serializer factory (fast-json-stringify, fields outside the schema dropped),
 * each route's serializer built on its first reply. For the `schemaController` server option.
 */
export function lazySerializers(): NonNullable<FastifyServerOptions['schemaController']> {
  const defaultFactory = SerializerSelector();
  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compile = defaultFactory(externalSchemas, options);
    return (route) => {
      let serialize: Serializer | undefined;
      return (data) => (serialize ??= compile(route))(data);
    };
  };
  return { compilersFactory: { buildSerializer } };
}
