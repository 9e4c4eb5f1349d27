/** Every hand-written demo item, department by department. */
import type { DemoItem } from '../types.ts';
import { LYJ_ITEMS, NYJ_ITEMS, STHJJ_ITEMS, SWJ_ITEMS, WGLTJ_ITEMS } from './culture-agri-env.ts';
import { GAJ_HOUSEHOLD_ITEMS } from './gaj-household.ts';
import { GAJ_SERVICE_ITEMS } from './gaj-services.ts';
import { JTJ_ITEMS, WJJ_ITEMS } from './health-transport.ts';
import { MZJ_COUNTY_COPIES, MZJ_ITEMS } from './mzj.ts';
import {
  BGS_ITEMS,
  CGJ_ITEMS,
  CZJ_ITEMS,
  FGJ_ITEMS,
  GXJ_ITEMS,
  KJJ_ITEMS,
  MZZJJ_ITEMS,
  SFJ_ITEMS,
  SWUJ_ITEMS,
  TJJ_ITEMS,
  TYJRJ_ITEMS,
  XFJ_ITEMS,
  YJJ_ITEMS,
  ZSJ_ITEMS,
} from './others.ts';
import { RSJ_ITEMS } from './rsj.ts';
import { SCJGJ_ITEMS } from './scjgj.ts';
import { JYJ_ITEMS, TAX_ITEMS } from './tax-education.ts';
import { GJJ_ITEMS, YBJ_ITEMS } from './ybj-gjj.ts';
import { ZJJ_ITEMS } from './zjj.ts';
import { ZRZYJ_ITEMS } from './zrzyj.ts';

/** The items of the demo city (one implementation each). */
export const DEMO_ITEMS: DemoItem[] = [
  ...GAJ_HOUSEHOLD_ITEMS,
  ...GAJ_SERVICE_ITEMS,
  ...MZJ_ITEMS,
  ...RSJ_ITEMS,
  ...YBJ_ITEMS,
  ...GJJ_ITEMS,
  ...ZRZYJ_ITEMS,
  ...ZJJ_ITEMS,
  ...SCJGJ_ITEMS,
  ...TAX_ITEMS,
  ...JYJ_ITEMS,
  ...WJJ_ITEMS,
  ...JTJ_ITEMS,
  ...WGLTJ_ITEMS,
  ...NYJ_ITEMS,
  ...LYJ_ITEMS,
  ...SWJ_ITEMS,
  ...STHJJ_ITEMS,
  ...YJJ_ITEMS,
  ...TYJRJ_ITEMS,
  ...FGJ_ITEMS,
  ...GXJ_ITEMS,
  ...KJJ_ITEMS,
  ...SFJ_ITEMS,
  ...CZJ_ITEMS,
  ...MZZJJ_ITEMS,
  ...TJJ_ITEMS,
  ...CGJ_ITEMS,
  ...SWUJ_ITEMS,
  ...XFJ_ITEMS,
  ...ZSJ_ITEMS,
  ...BGS_ITEMS,
];

/** The same basic items implemented by other counties (for the 十统一 consistency report). */
export const DEMO_COUNTY_COPIES: DemoItem[] = [...MZJ_COUNTY_COPIES];

const byKey = new Map<string, DemoItem>();
for (const item of [...DEMO_ITEMS, ...DEMO_COUNTY_COPIES]) {
  if (byKey.has(item.key)) throw new Error(`duplicate demo item key ${item.key}`);
  byKey.set(item.key, item);
}

export function itemByKey(key: string): DemoItem {
  const item = byKey.get(key);
  if (!item) throw new Error(`unknown demo item ${key}`);
  return item;
}

export const hasItem = (key: string) => byKey.has(key);
