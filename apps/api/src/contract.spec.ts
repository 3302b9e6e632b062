import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { TestApp } from '@resocc/core/testing';
import {
  type GraphQLNamedType,
  type GraphQLSchema,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { createPlatformTestApp } from './testing/app';

// The public API's core (shared/design/api-contract.graphql, copied here so the test runs
// from any clone). Its names and meanings are fixed: the generated schema may add, never
// rename or drop.
const CONTRACT_FILE = join(__dirname, '..', 'contract', 'api-contract.graphql');
const SHARED_CONTRACT = join(__dirname, '..', '..', '..', '..', 'shared', 'design', 'api-contract.graphql');

function differences(contract: GraphQLSchema, actual: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const expected of Object.values(contract.getTypeMap())) {
    if (expected.name.startsWith('__')) continue;
    const found: GraphQLNamedType | undefined = actual.getType(expected.name);
    if (!found) {
      problems.push(`missing type ${expected.name}`);
      continue;
    }
    if (found.constructor !== expected.constructor)
      problems.push(`${expected.name} is not a ${expected.constructor.name}`);
    if (
      (isObjectType(expected) || isInterfaceType(expected)) &&
      (isObjectType(found) || isInterfaceType(found))
    ) {
      const fields = found.getFields();
      for (const field of Object.values(expected.getFields())) {
        const actualField = fields[field.name];
        if (!actualField) {
          problems.push(`missing field ${expected.name}.${field.name}`);
          continue;
        }
        if (String(actualField.type) !== String(field.type)) {
          problems.push(
            `${expected.name}.${field.name} is ${String(actualField.type)}, contract says ${String(field.type)}`,
          );
        }
        for (const arg of field.args) {
          const actualArg = actualField.args.find((a) => a.name === arg.name);
          if (!actualArg) problems.push(`missing argument ${expected.name}.${field.name}(${arg.name})`);
          else if (String(actualArg.type) !== String(arg.type)) {
            problems.push(
              `${expected.name}.${field.name}(${arg.name}) is ${String(actualArg.type)}, contract says ${String(arg.type)}`,
            );
          }
        }
        for (const arg of actualField.args) {
          if (!field.args.some((a) => a.name === arg.name) && String(arg.type).endsWith('!')) {
            problems.push(
              `new required argument ${expected.name}.${field.name}(${arg.name}) would break clients`,
            );
          }
        }
      }
      const interfaces = found.getInterfaces().map((i) => i.name);
      for (const iface of expected.getInterfaces()) {
        if (!interfaces.includes(iface.name))
          problems.push(`${expected.name} does not implement ${iface.name}`);
      }
    }
    if (isInputObjectType(expected) && isInputObjectType(found)) {
      const fields = found.getFields();
      for (const field of Object.values(expected.getFields())) {
        if (!fields[field.name]) problems.push(`missing input field ${expected.name}.${field.name}`);
        else if (String(fields[field.name].type) !== String(field.type)) {
          problems.push(
            `${expected.name}.${field.name} is ${String(fields[field.name].type)}, contract says ${String(field.type)}`,
          );
        }
      }
      for (const field of Object.values(fields)) {
        if (!expected.getFields()[field.name] && String(field.type).endsWith('!')) {
          problems.push(`new required input field ${expected.name}.${field.name} would break clients`);
        }
      }
    }
    if (isEnumType(expected) && isEnumType(found)) {
      const values = found.getValues().map((v) => v.name);
      for (const value of expected.getValues())
        if (!values.includes(value.name)) problems.push(`missing enum value ${expected.name}.${value.name}`);
    }
    if (isUnionType(expected) && isUnionType(found)) {
      const members = found.getTypes().map((t) => t.name);
      for (const member of expected.getTypes())
        if (!members.includes(member.name)) problems.push(`${expected.name} lacks ${member.name}`);
    }
    if (isScalarType(expected) && !isScalarType(found)) problems.push(`${expected.name} is not a scalar`);
  }
  return problems;
}

describe('the public API contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
  });
  afterAll(() => t.close());

  it('is fully present in the generated schema, with the same names, types and arguments', () => {
    const text = readFileSync(CONTRACT_FILE, 'utf8');
    // The copy must be the shared contract itself wherever shared/ sits beside the clone.
    const shared = existsSync(SHARED_CONTRACT) ? readFileSync(SHARED_CONTRACT, 'utf8') : text;
    expect(text).toBe(shared);
    const contract = buildSchema(text);
    expect(differences(contract, t.app.get(GraphQLSchemaHost).schema)).toEqual([]);
  });
});
