import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileOriginals } from '../../lib/lexicon/learn/compile-originals.ts';
import { russianForms } from '../../lib/lexicon/learn/russian-forms.ts';
import { LexiconError, type CompiledLexicon, type Original } from '../../lib/lexicon/schema.ts';
import { createFinder } from '../../lib/match/create-finder.ts';
import { readWhy, whyLine, whyOf } from '../../lib/match/explain.ts';
import { createOriginalsFinder, foldOriginal, insideLongerWord, mayHoldOriginals } from '../../lib/match/originals.ts';
import { isOriginalsLanguage, originalsTrigger, withOriginals } from '../../lib/match/with-originals.ts';
import { readCompiledOriginals } from '../precision/measure.ts';

const lexicon = JSON.parse(readFileSync(fileURLToPath(new URL('../../lexicon/generated/compiled.json', import.meta.url)), 'utf8')) as CompiledLexicon;
const compiled = readCompiledOriginals();
const originals = createOriginalsFinder(compiled);
const finder = withOriginals(createFinder(lexicon), originals);
/** `[matched text, family id]` of every find in a text. */
const finds = (text: string) => finder.find(text).found.map((f) => [text.slice(f.start, f.end), lexicon.terms[f.term]!.id]);

describe('Russian forms from the declension model', () => {
  // Expected forms written by hand from Russian grammar, each one a form real texts use.
  it.each([
    ['специальная военная операция', ['специальной военной операции', 'специальную военную операцию', 'специальной военной операцией', 'специальных военных операций']],
    ['коллективный Запад', ['коллективного Запада', 'коллективному Западу', 'коллективным Западом', 'коллективном Западе']],
    ['многополярный миропорядок', ['многополярного миропорядка', 'многополярному миропорядку', 'многополярном миропорядке']],
    ['Русский мир', ['Русского мира', 'Русскому миру', 'Русским миром', 'Русском мире']],
    ['государство-цивилизация', ['государства-цивилизации', 'государством-цивилизацией', 'государств-цивилизаций']],
    ['традиционные российские духовно-нравственные ценности', ['традиционных российских духовно-нравственных ценностей', 'традиционным российским духовно-нравственным ценностям']],
    ['суверенитет и территориальная целостность', ['суверенитета и территориальной целостности', 'суверенитетом и территориальной целостностью']],
    ['равная и неделимая безопасность', ['равной и неделимой безопасности', 'равную и неделимую безопасность']],
    ['вмешательство во внутренние дела', ['вмешательства во внутренние дела', 'вмешательством во внутренние дела']],
    ['бандеровцы и неонацисты', ['бандеровцев и неонацистов', 'бандеровцами и неонацистами']],
    ['сферы влияния', ['сферу влияния', 'сфер влияния', 'сферах влияния']],
    ['однополярный мир', ['однополярного мира', 'однополярном мире']],
    ['самопровозглашенный', ['самопровозглашённой', 'самопровозглашённых', 'самопровозглашённого']],
    ['бряцать оружием', ['бряцают оружием', 'бряцал оружием', 'бряцая оружием']],
  ])('%s', (phrase, expected) => {
    const forms = russianForms(phrase);
    for (const form of expected) expect(forms).toContain(form);
    expect(forms[0]).toBe(phrase);
  });

  it('an agreeing adjective never takes another case or gender than its noun', () => {
    const forms = russianForms('специальная военная операция');
    expect(forms).not.toContain('специальный военная операция');
    expect(forms).not.toContain('специальной военную операцию');
    // Six cases in two numbers give 9 distinct forms: the singular genitive, dative and
    // prepositional are alike (специальной военной операции), and the plural nominative and accusative.
    expect(new Set(forms).size).toBe(9);
  });

  it('the accusative follows the noun\'s animacy', () => {
    expect(russianForms('киевский режим')).toContain('киевский режим'); // inanimate: accusative = nominative
    expect(russianForms('бандеровцы и неонацисты')).toContain('бандеровцев и неонацистов'); // animate: = genitive
  });

  it('a phrase that opens with a preposition or a genitive stays as written', () => {
    expect(russianForms('за счёт безопасности других')).toEqual(['за счёт безопасности других']);
    expect(russianForms('двойного назначения')).toEqual(['двойного назначения']);
  });

  it('`declines` names the words that decline when the default reading is wrong', () => {
    expect(russianForms('так называемый')).toEqual(['так называемый']);
    const forms = russianForms('так называемый', ['называемый']);
    for (const form of ['так называемая', 'так называемого', 'так называемую', 'так называемыми']) expect(forms).toContain(form);
    expect(russianForms('многополярный мир', [])).toEqual(['многополярный мир']);
  });

  it('a word in `declines` the dictionary does not know fails the build, naming it', () => {
    expect(() => russianForms('фывапролджэ мир', ['фывапролджэ'])).toThrow(/"фывапролджэ" in "фывапролджэ мир"/);
  });
});

