import { describe, expect, it } from 'vitest';
import { nullInNullableEnums } from './openapi.js';

describe('nullInNullableEnums', () => {
  it('adds null to the values of a nullable enum, at any depth, once', () => {
    const schema = {
      type: 'object',
      properties: {
        outcome: { type: 'string', enum: ['information', 'booking'], nullable: true },
        items: { type: 'array', items: { type: 'string', enum: ['a'], nullable: true } },
        already: { enum: ['x', null], nullable: true },
        plain: { type: 'string', enum: ['y'] },
      },
    };
    nullInNullableEnums(schema);
    expect(schema.properties.outcome.enum).toEqual(['information', 'booking', null]);
    expect(schema.properties.items.items.enum).toEqual(['a', null]);
    expect(schema.properties.already.enum).toEqual(['x', null]);
    expect(schema.properties.plain.enum).toEqual(['y']);
  });
});
