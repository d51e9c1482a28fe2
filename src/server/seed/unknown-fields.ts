import { z } from 'zod';

/**
 * The paths of the fields in `value` that `schema` does not declare, at any depth. zod drops such fields
 * without a word, so a misspelt optional field (`"fees"` for `"fee"`) would vanish from the seeded data.
 * Pure: the schema and the value in, the paths out.
 */
export function unknownFields(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return unknownFields(schema.unwrap() as z.ZodType, value, path);
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((v, i) => unknownFields(schema.element as z.ZodType, v, [...path, i]));
  }
  if (schema instanceof z.ZodUnion) {
    const option = (schema.options as z.ZodType[]).find((o) => o.safeParse(value).success);
    return option ? unknownFields(option, value, path) : [];
  }
  if (schema instanceof z.ZodObject && isPlainObject(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.entries(value).flatMap(([key, v]) =>
      Object.hasOwn(shape, key) ? unknownFields(shape[key], v, [...path, key]) : [[...path, key]],
    );
  }
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