describe('compiling the originals', () => {
  const original = (o: Partial<Original> & Pick<Original, 'lang' | 'form'>): Original => ({ romanised: 'x', source: { by: 'b', title: 't', date: '2020' }, ...o });

  it('two families that claim one form fail the build naming the file, the term and the field', () => {
    const map = new Map([
      ['a', [original({ lang: 'ru', form: 'киевский режим' })]],
      ['b', [original({ lang: 'ru', form: 'киевского режима', declines: [] })]],
    ]);
    expect(() => compileOriginals(['a', 'b'], map, { zh: { cues: [], topics: {} }, ru: { cues: [], topics: {} } })).toThrow(LexiconError);
    expect(() => compileOriginals(['a', 'b'], map, { zh: { cues: [], topics: {} }, ru: { cues: [], topics: {} } })).toThrow('lexicon/originals.yaml: term "b": field "ru.0.form": "киевского режима" is a form of term "a" too');
  });

  it('a form marked `match: false` is shown but not matched', () => {
    const map = new Map([['a', [original({ lang: 'zh', form: '霸权', match: false })]]]);
    expect(compileOriginals(['a'], map, { zh: { cues: ['美方'], topics: {} }, ru: { cues: ['США'], topics: {} } }).keys).toEqual([]);
  });

  it('Chinese forms are matched in both scripts, Taiwan\'s and Hong Kong\'s characters included', () => {
    const map = new Map([['a', [original({ lang: 'zh', form: '以规则为基础的国际秩序', traditional: '以規則為基礎的國際秩序' })]]]);
    const keys = compileOriginals(['a'], map, { zh: { cues: [], topics: {} }, ru: { cues: [], topics: {} } }).keys.map(([k]) => k);
    expect(keys).toContain('以规则为基础的国际秩序');
    expect(keys).toContain('以規則為基礎的國際秩序');
  });

  it('the shipped originals: at least 60 families with a Chinese form and 40 with a Russian one', () => {
    const families = (lang: 'zh' | 'ru') => new Set(compiled.originals.filter((o) => o.lang === lang).map((o) => o.term)).size;
    expect(families('zh')).toBeGreaterThanOrEqual(60);
    expect(families('ru')).toBeGreaterThanOrEqual(40);
  });
});

describe('matching Chinese on characters', () => {
  it('finds forms with no spaces around them, in simplified and traditional characters', () => {
    expect(finds('美方应摒弃冷战思维和零和博弈。')).toEqual([['冷战思维', 'cold-war-mentality'], ['零和博弈', 'zero-sum']]);
    expect(finds('美方應摒棄冷戰思維，停止搞霸權主義。')).toEqual([['冷戰思維', 'cold-war-mentality'], ['霸權主義', 'hegemony']]);
  });

  it('quotation marks inside a form may be any or none', () => {
    expect(finds('向“台独”分裂势力发出错误信号')).toEqual([['“台独”分裂势力', 'separatists']]);
    expect(finds('向台独分裂势力发出错误信号')).toEqual([['台独分裂势力', 'separatists']]);
    expect(finds('向「臺獨」分裂勢力發出錯誤信號')).toEqual([['「臺獨」分裂勢力', 'separatists']]);
  });

  it.each([
    ['这部动画电影连续三周称霸权威票房榜单。', '称霸 | 权威'],
    ['主演在舞台独白中一口气念完了四百多字的台词。', '舞台 | 独白'],
    ['该户型南向阳台独立设置，采光充足。', '阳台 | 独立'],
    ['据本台独家获悉，这部电视剧将于明年首播。', '本台 | 独家'],
  ])('not inside a longer word: %s (%s)', (sentence) => {
    expect(finds(sentence)).toEqual([]);
  });

  it('a particle after a form does not make it another word', () => {
    expect(insideLongerWord('美方所谓的“民主峰会”', 2, 4)).toBe(false);
  });

  it('a contextual form needs a cue of international affairs in its sentence or beside it', () => {
    expect(finds('公司明确规定，泄露客户数据是不可触碰的红线。')).toEqual([]);
    expect(finds('美方不要踩红线，不要玩火。')).toEqual([['红线', 'red-lines']]);
  });

  it('所谓 is framing when a term, a cue, or scare quotes in a sentence about international affairs follow', () => {
    expect(finds('他所谓的“马上到”，通常意味着还要再等半个小时。')).toEqual([]);
    expect(finds('美方所谓的“小院高墙”越划越大。').map(([, id]) => id)).toContain('so-called');
    expect(finds('停止渲染所谓“中国威胁论”。')).toEqual([['所谓', 'so-called'], ['中国威胁论', 'china-threat-theory']]);
  });

  it('a guard word in the sentence marks another sense', () => {
    expect(finds('在美国民事诉讼法中，长臂管辖是指州法院对非本州居民被告行使的管辖权。')).toEqual([]);
    expect(finds('美方滥用长臂管辖，对中国企业实施非法制裁。').map(([, id]) => id)).toContain('long-arm-jurisdiction');
  });
});

