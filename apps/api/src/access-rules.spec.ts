import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_RULE, type AccessRule } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { createPlatformTestApp } from './testing/app';

type OperationType = 'Query' | 'Mutation';

/** Every Query and Mutation resolver method in the application, with its declared access rule. */
function declaredRules(t: TestApp): Map<string, AccessRule | undefined> {
  const rules = new Map<string, AccessRule | undefined>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of Object.getOwnPropertyNames(prototype)) {
        const method: unknown = Object.getOwnPropertyDescriptor(prototype, methodName)?.value;
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata('graphql:resolver_type', method) as OperationType | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name =
          (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? methodName;
        const rule =
          (Reflect.getMetadata(ACCESS_RULE, method) as AccessRule | undefined) ??
          (Reflect.getMetadata(ACCESS_RULE, instance.constructor) as AccessRule | undefined);
        rules.set(`${type}.${name}`, rule);
      }
    }
  }
  return rules;
}

describe('access rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
  });
  afterAll(() => t.close());

  it('are declared on every Query and Mutation field of the generated schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const rules = declaredRules(t);
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];
    expect(fields.length).toBeGreaterThan(10);
    const missing = fields.filter((field) => rules.get(field) === undefined);
    expect(missing).toEqual([]);
  });
});
