/**
 * Fastify's own schema compilers (@fastify/ajv-compiler for what a request carries,
 * @fastify/fast-json-stringify-compiler for the responses), each route's schemas compiled at the
 * route's first request instead of at start. Sesame has some 200 routes with schemas, most of
 * them the console's and the admin API's, which a sign-in never uses: compiling them all made
 * ≈ 210 ms of a start's 1.1 s (bench/README.md, "Start-up"). Compiled, a validator or
 * serializer is the one Fastify would have made, with the server's `ajv` options; a schema that
 * does not compile fails its route's requests (tests walk every route) rather than the start.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

/** A validator as Fastify calls it: the result, and the errors on the function itself. */
type Validate = ((data: unknown) => unknown) & { errors?: unknown };

type BuildValidator = ReturnType<typeof AjvCompiler>;
type BuildSerializer = ReturnType<typeof SerializerSelector>;

export function lazySchemaCompilers(): CompilersFactory {
  const buildValidator = AjvCompiler();
  const buildSerializer = SerializerSelector();
  const lazyValidators: BuildValidator = (externalSchemas, options) => {
    const compile = buildValidator(externalSchemas, options);
    return ((route: Parameters<typeof compile>[0]) => {
      let compiled: Validate | undefined;
      const validate: Validate = (data) => {
        compiled ??= compile(route) as Validate;
        const result = compiled(data);
        validate.errors = compiled.errors;
        return result;
      };
      return validate;
    }) as typeof compile;
  };
  const lazySerializers: BuildSerializer = (externalSchemas, options) => {
    const compile = buildSerializer(externalSchemas, options);
    return (route) => {
      let compiled: ((data: unknown) => string) | undefined;
      return (data) => {
        compiled ??= compile(route);
        return compiled(data);
      };
    };
  };
  return { buildValidator: lazyValidators, buildSerializer: lazySerializers } as CompilersFactory;
}
