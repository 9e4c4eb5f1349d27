import { textWords } from '../catalog/index.ts';

/**
 * Words that say nothing of what a 12345 call is about (on top of the catalogue's stop-words):
 * how callers speak, not what they speak of.
 */
const CALL_STOPWORDS = new Set([
  '附近',
  '问题',
  '希望',
  '反映',
  '情况',
  '多次',
  '处理',
  '严重',
  '影响',
  '一直',
  '没有',
  '已经',
  '现在',
  '每天',
  '经常',
  '很多',
  '相关部门',
  '部门',
  '有关',
  '尽快',
  '解决',
  '要求',
  '来电',
  '市民',
  '居民',
  '请求',
  '咨询',
  '投诉',
  '举报',
  '建议',
  '表扬',
  '长期',
  '无人',
  '没人',
  '不',
  '很',
  '大',
  '小',
  '多',
  '次',
  '天',
  '年',
  '月',
  '日',
  '点',
  '号',
  '后',
  '再',
  '又',
  '才',
  '但',
  '而',
  '且',
  '等等',
  '晚上',
  '早上',
]);

/** A ticket's text for counting words: the place it names is left out (a burst in one town would crown the town's name). */
export interface WordSource {
  title: string;
  content: string;
  address: string | null;
}

/**
 * The most frequent words of the tickets' texts (jieba through the catalogue's tokeniser), each
 * counted once per ticket so one long complaint does not outweigh many short ones.
 */
export function topWords(sources: WordSource[], n = 20): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const s of sources) {
    let text = `${s.title} ${s.content}`;
    if (s.address) text = text.replaceAll(s.address, ' ');
    const seen = new Set(textWords(text).filter((w) => w.length >= 2 && !CALL_STOPWORDS.has(w) && !/^\d+$/.test(w)));
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([word, count]) => ({ word, count }));
}
