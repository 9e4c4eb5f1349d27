import { add_word, cut, cut_for_search } from 'jieba-wasm';
import { pinyin } from 'pinyin-pro';

/**
 * Text analysis for catalogue search, in TypeScript so PGlite and PostgreSQL behave the same:
 * Chinese word segmentation with jieba (jieba-wasm: jieba-rs compiled to WebAssembly with its
 * bundled dictionary — one package for every platform, so the lock file installs anywhere),
 * pinyin and initials with pinyin-pro, and normalisation.
 */
/** Words of the government-service vocabulary jieba's general dictionary splits or misses. */
const DOMAIN_WORDS = [
  '一件事', '一窗受理', '跨省通办', '全程网办', '不动产', '不动产登记', '营业执照', '居住证', '出生医学证明', '社保卡', '医保',
  '公积金', '住房公积金', '个体工商户', '食品经营', '食品经营许可', '餐饮', '二手房', '水电气', '过户', '网约车', '驾驶证',
  '行驶证', '港澳通行证', '台湾通行证', '护照', '新生儿', '灵活就业', '失业保险金', '养老保险', '生育津贴', '生育保险',
  '低保', '最低生活保障', '特困', '残疾人证', '老年人优待证', '高龄津贴', '准生证', '生育登记', '结婚登记', '离婚登记',
  '户口迁移', '户口迁入', '户籍', '落户', '入学', '义务教育', '教师资格', '施工许可', '建设工程规划许可', '竣工验收', '排污许可',
  '环评', '药品经营', '医疗器械', '卫生许可', '公共场所卫生许可', '道路运输', '烟草专卖', '酒类', '企业注销', '简易注销', '开办企业',
  '电子证照', '秒批', '容缺', '告知承诺', '退役军人', '优抚', '殡葬', '火化', '丧葬补助', '抚恤金', '医师执业', '护士执业',
  '网吧', '网咖', '电竞', '上网服务', '过期', '盖房', '建房', '社保卡',
];

// The dictionary is process-wide in jieba-wasm; a high frequency makes a domain word win over its parts.
const DOMAIN_FREQ = 100000;

export function addDomainWords(words: Iterable<string>) {
  ready();
  for (const w of words) if (w.length >= 2) add_word(w, DOMAIN_FREQ, 'n');
}
let domainLoaded = false;
function ready() {
  if (domainLoaded) return;
  domainLoaded = true;
  for (const w of DOMAIN_WORDS) add_word(w, DOMAIN_FREQ, 'n');
}

/** Function words and question words that carry no meaning for finding an item. */
export const STOPWORDS = new Set([
  '的', '了', '要', '我', '你', '他', '她', '想', '怎么', '怎样', '如何', '什么', '哪里', '哪儿', '在哪', '在哪里', '哪个', '吗', '呢', '啊', '吧',
  '需要', '要求', '办', '办理', '怎么办', '可以', '能', '能否', '能不能', '去', '是', '有', '和', '与', '及', '或', '一下', '请问', '你好', '帮',
  '给', '个', '些', '那', '这', '把', '被', '我的', '我家', '家里', '应该', '得', '该', '时候', '如果', '还', '也', '都', '就', '在', '到', '从',
  '对', '为', '后', '前', '里', '上', '下', '之', '等', '相关', '手续', '流程', '材料', '哪些', '多少', '几天', '多久', '吗?', '么', '啥', '咋',
  '咋办', '怎么弄', '弄', '搞', '一个', '了吗', '呀', '嘛', '们', '自己', '准备', '带', '什么样', '东西', '请', '问', '关于', '申请', '服务',
  '两个', '两个人', '都', '去哪', '去哪儿', '哪办', '哪儿办', '哪里办', '要批', '批什么',
  '?', '？', '，', ',', '。', '.', '!', '！', '、', ' ', '（', '）', '(', ')', '“', '”', '《', '》', ':', '：', ';', '；',
]);

/** NFKC (full-width → half-width), lower case, whitespace collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const CJK = /[\u3400-\u9fff]/;
export const hasCjk = (s: string) => CJK.test(s);
const MEANINGFUL = /[\u3400-\u9fffa-z0-9]/;

/** Words of a text as jieba cuts it (precise mode, HMM on), stopwords removed. */
export function words(text: string): string[] {
  ready();
  return cut(normalize(text), true)
    .map((w) => w.trim())
    .filter((w) => w && MEANINGFUL.test(w) && !STOPWORDS.has(w));
}

/** Search-mode tokens: the words plus the shorter words inside long ones (居民身份证 → 居民, 身份, 身份证). */
export function searchTokens(text: string): string[] {
  ready();
  return cut_for_search(normalize(text), true)
    .map((w) => w.trim())
    .filter((w) => w && MEANINGFUL.test(w) && !STOPWORDS.has(w));
}

/** Overlapping character pairs of the CJK runs of a text (robust to segmentation differences). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalize(text).match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

const pinyinCache = new Map<string, { full: string; initials: string }>();
/** Toneless pinyin of a word, joined (身份证 → shenfenzheng) and its initials (sfz). */
export function pinyinOf(word: string): { full: string; initials: string } {
  let hit = pinyinCache.get(word);
  if (!hit) {
    if (!hasCjk(word)) hit = { full: word, initials: word };
    else {
      const syllables = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
      hit = {
        full: syllables.join('').replace(/[^a-z0-9]/g, ''),
        initials: syllables.map((s) => s[0] ?? '').join('').replace(/[^a-z0-9]/g, ''),
      };
    }
    if (pinyinCache.size < 200_000) pinyinCache.set(word, hit);
  }
  return hit;
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const ca = [...a];
  const cb = [...b];
  let prev = Array.from({ length: cb.length + 1 }, (_, i) => i);
  for (let i = 1; i <= ca.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= cb.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca[i - 1] === cb[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[cb.length]!;
}

/** Every string obtained by deleting one character (SymSpell-style neighbourhood for typo lookup). */
export function deletions(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...out];
}
