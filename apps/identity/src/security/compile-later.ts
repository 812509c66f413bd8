/**
 * A TypeBox validator (`typebox/compile`) made at its first check rather than when its module
 * loads: the compiler and its ≈ 300 modules (≈ 75 ms and 2 MiB of heap: bench/README.md,
 * "Start-up") stay out of a fresh server until a device or a passkey sends something to check.
 * Loaded synchronously (`require` of an ES module, Node ≥ 22.12), so a check stays a plain call.
 */
import { createRequire } from 'node:module';
import type { FastifySchemaCompiler } from 'fastify';
import type { Static, TSchema } from 'typebox';

const require = createRequire(import.meta.url);

export interface LaterCheck<T extends TSchema> {
  Check(value: unknown): value is Static<T>;
}

export function compileLater<T extends TSchema>(schema: T): LaterCheck<T> {
  let compiled: { Check(value: unknown): boolean } | undefined;
  return {
    Check(value: unknown): value is Static<T> {
      compiled ??= (require('typebox/compile') as typeof import('typebox/compile')).Compile(schema);
      return compiled.Check(value);
    },
  };
}

/**
 * The type provider's validator compiler (TypeBox's own checks, refinements included, which
 * ajv would not run) for a scope's routes, each compiled at its route's first request.
 */
export const typeBoxValidatorLater: FastifySchemaCompiler<TSchema> = (route) => {
  let compiled: ReturnType<FastifySchemaCompiler<TSchema>> | undefined;
  return (data) => {
    compiled ??= (
      require('@fastify/type-provider-typebox') as typeof import('@fastify/type-provider-typebox')
    ).TypeBoxValidatorCompiler(route);
    return compiled(data);
  };
};
