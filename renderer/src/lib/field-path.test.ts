import { describe, expect, it } from 'vitest';
import { fieldPathFromApi } from './field-path';

describe('fieldPathFromApi', () => {
  it('splits and turns indices into numbers', () => {
    expect(fieldPathFromApi('members.1.idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(fieldPathFromApi('household.address')).toEqual(['household', 'address']);
  });
  it('drops known prefixes', () => {
    expect(fieldPathFromApi('patch.address', { dropPrefixes: ['patch'] })).toEqual(['address']);
    expect(fieldPathFromApi('person.idNumber', { dropPrefixes: ['patch', 'person'] })).toEqual(['idNumber']);
    expect(fieldPathFromApi('patch', { dropPrefixes: ['patch'] })).toBeNull();
  });
  it('renames money fields to their yuan inputs', () => {
    expect(fieldPathFromApi('members.0.incomes.2.monthlyFen')).toEqual(['members', 0, 'incomes', 2, 'monthlyYuan']);
  });
  it('returns null without a field', () => {
    expect(fieldPathFromApi(undefined)).toBeNull();
    expect(fieldPathFromApi('')).toBeNull();
  });
});
