/**
 * Stage 1c of the search pipeline: bring spoken and local Japanese to the standard written form
 * the dictionary knows. Shinshu dialect (〜ずら, 〜だに, 〜だかい, 〜かや), colloquial contractions
 * (〜てんの, 〜っつう, 〜じゃん) and the fillers of voice input (えーと, あのー) otherwise reach
 * kuromoji as unknown words or glue onto the kana run before them. Each rule is one pattern with
 * its standard form; they apply in order, once, to a normalised question.
 */

export interface ColloquialRule {
  /** What the rule reads, for tests and for staff reading ask --explain. */
  readonly name: string;
  readonly pattern: RegExp;
  readonly replacement: string | ((match: string) => string);
}

/** The vowel e spoken for ai (小さい → 小せえ): the kana of each row with a, for adjectives' ends. */
const A_ROW: Readonly<Record<string, string>> = { せ: 'さ', け: 'か', め: 'ま', れ: 'ら', て: 'た' };

/** Where a sentence-final form may stand: before punctuation, a space, a final particle or the end. */
const END = String.raw`(?=[ね|よ|な|さ|わ]?(?:[？?。．！!、,\s]|$))`;

// A rule that looks behind a kana names the kana first (ん(?<=[…]ん)): the regex engine then jumps
// to that kana, where a leading look-behind is tried at every character of a long letter.
export const colloquialRules: readonly ColloquialRule[] = [
  // Fillers: hesitations of speech, with their stretched vowels and a comma after.
  {
    name: 'filler',
    pattern:
      /(?:^|(?<=[\s、。？?！!]))(?:え[ー〜~]*っ?と[ー〜~]*|ええと|あの[ー〜~]+|その[ー〜~]+|う[ー〜~]+ん|ん[ー〜~]*と|ま[ー〜~]*あ?[ー〜~]+|まぁ|まあ(?=[\s、,])|なんか(?=[\s、]))[、,\s]*/gu,
    replacement: '',
  },
  // The same fillers inside unpunctuated voice input, where they are stretched and cannot be words.
  {
    name: 'filler-inline',
    pattern: /(?:え[ー〜~]+っ?と[ー〜~]*|えっと|あの[ー〜~]+|その[ー〜~]+|う[ー〜~]+ん)/gu,
    replacement: ' ',
  },
  // Words that open a further question (あと、それから): they link, they ask nothing. ところで stays:
  // it says the question turns away from what was told before it (question-focus.ts).
  {
    name: 'conjunction',
    pattern:
      /(?:^|(?<=[\s、。？?！!]))(?:あと(?=[、,\s\p{Script=Han}\p{Script=Katakana}]|は)|それと|それから|ちなみに)[、,\s]*/gu,
    replacement: '',
  },
  // 信州弁 〜ずら / 〜づら / 〜だら: 〜だろう (not the conditional 〜んだら, 〜いだら: 読んだら, 泳いだら).
  // After 〜てた (入ってたずら) the contraction is spelt out: 〜てただろう is cut て・ただ・ろう.
  {
    name: 'te-ta-zura',
    pattern: new RegExp(String.raw`(?<=[てで])た(?:(?:ず|づ)ら|だら)${END}`, 'gu'),
    replacement: 'いただろう',
  },
  { name: 'zura', pattern: new RegExp(String.raw`(?:ず|づ)ら${END}`, 'gu'), replacement: 'だろう' },
  { name: 'dara', pattern: new RegExp(String.raw`(?<![んい])だら${END}`, 'gu'), replacement: 'だろう' },
  // 〜だかい / 〜だかや: 〜ですか.
  { name: 'dakai', pattern: new RegExp(String.raw`だか[いや]${END}`, 'gu'), replacement: 'ですか' },
  // 〜だに / 〜だで (断定・理由): 〜だよ.
  { name: 'dani', pattern: new RegExp(String.raw`だ[にで]${END}`, 'gu'), replacement: 'だよ' },
  // The conditional spoken short before いい (どこで払やいい, 行きゃいい, すりゃいい): 〜えば, 〜けば, 〜れば.
  {
    name: 'ba-short',
    pattern:
      /(?:や(?<=[払買使言会習洗貰]や)|きゃ(?<=[\p{Script=Han}]きゃ)|りゃ(?<=[\p{Script=Han}す]りゃ))(?=いい|ええ|よい|よか)/gu,
    replacement: (short: string) => ({ や: 'えば', きゃ: 'けば', りゃ: 'れば' })[short] ?? short,
  },
  // 〜だい / 〜だや / 〜だ closing a question after a verb (何しとるだい, どうなっただ, いくら払うだい): 〜の.
  // A verb ending in another kana than る only after its kanji: しゅくだい, きょうだい are words.
  {
    name: 'dai',
    pattern: new RegExp(
      String.raw`(?<=[るたいえだ]|\p{Script=Han}[うくぐすつぬぶむ])(?:だ[いや]${END}|だ(?=[？?。．！!、,\s]|$))`,
      'gu',
    ),
    replacement: 'の',
  },
  // A noun then だい / だや closing a question (どういう中身だい, いつだい): 〜なの.
  {
    name: 'noun-dai',
    pattern: new RegExp(String.raw`だ(?<=[\p{Script=Han}\p{Script=Katakana}ー]だ)[いや]${END}`, 'gu'),
    replacement: 'なの',
  },
  // なんでだい / なんだい / なんだや (なぜ, 何): なんでなの, なんなの. Not before more of the question
  // typed in kana (なんだい とめられますか: 何台).
  {
    name: 'nandai',
    pattern: new RegExp(
      String.raw`(なん(?:で)?)だ[いや](?:(?=[ねよなさわ]?(?:[？?。．！!、,]|\s(?!\p{Script=Hiragana})|$))|(?=\s?(?:それ|これ|あれ)))`,
      'gu',
    ),
    replacement: '$1なの',
  },
  // 〜んだい / 〜んだや closing a question (何やったんだい): 〜んですか; not なんだい (何台, 何だい).
  { name: 'ndai', pattern: new RegExp(String.raw`(?<!な)んだ[いや]${END}`, 'gu'), replacement: 'んですか' },
  // 〜かや (疑問): 〜かな.
  { name: 'kaya', pattern: new RegExp(String.raw`かや${END}`, 'gu'), replacement: 'かな' },
  // 〜っつって (って言って), 何つって: と言って; 〜っつっとる, 〜っつった: と言っとる, と言った.
  { name: 'tsutte', pattern: /っつって|(?<=何|なん)つって/gu, replacement: 'と言って' },
  { name: 'tsutta', pattern: /っつっ(?=と|た)/gu, replacement: 'と言っ' },
  // 〜んとき / 〜んところ after a noun (災害んときに): 〜のとき.
  {
    name: 'n-toki',
    pattern: /ん(?<=[\p{Script=Han}\p{Script=Katakana}ー]ん)(?=とき|時|ところ|とこ)/gu,
    replacement: 'の',
  },
  // こさえた / こさえて (作った, 作って), こさえる (作る).
  { name: 'kosaeta', pattern: /こさえ(?=[たて])/gu, replacement: '作っ' },
  { name: 'kosaeru', pattern: /こさえ(?=る)/gu, replacement: '作' },
  // 銭 on its own (銭かけねえ, 銭がかかる): money, as 信州 and older people say it; not 小銭 or 銭湯.
  { name: 'zeni', pattern: /(?<![\p{Script=Han}])銭(?![\p{Script=Han}])/gu, replacement: 'お金' },
  // みてえ / みてぇ (みたい: 係みてえなの).
  { name: 'mitee', pattern: /みて[えぇー](?=[なにだの、,。？?！!\s]|$)/gu, replacement: 'みたい' },
  // うちみたいな, これみたいに: the dictionary reads うちみ as a verb; のような says the same.
  {
    name: 'mitai-after-kana',
    pattern: /(?<=(?:^|[^\p{Script=Hiragana}])(?:うち|これ|それ|あれ))みたい(?=[なにだで])/gu,
    replacement: 'のよう',
  },
  // 〜てえ after a verb's stem (始めてえ, 知りてえ): 〜たい.
  {
    name: 'tee',
    pattern: /(?<=[いきしちにびみりえけせてねべめれぎじ])て[えぇ](?=っ?つ[うー]|[なのんよ、,。？?！!\s]|$)/gu,
    replacement: 'たい',
  },
  // 〜っつう / 〜っつー / 〜つう (という; っつうと: というと; っつうけど: というけど).
  {
    name: 'tsuu',
    pattern:
      /っ?つ[うー](?=[のかもやこじとだ、,？?\s0-9]|$)|(?:っ|(?<=なん|何))つ[うー](?=[\p{Script=Han}\p{Script=Katakana}])|っつ[うー](?=けど|けれど)/gu,
    replacement: 'という',
  },
  // 〜っちゅう / 何ちゅう (という, as 〜っつう); not しょっちゅう (often).
  {
    name: 'chuu',
    pattern: /(?<!しょ)っちゅ[うー](?=[のかもやこじとだ、,？?\s]|$)|(?<=なん|何)ちゅ[うー]/gu,
    replacement: 'という',
  },
  // 何というだい (何つうだい, 何ちゅうだい read above, 何ていうだい): 何というの.
  {
    name: 'iu-dai',
    pattern: new RegExp(String.raw`(?<=(?:と|て)いう|(?:と|て|って)言う)だ[いや]${END}`, 'gu'),
    replacement: 'の',
  },
  // 〜じゃん、 closing a remark before the question (大雨で川があふれそうになったじゃん、…): a sentence of its own.
  { name: 'jan-remark', pattern: /じゃん[、,]\s*/gu, replacement: '。' },
  // 〜じゃん (念押し): dropped, the statement stays.
  { name: 'jan', pattern: new RegExp(String.raw`じゃん${END}`, 'gu'), replacement: '' },
  // 〜てたんで / 〜てたんだ (決めてたんでしたっけ): 〜ていたので, 〜ていたのだ.
  { name: 'tetan', pattern: /(?<=[てで])たん(?=で|だ)/gu, replacement: 'いたの' },
  // 〜てんの / 〜でんの / 〜てんだ: 〜ているの.
  { name: 'tenno', pattern: /([てで])ん(?=[のだじ])/gu, replacement: '$1いる' },
  // 〜しとる / 〜っとる / 〜ておる (西の・信州の言い方): 〜している; 〜しとった / 〜っとった: 〜していた.
  { name: 'toru', pattern: /(?<=[しっ])とる/gu, replacement: 'ている' },
  { name: 'totta', pattern: /(?<=[しっ])とった/gu, replacement: 'ていた' },
  // 〜しとらん / 〜っとらん (使っとらん畑): 〜していない.
  { name: 'toran', pattern: /(?<=[しっ])とらん/gu, replacement: 'ていない' },
  // 〜んどる / 〜んどった after a verb in ん (呼んどる, 住んどった): 〜んでいる, 〜んでいた.
  { name: 'ndoru', pattern: /(?<=ん)どる/gu, replacement: 'でいる' },
  { name: 'ndotta', pattern: /(?<=ん)どった/gu, replacement: 'でいた' },
  // 〜とる after a verb's e-stem (くれとる, 考えとる), closing what is said: 〜ている.
  {
    name: 'etoru',
    pattern: /(?<=[えけせてねめれげべ])とる(?=[のかよだでがけ、,。？?！!\s]|$)/gu,
    replacement: 'ている',
  },
  // 〜もん after a verb's stem in kanji (配りもん, 売りもん): 〜物.
  {
    name: 'mon',
    pattern: /(?<=\p{Script=Han}[りちきしびみいにぎ])もん(?=[がはをもの、,。？?！!\s]|$)/gu,
    replacement: '物',
  },
  // すんの / すんだ after a noun or どう, なに: するの. After kana it is a verb's own ending
  // (むすんだ, typed in romaji as musunda: 結んだ).
  {
    name: 'sunno',
    pattern: /(?<=[\p{Script=Han}\p{Script=Katakana}ー]|どう|なに|なん)すん(?=[のだ])/gu,
    replacement: 'する',
  },
  // 〜んとダメ / 〜ないとだめ / 〜なきゃダメ after a verb's negative stem: must (やらんとダメ: やらなければ
  // ならない); ダメ is no thing asked about.
  {
    name: 'nto-dame',
    pattern: /(?<=[らかさたまなわがばけせてべめれげ])(?:んと|ないと|なきゃ|なくちゃ)(?:ダメ|だめ|駄目|いかん|あかん)/gu,
    replacement: 'なければならない',
  },
  // 〜ねえ / 〜ねぇ after a verb's negative stem: 〜ない (やらねえ, いらねえ事業, 金かけねえ).
  { name: 'nee', pattern: /(?<=[らかさたまなわがばじけせてべめれげで])ね[えぇ]/gu, replacement: 'ない' },
  // An adjective's ai spoken as ee after its kanji (小せえ, 細けえ): 小さい, 細かい; でけえ, ちっせえ
  // in kana. Not ねえ, which after a noun is the particle (大変ねえ).
  {
    name: 'adjective-ee',
    pattern:
      /[せけめれて](?<=\p{Script=Han}[せけめれて])[えぇ](?=[なのよかし、,。？?！!\s\p{Script=Han}\p{Script=Katakana}]|$)|でっ?け[えぇ]|ちっせ[えぇ]|ちいせ[えぇ]/gu,
    replacement: (spoken) =>
      spoken.startsWith('で') ? 'でかい' : spoken.startsWith('ち') ? '小さい' : `${A_ROW[spoken[0] ?? ''] ?? ''}い`,
  },
  // なあに / なーに (何, drawn out): なに.
  { name: 'naani', pattern: /な[あぁー]+に/gu, replacement: 'なに' },
  // ナンバーワン, No.1 and romaji nanbaa wan: 一番 (人気ナンバーワン asks which is most liked).
  {
    name: 'number-one',
    pattern: /ナンバー\s?(?:ワン|1(?![0-9]))|なんば[あー]\s?わん|(?<![a-z])no\.\s?1(?![0-9])/giu,
    replacement: '一番',
  },
  // 何パー / 20パー (パーセント said short); not パーク, パート, パーティー.
  { name: 'paa', pattern: /(?<=何|なん|[0-9])パー(?![\p{Script=Katakana}ー])/gu, replacement: 'パーセント' },
  // どんくらい / どんだけ: どのくらい.
  { name: 'donkurai', pattern: /どん(?:くらい|ぐらい|だけ)/gu, replacement: 'どのくらい' },
  // えらい / えれえ before a word (信州の「とても」): emphasis only; えらい人 stays.
  { name: 'erai', pattern: /(?:えらい|えれえ|えらく)(?=[増減多少高安広大変良悪進])/gu, replacement: '' },
  // 女しょ / 男しょ (女衆): 女性, 男性.
  { name: 'shu', pattern: /([女男])(?:しょ|しゅう|衆)/gu, replacement: '$1性' },
  // 女のし / 男の衆 (おんなのし): women, men; not 女のしごと.
  { name: 'no-shu', pattern: /([女男])の(?:しゅう|衆|し(?=[のはがもをにと、,\s]))/gu, replacement: '$1性' },
  // 衆 on its own (役場の衆, どういう衆で): people; not in 民衆, 大衆, 公衆, 観衆, 合衆国.
  {
    name: 'shu-people',
    pattern: /(?<![女男若民大公群観聴合])衆(?=[でがはにのもと、,？?\s]|$)/gu,
    replacement: '人たち',
  },
  // 若いし / 若え衆 (若い衆): 若者.
  { name: 'wakaishi', pattern: /若(?:い|え)(?:し|衆)(?![ん])/gu, replacement: '若者' },
  // ずく (やる気) is a word of its own; the standard word lets it match.
  { name: 'zuku', pattern: /ずく(?=[がをはのもなだ])/gu, replacement: 'やる気' },
  // 〜もんで, said for 〜ので (足りねえもんで, おんぼろだもんで): the reason, told before what is asked.
  // Not 気をもんで (揉んで), nor a stem's もん (独りもんで, 食いもんで): a thing.
  {
    name: 'monde',
    pattern: /だもんで(?![すし])|もんで(?<=[るたえいくな]もんで)(?<!\p{Script=Han}[いり]もんで)(?![すし])/gu,
    replacement: (match) => (match.startsWith('だ') ? 'なので' : 'ので'),
  },
  // づくり typed with ず (まちずくり, ひとずくり): the two kana sound alike, and ずくり is no word.
  { name: 'zukuri', pattern: /ずくり/gu, replacement: 'づくり' },
  // 手ぇ貸す / 気ぃつける: a noun's vowel drawn out where を was dropped.
  { name: 'drawn-vowel', pattern: /[ぇぃ](?<=\p{Script=Han}[ぇぃ])(?=\p{Script=Han})/gu, replacement: 'を' },
  // いっぺえ / いっぺー: いっぱい.
  { name: 'ippee', pattern: /いっぺ[えー]/gu, replacement: 'いっぱい' },
  // 〜っしょ: 〜でしょう.
  { name: 'ssho', pattern: new RegExp(String.raw`っしょ${END}`, 'gu'), replacement: 'でしょう' },
  // 信州弁 〜るしょ / 〜たしょ after a verb: 〜でしょう (受けるしょ、).
  { name: 'sho', pattern: new RegExp(String.raw`(?<=[るた])しょ${END}`, 'gu'), replacement: 'でしょう' },
  // ちったあ / ちったぁ / ちっとは: 少しは.
  { name: 'chittaa', pattern: /ちった[あぁー]|ちっとは/gu, replacement: '少しは' },
  // なんとかする / なんとかして: the dictionary reads なんと・かする (貸す) in kana, 何とか in kanji.
  { name: 'nantoka', pattern: /なんとか(?=[しすさ])/gu, replacement: '何とか' },
  // ばっかり / ばっか: ばかり.
  { name: 'bakkari', pattern: /ばっかり|ばっか(?=[のでにがはもとや、,。？?\s]|$)/gu, replacement: 'ばかり' },
  // って いう, って きいた: a quote typed apart from its verb, as kana is typed word by word, is one
  // frame (っていう), as written in kanji.
  { name: 'tte-apart', pattern: /って\s+(?=いう|言う|いっ|言っ|きい|聞い)/gu, replacement: 'って' },
  // めっちゃ / すげー / まじで: emphasis only.
  { name: 'emphasis', pattern: /めっちゃ|めちゃくちゃ|すげ[えー]|まじで/gu, replacement: '' },
];

/** The question with every colloquial rule applied once, spaces collapsed. */
export function standardizeColloquial(text: string, rules: readonly ColloquialRule[] = colloquialRules): string {
  let out = text;
  for (const rule of rules) {
    const { pattern, replacement } = rule;
    // Two calls for String.replace's two overloads: a pattern string ($1) or a function.
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out.replace(/\s+/gu, ' ').trim();
}