describe('matching Russian in every inflected form', () => {
  it('finds declined forms, with ё and е the same letter', () => {
    expect(finds('Цели специальной военной операции будут достигнуты.')).toEqual([['специальной военной операции', 'special-military-operation']]);
    expect(finds('Москва выступает за стратегическое партнёрство с Пекином.')).toEqual([['стратегическое партнёрство', 'strategic-partnership']]);
    expect(finds('Москва выступает за стратегическое партнерство с Пекином.')).toEqual([['стратегическое партнерство', 'strategic-partnership']]);
  });

  it('a word the lexicon capitalises must be capitalised; capitals throughout are fine', () => {
    expect(finds('Противостояние с коллективным Западом затянется.')).toEqual([['коллективным Западом', 'collective-west']]);
    expect(finds('Ветер дул с запада, и коллективным западом это не назовёшь.')).toEqual([]);
    expect(finds('ПРОТИВОСТОЯНИЕ С КОЛЛЕКТИВНЫМ ЗАПАДОМ')).toEqual([['КОЛЛЕКТИВНЫМ ЗАПАДОМ', 'collective-west']]);
  });

  it('whole words only', () => {
    expect(finds('Это неаннексия, а что-то другое.')).toEqual([]);
  });

  it('«так называемый» with quotation marks after it is framing; without them, only with a cue', () => {
    expect(finds('Так называемый дачный сезон у нас начинается с майских праздников.')).toEqual([]);
    expect(finds('Это так называемый эффект плацебо.')).toEqual([]);
    expect(finds('Лидеры так называемого «свободного мира» не терпят инакомыслия.')).toEqual([['так называемого', 'so-called']]);
  });
});

describe('explaining an original', () => {
  it('the card\'s line names the form, its language and its romanisation', () => {
    const text = 'Мы противостоим коллективному Западу.';
    const f = finder.find(text).found[0]!;
    expect(whyLine(readWhy(whyOf(f, text), [], ''))).toBe('Matches “коллективный Запад”, the Russian original (kollektivnyy Zapad), framing wherever it appears.');
  });

  it('foldOriginal folds as the page does', () => {
    expect(foldOriginal('Стратегическое  ПАРТНЁРСТВО', 'ru')).toBe('стратегическое партнерство');
    expect(foldOriginal('“台独”势力', 'zh')).toBe('台独势力');
  });
});

describe('with the English lexicon', () => {
  it('an English phrase in a Chinese or Russian text stays the English family\'s, and counts as a cue', () => {
    const text = '美方所谓 "Cold War mentality" 的说法。';
    const found = finds(text);
    expect(found.map(([, id]) => id)).toContain('cold-war-mentality');
  });

  it('a text with neither script costs the originals nothing but a test', () => {
    expect(originals.find('A multipolar world is emerging.')).toEqual([]);
  });
});

describe('counting words on a Chinese page', () => {
  it('each Chinese character counts as a word, the rest as the lexicon counts it', () => {
    expect(finder.countWords('美方应摒弃冷战思维。')).toBe(9);
    expect(finder.countWords('美方 said 冷战思维 twice')).toBe(8);
    expect(finder.countWords('Коллективный Запад и многополярный мир')).toBe(createFinder(lexicon).countWords('Коллективный Запад и многополярный мир'));
  });
});

describe('which pages get the originals', () => {
  it('Russian and Chinese text may hold them; Japanese and Korean, which write Han characters too, do not', () => {
    expect(mayHoldOriginals('美方应摒弃冷战思维。')).toBe(true);
    expect(mayHoldOriginals('Коллективный Запад')).toBe(true);
    expect(mayHoldOriginals('政府は新時代の外交方針を発表した。')).toBe(false);
    expect(mayHoldOriginals('정부는 새로운 시대의 外交 방침을 발표했다.')).toBe(false);
    expect(mayHoldOriginals('A multipolar world, said the minister.')).toBe(false);
  });

  it('a Japanese sentence with the characters of a Chinese form is not read as Chinese', () => {
    // 新時代 is the traditional form of 新时代; 台湾問題 holds 台湾.
    expect(finds('米国の国務長官は、新時代の台湾問題について記者会見で語った。')).toEqual([]);
  });

  it('a page that declares Chinese or Russian gets them before its first scan', () => {
    expect(['zh-CN', 'zh-Hant-TW', 'ru', 'RU-ru'].map(isOriginalsLanguage)).toEqual([true, true, true, true]);
    expect(['en', 'ja', 'ko', '', 'zu'].map(isOriginalsLanguage)).toEqual([false, false, false, false, false]);
  });
});

describe('what makes a page ask for the originals', () => {
  it('on a page that declares Japanese or Korean, only Cyrillic; elsewhere Chinese or Cyrillic', () => {
    // A kanji-only heading of a Japanese page ("会社概要") has no kana to tell it from Chinese.
    expect(originalsTrigger('ja')('会社概要')).toBe(false);
    expect(originalsTrigger('ko-KR')('外交')).toBe(false);
    expect(originalsTrigger('ja')('Москва')).toBe(true);
    expect(originalsTrigger('en')('会社概要')).toBe(true);
    expect(originalsTrigger('')('冷战思维')).toBe(true);
  });
});
