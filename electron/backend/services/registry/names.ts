/** Pinyin forms of a name for search: full spelling and initials, lower case, no spaces or tones. */
import { pinyin } from 'pinyin-pro';

function clean(parts: string[]): string {
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function namePinyin(name: string): string {
  return clean(pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }));
}

export function nameInitials(name: string): string {
  return clean(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }));
}
