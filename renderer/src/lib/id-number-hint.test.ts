import { describe, expect, it } from 'vitest';
import { describeIdNumber } from './id-number-hint';

const TODAY = '2024-06-01';

describe('describeIdNumber', () => {
  it('is quiet when empty and counts digits while typing', () => {
    expect(describeIdNumber('', TODAY)).toEqual({ status: 'empty' });
    expect(describeIdNumber('120110', TODAY)).toEqual({ status: 'typing', text: '已输入 6 位，共 18 位' });
  });
  it('derives birth date, sex and age from a valid number', () => {
    const hint = describeIdNumber('11010519491231002x', TODAY);
    expect(hint.status).toBe('ok');
    if (hint.status !== 'ok') return;
    expect(hint.birthDate).toBe('1949-12-31');
    expect(hint.sex).toBe('female');
    expect(hint.age).toBe(74);
    expect(hint.text).toBe('出生日期 1949-12-31，女，74 岁');
  });
  it('gives the check-digit message with the expected character', () => {
    expect(describeIdNumber('110105194912310021', TODAY)).toEqual({
      status: 'error',
      text: '身份证号码校验位错误：最后一位应为 X，请核对号码',
    });
  });
  it('reports bad characters and impossible birth dates', () => {
    expect(describeIdNumber('12011A', TODAY).status).toBe('error');
    expect(describeIdNumber('120110202502300011', TODAY)).toMatchObject({ status: 'error' });
  });
});
