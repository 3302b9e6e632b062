// The cost model's bounds (libs/core/src/graphql/cost-table.ts) name fields of the API as
// they are: a renamed or retyped field cannot silently fall back to the defaults.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GraphQLString,
  buildSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { FIELD_BOUNDS } from '@resocc/core';

describe('the bounds of the cost model', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8'));

  it.each(Object.entries(FIELD_BOUNDS))('%s is a field of that kind', (key, bound) => {
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`${typeName} is not an object type`);
    const field = type.getFields()[fieldName];
    expect(field).toBeDefined();
    const kind = {
      list: isListType(getNullableType(field.type)),
      text: getNamedType(field.type) === GraphQLString,
    };
    expect(kind).toMatchObject({
      ...(bound.list !== undefined ? { list: true } : {}),
      ...(bound.text !== undefined ? { text: true } : {}),
    });
    expect(bound.list !== undefined || bound.text !== undefined).toBe(true);
  });
});
