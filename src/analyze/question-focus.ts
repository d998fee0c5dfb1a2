/**
 * What a message asks, apart from what it tells. Citizens write a greeting and a sentence or two
 * about their life before the question (「年金暮らしでして…ふるさと納税はどのくらい集まったの
 * でしょうか」); every word of that background would otherwise count as something the answer
 * must cover. The message is cut into clauses at sentence ends and at the connectives that close a
 * piece of narrative (〜まして、〜ておりますが、〜んですけど); a clause is a greeting (set phrases
 * only), asked (a question word or ending, a wish, or a topic the citizen raises: 〜と聞いた,
 * 〜について) or background. Pure: text in, spans out.
 */

import { NANIBUN_FOLLOWS, QUESTION_WORD_START } from './kana-asking-words.js';
import { clauseNamingCount, namesByDemonstrative, pointsBack, referentSpan } from './referent.js';

export type ClauseRole = 'greeting' | 'asked' | 'background';

/** A stretch of the normalised message (end exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when a term starts inside one of the spans. */
export function termWithin(term: { readonly start?: number | undefined }, spans: readonly Span[]): boolean {
  const start = term.start;
  return start !== undefined && spans.some((s) => start >= s.start && start < s.end);
}

export interface Clause {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly role: ClauseRole;
  /** Asked by a question word, ending or wish, not only by raising a topic (〜と聞きました). */
  readonly asks?: boolean;
}

/** What follows a newsletter named as where a word was met (会報に…出てきました, 広報で…読んで). */
const READ_THERE =
  '(?=[^。？?]{0,48}?(?:出て|載って|載っ|書いて|書かれ|書き|あった|ありまし|見かけ|読ん|目にし|挙げ|述べ|触れ|表し|表さ|使われ|記さ|記し|掲げ|紹介))';

/**
 * Where a clause of a letter may start: the message's start, a space, a sentence's end or a comma, or
 * its heading word. Phrases that open with free words (寒さ厳しき折、) are tried only there: tried at
 * every letter of a long message, they doubled the time to find its set phrases.
 */
const CLAUSE_START = '(?<=^|[\\s、,。．!！?？]|拝啓|謹啓|前略)';

/** Whom a letter's greeting asks after (皆さま, 市長さんには). */
const READER = '(?:(?:皆様|皆さま|みなさま|皆さん|みなさん|市長(?:さん|様|さま)?)(?:には|も|は)?[、,]?)?';

/**
 * A letter's frame: its opening and closing words, its words of the season (寒さ厳しき折、), and its
 * greetings and wishes for the reader's health (皆様お元気でいらっしゃいますか, どうぞお体を大切に).
 * They ask nothing, though some end as questions do (いかがお過ごしでしょうか).
 */
const LETTER_FRAME = [
  'ごめん(?:くださいませ|ください)',
  '(?:拝啓|謹啓|前略|拝復|冠省|敬具|謹白|草々)',
  `${CLAUSE_START}[^、,。？?]{1,12}?(?:の候|のみぎり|の砌|(?<=[きい])折)(?=[、,])`,
  `${READER}いかが(?:お過ごし|おすごし)(?:でしょうか|ですか|でございますか|でいらっしゃいますか)`,
  `${READER}(?:お元気|お変わりなく|おかわりなく)(?:で)?(?:いらっしゃいますか|いらっしゃいますでしょうか|しょうか|すか|お過ごしでしょうか)`,
  'ご健勝のことと[^。？?]*',
  `(?:${CLAUSE_START}[^、,。？?]{0,10}?(?:も|は))?(?:どうぞ|くれぐれも|何卒)?(?:お体|お身体|おからだ)(?:を|には|に)?(?:大切|大事|お大事|ご自愛|お気をつけ|気をつけ|ご留意)[^。？?]*`,
  '(?:どうぞ|くれぐれも)?ご自愛[^。？?]*',
  '乱筆乱文(?:にて|で)?(?:失礼(?:いた)?し(?:ました|ます)|お許しください|ご容赦ください)?',
].join('|');

/** Set phrases of greeting and politeness: they carry nothing to search for. */
const SET_PHRASES = new RegExp(
  [
    'いつも(?:大変)?お世話に(?:なって)?(?:おります|なります|なっています)',
    'お世話になって?(?:おります|います|ます)',
    'お世話様です',
    'こんにち[はわ]',
    'こんばん[はわ]',
    'おはよう(?:ございます)?',
    'はじめまして',
    '初めまして',
    LETTER_FRAME,
    '(?:初めて|はじめて)(?:こちらに|こちらで|こちらへ)?(?:ご連絡|ご質問|連絡|質問|メッセージを?(?:送|お送り))(?:いた|し|させていただ)(?:します|きます|ます|ました)',
    // How much of an answer will do (分かる範囲で結構です, 簡単で構いません).
    '(?:(?:分かる|わかる)範囲で|お時間の(?:ある|あります)(?:時|とき)で|お手すきの(?:時|とき)で|簡単で|大まかで|ざっくりで)(?:結構|構いません|かまいません|よろしいので)(?:です|ので)?',
    // Waiting for the answer (ご回答をお待ちしております, お返事待ってます).
    '(?:ご回答|ご返答|ご返事|お返事|返事|回答)(?:を)?(?:お待ち(?:して)?|待って)(?:おります|います|申し上げます|ます)',
    '突然(?:の(?:ご)?(?:連絡|質問|メッセージ|お便り|お手紙|手紙))?(?:で)?(?:すみません|失礼(?:いた)?します|申し訳(?:ありません|ございません))',
    'お忙しい(?:ところ|中)(?:すみません|恐れ入りますが?|恐縮ですが?|申し訳(?:ありません|ございません)が?)?',
    '失礼(?:いた)?します',
    '(?:どうぞ)?よろしく(?:お願い(?:いた)?します|お願い申し上げます|お願いします)?',
    '(?:どうも)?ありがとう(?:ございます|ございました)?',
    // Thanks said otherwise (助かりました, 感謝です): nothing to search for either.
    '(?:本当に|大変|とても)?助かり(?:ました|ます)',
    '(?:心から|大変)?感謝(?:です|しております|しています|いたします|申し上げます)',
    'すみません(?:が)?',
    '恐れ入りますが',
    // Thanks in advance for an answer (教えていただけると幸いです, お聞かせ願えますか).
    '(?:教えて|お教え|お聞かせ|ご教示)?(?:いただけると|いただければ|いただけますと|いただけましたら|頂けると|頂ければ|もらえると|くださると|願えると|願えれば)(?:幸い|助か|ありがた|有難|うれし|嬉し|安心)[^。？?]*',
    // What an answer would bring about (教えていただければ、夫婦げんかも収まるかと存じます).
    '(?:いただければ|いただけたら|頂ければ|頂けたら|もらえれば|もらえたら|くだされば)[、,][^。？?]{0,24}?(?:かと|と)(?:存じ|思い|思って)[^。？?]*',
    'ご教示(?:ください|いただけ(?:ます|ません)か|願います)',
    '幸いです',
    'お聞かせ(?:願え(?:ます|ません)か|いただけ(?:ます|ません)か|ください)',
    'お手数(?:を)?(?:おかけ(?:します|しますが|いたしますが))?(?:ですが)?',
    'ご?面倒(?:でなければ|でなかったら|でしょうが|ですが|とは存じますが|をおかけ(?:します|しますが|いたしますが))',
    '教えて(?:くださいませ|ください|いただけますでしょうか|いただけますか|もらえますか)',
    // The frame of asking what was done (具体的には、どのようなことに力を入れて…).
    '具体的(?:に(?:は)?)?',
    // The frame of asking what someone means (どのようなお考えなのでしょうか): as どういうこと.
    '(?:どのような|どの様な|どんな|どういう|どういった)(?:お)?考え',
    '力を?(?:入れ|いれ|注い|注ぎ)',
    // Asking whether anything was done (何か手を打ってくれているか): the frame; the trouble told says what about.
    '(?:何か|なにか|なんか|何も|なにも|どのような|どんな|どういう|どういった)手を?(?:打っ|打た|打ち|打つ|うっ|うた|うち|うつ)',
    // After a topic (〜について、, 〜は、), asking what the mayor's platform holds on it: the frame, not the
    // topic (「女性の登用について、市長さんは政策集の中でどのようなお約束を」).
    '(?<=(?:について[、,]?|は[、,])\\s?)(?:小泉)?市長(?:さん)?(?:は|の|が)[^。？?]{0,16}?(?:政策集|政策|公約|マニフェスト|お?約束|目標)',
    // Where the citizen looks for it (市長さんの政策に…は入っておりますか, 市長さんの実績に入って): every
    // entry is of the mayor's platform or record, so it names no topic.
    '(?:小泉)?市長(?:さん)?の(?:政策集?|公約|お?約束|マニフェスト|実績)(?:の中)?(?:に|で|として)(?:は)?',
    '市の政策(?:の中)?(?:に|で)(?:は)?',
    '(?<![\\p{Script=Han}])政策集(?:の中)?(?:に|で)(?:は)?',
    // Where the citizen read of it (会報に出てきました, 報告に出てくる, 広報こもろで読んで): the newsletter
    // or the report, not the topic; unless its cover or title is what is asked (会報の表紙に書いてあった).
    `(?:\\p{Script=Han}{1,6}の)?(?:(?:後援)?会報|報告書?|レポート)(?:の(?!表紙|題|表題|タイトル|見出し|名前)[^、,。にで]{1,8}?)?(?:に|で)(?:は)?${READ_THERE}`,
    `広報(?:こもろ)?(?:に|で)(?:は)?${READ_THERE}`,
    // When the platform was made (市長さんは選挙のとき、): the frame of every entry, as above.
    '(?:小泉)?市長(?:さん)?(?:は|が)(?:[^、,。]{0,6}の)?選挙の(?:とき|時|際|前)(?:に)?[、,]?',
    '(?:[0-9]+年前|前回|この前|前)の(?:市長)?選挙の(?:とき|時|際)(?:に)?[、,]?',
    // How hard someone works at it (ずく出して, やる気あるだかい, ずくがいる): how, not what.
    '(?:やる気|ずく)(?:を|が|も)?(?:出し|だし|出せ|だせ|出さ|ださ|出ね|出な|ある|あっ|あり|ない|ねえ|なく|いる|要る)',
    // How to explain it (やさしく, 年寄りにもわかるように) and how exactly (正確な数字を).
    '(?:やさしく|易しく|わかりやすく|分かりやすく|かみくだいて|噛み砕いて|手短に)',
    '[^、,。]{0,6}にも(?:わかる|分かる)ように',
    '正確な(?:数字|数値|ところ)を?',
    // Asking to be sure (念のため確認させてください, 正確には): how, not what.
    '念の(?:ため|為)(?:に)?',
    '確認(?:させて|しておきたい|したい|いたしたい)',
    '正確に(?:は)?',
  ].join('|'),
  'gu',
);

/**
 * A question word in kana where a word may start (QUESTION_WORD_START), its first kana written before
 * the look-behind (ど(?<=…ど)こ) so that the pattern jumps to that kana, as ASKING's comment says why.
 */
function questionWord(word: string): string {
  const first = word.charAt(0);
  return `${first}(?<=${QUESTION_WORD_START}${first})${word.slice(1)}`;
}

/**
 * A clause that asks: question words, question endings, wishes and requests. An alternative that
 * looks behind names its first kana first (な(?<=…な)に): one that opens with a look-behind is tried
 * at every letter of a long letter, and took most of the time of reading its clauses.
 */
const ASKING = new RegExp(
  [
    '[?？]',
    // 〜かい closes a question too (政策に入っているかい).
    // 〜かいね, said in 信州 (なんてったかいね).
    'か(?:な|ね|しら|ね?え|いね|い)?[。．!！、,]?$',
    'の[。．!！]?$',
    'でしょうか',
    // Not ですから, ますから: a reason given.
    'ますか(?!ら)',
    'ですか(?!ら)',
    // Not a guess closed by a full stop (子らもかわいそうずら。: だろう。), which tells.
    'だろう(?!ね?[。．])',
    'っけ',
    // Not telling someone else (お隣に教えてあげたい), nor what the citizen taught (音楽を教えておりました,
    // ピアノを教えてまいりました, 教えてきた, 小学校で教えて退職した), nor a pupil (教え子).
    '教え(?!てあげ|てや[らりるれろ]|てさしあげ|ており|ていま|てい(?:る|た(?!だ))|てまい|てき(?:た|まし)|子|て(?!下さ|頂|戴|欲し|貰)\\p{Script=Han})',
    // Asked politely (ご教示いただけますと幸いです, お聞かせください): the thanks in advance is a set phrase, the asking is not.
    'ご?教示',
    'ご教授',
    'お聞かせ',
    'おしえ(?!てあげ|てや[らりるれろ]|ており|ていま|てい(?:る|た(?!だ))|てまい|てき(?:た|まし)|ご)',
    '知りたい',
    '聞きたい',
    // Not a visit the citizen plans (相談に伺いたいと思っております): 伺う there is to go.
    '伺(?<!に伺)いたい',
    'た(?<!(?:あげ|やり)た)い(?:です|のです|んです)?(?:が|けど)?[。．!！]?$',
    // Not a wish reported (撮らせてほしいと頼まれました).
    'ほしい(?!と|もの)',
    '欲しい(?!と|もの)',
    // Not くださいました: what someone kindly did.
    'ください(?!まし|ます)',
    '下さい(?!まし|ます)',
    // Not 何より, 何卒, 何かと: set phrases of a polite letter, not questions; nor nothing (何も分からず,
    // 何もかも), but 何もらえる.
    // Nor 何やら, 何だか, 何となく: something, somehow.
    // Nor 何組も, 何人も: many (悔やんだ親子が何組もございました), but 何人もらえる.
    // Nor 何のことやら: what the citizen cannot make out, told.
    // Nor 何分初めてのことで (NANIBUN_FOLLOWS): an apology.
    `何(?!年も|度も|(?:組|人|回|件|軒|台|本|枚|校|社|日|週|か月|ヶ月|カ月|時間|世代|代)も(?!ら)|とか|事も|も(?!ら)|より|卒|とぞ|かと|か(?!ら)|やら|だか|となく|気なく|でも|のことやら|のことだか|[十百千万億]+[^。？?]{0,3}も|${NANIBUN_FOLLOWS})`,
    // Not inside a word (あんなに, こんなに).
    `${questionWord('なに')}(?!より|とぞ|かと|も(?!ら))`,
    // Not inside a verb (ジャムにちなんだ).
    `${questionWord('なん')}[でのだ]`,
    // いくら said in dialect.
    'なんぼ',
    'いかほど',
    // Not sometime (いつだったか聞いた覚えが), but いつだったか？
    // Nor inside a verb (追いつく) or someday (いつか).
    'いつ(?!も|く|け|こ|き|の間|までも|か(?!ら|な|しら|[?？。]|$)|だったか(?![?？。]|な|いね|$))',
    // Not inside a word typed in kana (ぶどう, ほどの, こどもの): a question word stands after a
    // particle, a kanji or a katakana word, or at the start.
    // Not somewhere (教育委員会のどこかが担当), but どこかな.
    // Nor everywhere (どこも同じ, どこでも).
    `${questionWord('どこ')}(?!ろ|も|でも|か(?!な|しら|[?？。]|$))`,
    // Not どうせ, どうぞ, どうか (please), どうも, どうしても.
    `${questionWord('どう')}(?!せ|ぞ|か(?=[、,\\s])|も|しても)`,
    questionWord('どれ'),
    questionWord('どの'),
    // Not どんなに, which exclaims (どんなに心強いかと) or concedes (どんなに急いでも); a question mark still asks.
    'どんな(?!に)',
    questionWord('いくら'),
    // Not some (柱がいくつかあると聞きました), but いくつかな; nor many (いくつもの町で), nor however
    // many or old (いくつになっても, いくつでも).
    'いくつ(?!も|か(?!な|しら|[?？。]|$)|になっても|でも)',
    // Not nobody, anybody or somebody (誰も, 誰でも, 誰か, 誰とも).
    '誰(?!も|でも|か|とも)',
    'だれ(?!も|でも|か|とも)',
    'なぜ',
    'どうして',
  ].join('|'),
  'u',
);

/**
 * A topic seen or heard somewhere (〜を会報で見かけ, 〜をテレビでよく耳にいたします): raised as one heard
 * of. Not how often the citizen sees it (小諸の話題を見かけることが増え): that tells their story.
 */
const SEEN = String.raw`を[、,]?(?:[^、,。]{1,12}?(?:で|から))?(?:よく|たびたび|時々|ときどき)?(?:見かけ|目にし|拝見し|耳にし|耳にいたし)(?!る(?:こと|機会)[がも])`;

/** Told by a doctor or at a checkup (発達がゆっくりだと健診で言われました): the citizen's story, no news. */
const TOLD_BY_DOCTOR = String.raw`[、,]?[^、,。と]{0,8}?(?:健診|検診|医者|医師|病院|診察|診断)(?:さん|の先生)?(?:で|から|に)[、,]?言われ`;

/**
 * Within a clause that raises a topic by hearsay, where the report of it ends: what follows
 * (と聞きましたが, と耳にして懐かしく思ったのですが) says how the citizen came to know it. A wish
 * told (皆で参加できればと話しております) raises nothing heard, nor does advice given to the citizen
 * (当分安静にと言われ), nor what a doctor told (TOLD_BY_DOCTOR); an errand given (目を通しておくようにと
 * 言われ) names what it is about. Its look-behinds come after a first kana, as in ASKING.
 */
const HEARSAY = new RegExp(
  String.raw`と(?<!(?:[ねよわ]|ば|たら|(?<!よう)に)と)(?!いう|${TOLD_BY_DOCTOR})[、,]?(?:[^、,。と]{1,12}?(?:で|から|より|が))?(?:聞(?!こえ)|きい[たて]|伺|うかが|耳に|知り(?!合|あ[いうっえわ])|読み|見|言われ|言って|おっしゃ(?!います(?:が|けど))|仰(?!います(?:が|けど))|(?<![\p{Script=Han}][と][、,]?)話さ|(?<![\p{Script=Han}][と][、,]?)話して(?!(?:おりまし|いまし|い)たところ)|述べ|書い|書か)(?![^、,。]{0,3}?た(?:時代|頃|ころ|もの|時|とき|昔))|って(?:言って|いって|聞いた|きいた)|(?:っつう|っちゅう|っていう|って言う|という|と言う)だ?(?:けど|けれど|が)(?=[、,。．]|$)|(?:っつう|っちゅう|っていう|って言う)じゃん(?:か)?(?=[、,。．]|$)|${SEEN}|とか(?=[。．]?$)|とのこと(?=[、,。．]|$)|よ(?<=たよ)う(?:です|でございます)(?:が|けど)(?=[、,。．]|$)|ら(?<=[たるいだ]ら)しい(?:です|ん(?:です|だ))?(?:が|けど|けれど)(?=[、,。．]|$)|そ(?<=[うくぐすつぬぶむるたい]そ)う(?:です|でございます)(?:ね|が|けど)(?=[、,。．]|$)`,
  'u',
);

/**
 * After 〜のことで, a sentence told to its end that asks nothing (夜泣きのことで毎日電話がかかって
 * まいります。, 40年も前のことで、うまく答えられません。): the matter is the cause of what is told.
 */
const TOLD_AFTER_MATTER = String.raw`で(?![^。？?]*(?:伺|うかが|聞|尋ね|相談|質問|教え|おしえ|願|知り|[?？]))[^。？?]*[。．]`;

/**
 * A clause naming the topic the citizen asks about: 〜と聞いた, 〜について, 〜の件. Not 〜のことを
 * (家計のことを心配しております) nor 〜のことで頭を悩ませて, which tell what the citizen's family worries
 * over, nor 〜の話をする (市政の話をするのが楽しみ), which tells what they do, nor 〜の話題 (小諸の話題を
 * 見かける), which tells what they saw.
 */
const RAISING = new RegExp(
  `${HEARSAY.source}|という(?:(?:カタカナ|片仮名|横文字)の)?(?:言葉|用語|カタカナ|片仮名|横文字|見出し|名前)(?:が|を)|という話|というお話|との(?:お)?話|(?:って|っつう|っちゅう|っていう)(?:お)?話(?![しすせさそ])|と記憶|と覚えて|(?:(?:が|も)あった|だった)(?:と|ように)思い|について|に関して|に関する|の件|のこと(?!を|や|だか|など|で[^、。？?]{0,8}?(?:頭|悩|困|心配|気を)|${TOLD_AFTER_MATTER})|の話(?!題|に(?:な|も)|か|をする|をし)`,
  'u',
);

/**
 * Before the report of a topic, when and from whom the citizen heard it (先日、知人から / テレビで):
 * the story, not the topic. General words of Japanese letters, not of any one corpus.
 */
const HEARSAY_SOURCE = new RegExp(
  '^\\s*(?:(?:さて|ところで|実は|じつは)[、,]?\\s*)?(?:(?:先日|先ごろ|先だって|この前|この間|このあいだ|以前|昨日|先週|先月|最近|今朝)[、,]?\\s*)?' +
    '(?:(?:知人|友人|友達|知り合い|近所の(?:人|方)|ご近所|お隣|隣人|家族|親戚|妻|夫|主人|家内|息子|娘|ひ孫|曾孫|曽孫|孫|嫁|婿|兄|姉|弟|妹|姪|甥|同級生|仲間|同僚|テレビ|新聞|ラジオ|ニュース|' +
    '広報|回覧板|会報|後援会報|チラシ|ネット|インターネット|うわさ|噂)(?:の[^、,。]{0,6}?)?(?:から|で|に)[、,]?\\s*)?' +
    // Someone named by a title, then a comma (お向かいの奥さまから、): who told it; without the
    // comma the person may be the topic's own (市長さんから任命される).
    '(?:[^、,。]{1,12}?(?:さん|様|さま|氏|先生|の方)(?:から|より)[、,]\\s*)?' +
    // Where the citizen heard it (公民館の集まりで、): a gathering, not the topic.
    '(?:[^、,。]{0,8}?(?:集まり|会合|集会|寄り合い|講座|教室|説明会|勉強会|研修会|サロン)(?:で|の席で|の場で)[、,]?\\s*)?' +
    // Whom the citizen asked (先輩に聞いたところ、): what follows is the topic heard.
    '(?:[^、,。]{1,8}?に(?:聞いた|伺った|尋ねた|うかがった)ところ[、,]?\\s*)?' +
    // A talk in which the news came up (友人と、…と話しておりましたところ、): the story, not the topic.
    '(?:[^。？?]{1,40}?と話して(?:おりまし|いまし|い)たところ[、,]\\s*)?' +
    // Who said it, before what they said (区の集まりで区長さんが、市長さんは…と話しておられました).
    '(?:[^、,。]{1,16}?(?:さん|様|さま|氏|先生|の方)が[、,]\\s*)?',
  'u',
);

/** Whether a clause raises its topic by hearsay (〜と聞きました, 〜とのこと). */
export function raisesByHearsay(text: string, clause: Span): boolean {
  return HEARSAY.test(text.slice(clause.start, clause.end));
}

/** The part of a clause raising a topic by hearsay that names the topic (see HEARSAY, HEARSAY_SOURCE). */
export function reportedTopic(text: string, clause: Clause): Clause {
  const piece = text.slice(clause.start, clause.end);
  const frame = HEARSAY.exec(piece);
  if (!frame) return clause;
  const source = HEARSAY_SOURCE.exec(piece.slice(0, frame.index))?.[0].length ?? 0;
  // Nothing left but the frame: keep the clause as it was.
  if (frame.index - source < 2) return clause;
  return { ...clause, start: clause.start + source, end: clause.start + frame.index };
}

/**
 * Where a clause ends: a sentence end, a connective that closes a piece of narrative, or a question
 * ending before a comma (〜ですか、夏は暑くて…), a remark on a thing closed by よ or ね before one
 * (大水が心配だよ、; not after a verb: 建て替えるだよ、 says why the question is asked), with the comma
 * or space after it (the connective stays with its clause). から closes one as a reason after a
 * predicate (降ったから、), not as where from (どこから のれますか, 駅から、). 〜につきまして,
 * 〜に関しまして, 〜におきまして and 〜に対しまして name the topic politely (消防庁舎につきましては):
 * they close nothing. 〜たところ、 closes what the citizen was doing (読んでおりましたところ、), but
 * not whom they asked or talked with (聞いたところ、), read with the news after it (HEARSAY_SOURCE).
 * 〜たく、 closes what the citizen wishes to do with the answer (皆さんにお伝えしたく、お教え…).
 * Its look-behinds come after a first kana, as in ASKING.
 */
const CLAUSE_END = new RegExp(
  String.raw`[。．!！?？\n]+|(?:まして(?<!(?:につき|に関し|におき|に対し)まして)|ま(?<=(?:と|って)も?[、,]?(?:[^、,。と]{1,12}?(?:で|から|が))?(?:聞き|伺い|うかがい|耳にし|知り|読み|見|言われ|言っており|言ってい|話しており|話してい|申しており)ま)したが|ま(?<=${SEEN}ま)したが|ておりますが|ておりましたが|ており(?=[、,])|[ただ](?<=(?:まし|[っいし])た|んだ)(?<!(?:聞い|伺っ|尋ね|うかがっ|話して(?:おりまし|いまし|い))た)ところ(?=[、,])|ていますが|ていましたが|てるんですけど|んですけど|んですが|のですが|ですが|ますが|ませんが|ですけど|ますけど|けれど(?:も)?|けど|でして|そ(?<=[たる]そ)うで(?=[、,])|ので(?=[、,\s])|た(?<=[いきしちにびみりぎじえけせてねべめれ]た)く(?=[、,])|か(?<=(?:[たいだるうくすつむぬぶぐ]|です|ます)か)(?<!(?:どこ|いつ|どちら)か)ら(?=[、,\s])|(?:ですか|ますか|かな|のか|だろう)(?=[、,])|(?:だ(?<![るたうくすつむぬぶぐん]だ)|で(?<![るたうくすつむぬぶぐん]で)す)(?:よね|よ|ね)(?=[、,]))[、,\s]*`,
  'gu',
);

/** How a clause reads on its own: whether it asks, and its role before its neighbours are weighed. */
interface ClauseReading {
  readonly asks: boolean;
  readonly role: ClauseRole;
}

/**
 * Clauses already read, by their text: a message is split twice (whole, for storyCut, then the part
 * kept), and the part kept repeats most of the whole's clauses. Kept for one message only.
 */
export type ClauseMemo = Map<string, ClauseReading>;

function readClause(piece: string, memo: ClauseMemo | undefined): ClauseReading {
  let reading = memo?.get(piece);
  if (reading === undefined) {
    const asks = isAsking(piece);
    reading = { asks, role: roleOf(piece, asks) };
    memo?.set(piece, reading);
  }
  return reading;
}

/** The message's clauses in order, each with its role. */
export function questionClauses(text: string, memo?: ClauseMemo): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start) {
      const { asks, role } = readClause(text.slice(start, end), memo);
      clauses.push(role === 'asked' && asks ? { start, end, role, asks: true } : { start, end, role });
    }
    start = end;
  };
  for (const m of text.matchAll(CLAUSE_END)) push(m.index + m[0].length);
  push(text.length);
  return withWorriesTold(text, clauses);
}

/**
 * A worry, a doubt or a hope told as a question (〜どうしてもらえるのか、心配しております; 何代替わった
 * のかもあやふやになって; どうなっているのか、楽しみにしております; 〜入っているのかと話題になりました;
 * どうなるのかと頭を抱えております).
 */
const WORRY =
  /(?:のか|か)も?[、,]?\s?[^。？?]{0,12}?(?:心配|気がかり|不安|案じ|気にし|気にかけ|気にな|気をも|楽しみ|話題に|あやふや|知らな|知りませ|見当がつ|確認し|知っておき|聞かれ|尋ねられ|(?<!お)分か[らり]|(?<!お)わか[らり]|覚えて(?:い|お)[らなり]|見当た[らり]|見つか[らり]|思い出せ|頭を(?:抱え|かかえ|悩ま)|首を(?:かしげ|傾げ|ひね))/u;
/**
 * A clause that asks only by 〜だろう (信州弁 〜ずら: とても追いつかんずら。): a remark unless nothing
 * else in the message asks.
 */
function asksOnlyByConjecture(piece: string): boolean {
  const trimmed = piece.trim();
  return /だろう[。．!！、,]?$/u.test(trimmed) && !ASKING.test(trimmed.replace(/だろう[。．!！、,]?$/u, ''));
}

/**
 * A wish of the citizen's own, said after the question (日付だけでも手帳に控えておきたいのです, ぜひ
 * 寄ってみたいです): what they will do with the answer, not more to ask. Not a wish to know (知りたい).
 */
const OWN_WISH =
  /(?<!知り|聞き|伺い|うかがい|教えてもらい|教えていただき|あげ|やり)たい(?:です|のです|んです)?[。．!！]?$/u;
function tellsOwnWish(piece: string): boolean {
  const trimmed = piece.trim();
  return OWN_WISH.test(trimmed) && !ASKING.test(trimmed.replace(OWN_WISH, ''));
}

/** A clause that asks outright: a question mark, a question ending, a request. */
const ASKED_OUTRIGHT =
  /[?？]|でしょうか|ますか(?!ら)|ですか(?!ら)|教え|おしえ|教示|教授|お聞かせ|くださ|下さ|知りたい|(?<!に)伺いたい|願え/u;

/**
 * A worry or a remark (〜だろう) the citizen tells besides asking outright (「来年学校に上がってからどうしてもらえるのか、
 * 娘ともども心配しております。…ありましたでしょうか。」) is part of the story; alone, it is the question.
 */
function withWorriesTold(text: string, clauses: readonly Clause[]): Clause[] {
  const outright = clauses.map((c) => c.asks === true && ASKED_OUTRIGHT.test(text.slice(c.start, c.end)));
  return clauses.map((clause, i) => {
    const piece = text.slice(clause.start, clause.end);
    // The worry may be the next clause: 〜のか、 ends one; a sentence ended (。) is one of its own.
    const ended = /[。．!！?？]\s*$/u.test(piece);
    const withNext = ended ? piece : text.slice(clause.start, clauses[i + 1]?.end ?? clause.end);
    // A worry that runs on into the outright ask (〜のか、気になっておりますので教えて…) is what it asks.
    const worryRunsIntoAsk = !ended && !WORRY.test(piece) && outright[i + 1] === true;
    const toldWorry =
      clause.asks === true &&
      !ASKED_OUTRIGHT.test(piece) &&
      (((WORRY.test(withNext) || asksOnlyByConjecture(piece)) &&
        outright.some((o, j) => o && j !== i && !(worryRunsIntoAsk && j === i + 1))) ||
        (tellsOwnWish(piece) && outright.some((o, j) => o && j < i)));
    return toldWorry ? { start: clause.start, end: clause.end, role: 'background' } : clause;
  });
}

/**
 * A question the citizen asks themselves, told as a statement (「いつまで自分の足で歩けるかと考える
 * ことが多くなりました。」「どこの国の人だろうと話しておりました」): its question word asks the bot nothing. One they wonder about for the
 * bot to answer (「どのくらい加わっているのか気になっております」) still asks. One worried over with
 * others (どこに相談すればよいのか家族で悩んでおります) is told too, and so is how long they can still
 * do a thing (いつまで面倒を見られるか分かりません): no one else knows it.
 */
const EMBEDDED_QUESTION =
  /(?:か|だろう)(?:と[、,]?[^。？?]{0,8}?(?:考え|思|話し|相談し)|(?:と|を)?[^。？?]{0,6}?(?:悩|迷))[^。？?]*(?:ました|ます|ている|ておる|ておりま|ていま)[^。？?]{0,4}[。．!！]?$|いつまで[^。？?]{0,12}?(?:られる|れる|える|ける|せる|てる|できる)か(?:は)?(?:分かり|わかり|分から|わから)(?:ません|ない)[^。？?]{0,4}[。．!！]?$/u;

/**
 * Words quoted as someone's (「今の市長になって何年だっけ」と言い合いになりました): a question told,
 * not asked of the bot.
 */
const QUOTED_SPEECH = /「[^「」]*」(?=と|って)|『[^『』]*』(?=と|って)/gu;

/**
 * A guess the citizen tells (「何年何カ月と書いてあったような気がしますが」): its question word
 * stands for what they half remember, and asks nothing.
 */
const GUESS = /(?:ような|ように|みたいな)(?:気が|思い|思われ|記憶が)[^。？?]*$/u;

/** The letter's frame, found anywhere in a clause: it makes no clause a question. */
const LETTER_FRAME_ANYWHERE = new RegExp(LETTER_FRAME, 'gu');

function isAsking(piece: string): boolean {
  const trimmed = piece.trim().replace(QUOTED_SPEECH, '「」').replace(LETTER_FRAME_ANYWHERE, '');
  const outright = /[?？]|でしょうか|ますか|ですか/u.test(trimmed);
  return ASKING.test(trimmed) && !((EMBEDDED_QUESTION.test(trimmed) || GUESS.test(trimmed)) && !outright);
}

/**
 * A set phrase where a clause's first letter is: a clause made only of set phrases has one, and
 * most clauses are told apart by this one attempt instead of a scan of all of them.
 */
const SET_PHRASE_FIRST = new RegExp(`^[^\\p{L}\\p{N}]*(?:${SET_PHRASES.source})`, 'u');

function roleOf(piece: string, asks: boolean): ClauseRole {
  const onlySetPhrases =
    !/[\p{L}\p{N}]/u.test(piece) ||
    (SET_PHRASE_FIRST.test(piece) && !/[\p{L}\p{N}]/u.test(piece.replace(SET_PHRASES, '')));
  if (onlySetPhrases) return 'greeting';
  return asks || RAISING.test(piece) ? 'asked' : 'background';
}

/**
 * A topic named just after the question, as speech puts it last (「月いくらもらえるんですか、小諸
 * あさま奨学金って」): a noun phrase with って, は or のこと and nothing after it is what was asked about.
 */
const AFTERTHOUGHT_TOPIC = /^[、,\s]*[^、,。？?\s]{2,20}?(?:って|は|のこと|について)[?？。!！]*\s*$/u;

/** A wish someone told (〜たいと言っております, 〜たいと申しておりまして). */
const WISH_TOLD = /たい(?:と|って)[、,]?(?:言って|いって|申して|話して)/u;

/**
 * A question that turns to another matter (ところで、話は変わりますが): the news told before it is
 * not its topic, unless it points back to it (ところで、その協定は); どこの and よその point nowhere.
 */
const TURNS_AWAY =
  /^\s*(?:ところで|話は変わりますが|話は変わって|それはそうと|それはさておき|別件ですが)[、,]?(?![^。？?]*(?:(?<![どよ])(?:その|この|あの)|それ|そちら|こちら|そういう|そうした))/u;

/** Whether the clause turns to another matter (ところで、…) without pointing back to what was told. */
export function turnsAway(text: string, clause: Clause): boolean {
  return TURNS_AWAY.test(text.slice(clause.start, clause.end));
}

/** The letter turning to its own matter (さて本題ですが、本題に入りますが): what came before is story. */
const MAIN_MATTER =
  /本題(?:です|でございます|に入ります|に入らせていただきます|に移ります)?(?:が|けど|けれど|けれども)?[、,。]/gu;

/** Where the letter's own matter starts: after its last 本題ですが before `end`; else 0. */
export function mainMatterStart(text: string, end: number): number {
  let start = 0;
  for (const marker of text.slice(0, end).matchAll(MAIN_MATTER)) start = marker.index + marker[0].length;
  return start;
}

/**
 * A topic named outright at the head of a question: 〜について, 〜に関して, after a phrase of up to
 * thirty characters (使われなくなった農地や新しく農業を始める人について).
 */
const OWN_TOPIC =
  /(?:^|[、,\s])[^、,。？?\s]{2,30}?(?:について|に関して)(?:は)?[、,]?[^。？?]*(?:どんな|どのような|どういう|何|なに|いつ|いくら|どこ|どれ|誰)/u;

/** Whether a question names its topic outright (災害について、どんな…): OWN_TOPIC. */
export function namesOwnTopic(text: string, clause: Clause): boolean {
  return OWN_TOPIC.test(text.slice(clause.start, clause.end));
}

/**
 * The spans the decision weighs: the clauses that ask, each with the clauses just before it that
 * raise its topic (〜と聞いたのですが、); a topic raised earlier in the story, before other
 * background, is background too. When no clause asks, the clauses raising a topic; when none
 * does either (a bare topic: 「ふるさと納税 実績」), every clause but greetings. Set phrases
 * inside them are left out.
 */
export function focusSpans(text: string, clauses: readonly Clause[] = questionClauses(text)): Clause[] {
  const asked = clauses.filter((c) => c.role === 'asked');
  if (asked.length === 0) {
    // A letter whose question asks by no word of asking (…えらい選手呼んでるずら。) puts it last,
    // after its story.
    const told = clauses.filter((c) => c.role !== 'greeting');
    return told.length >= 3 ? told.slice(-1) : told;
  }
  if (!asked.some((c) => c.asks === true)) return asked.map((c) => reportedTopic(text, c));
  const focus: Clause[] = [];
  let topic: Clause[] = [];
  // The clauses the topics were read from, to tell which end a sentence.
  let toldBefore: Clause[] = [];
  let heard: Clause[] = [];
  let previous: Clause | undefined;
  let wishTold = false;
  for (const clause of clauses) {
    const justAsked = previous?.asks === true;
    previous = clause;
    if (justAsked && AFTERTHOUGHT_TOPIC.test(text.slice(clause.start, clause.end))) {
      focus.push({ ...clause, role: 'asked' });
    } else if (clause.asks === true) {
      // A question that names its topic outright (災害について、どんなことを), or turns to another
      // matter (ところで、), is not about the news told before it (千曲川では大変な被害が出たと聞いております).
      const ownTopic = namesOwnTopic(text, clause) || turnsAway(text, clause);
      focus.push(...(ownTopic ? [] : joinedTopic(text, topic, toldBefore)), clause);
      topic = [];
      toldBefore = [];
      heard = [];
      wishTold = false;
    } else if (clause.role === 'asked') {
      // A wish someone told (娘が店を開きたいと言っております) gives way to a topic heard of after it
      // (…助成金があると聞いたのですが): the wish is their story, the thing heard of is asked about.
      if (wishTold && HEARSAY.test(text.slice(clause.start, clause.end))) {
        topic = [];
        toldBefore = [];
      }
      wishTold = WISH_TOLD.test(text.slice(clause.start, clause.end));
      topic.push(reportedTopic(text, clause));
      toldBefore.push(clause);
      if (HEARSAY.test(text.slice(clause.start, clause.end))) heard.push(reportedTopic(text, clause));
    } else if (clause.role === 'background') {
      topic = [];
      toldBefore = [];
      heard = [];
      wishTold = false;
    }
  }
  // A topic heard of just after the question (「…ありますでしょうか。ポイントがたまるものがあると
  // 聞いたのですが」) says more of what is asked; other words after it (〜のことで相談を受け) tell.
  return [...focus, ...heard];
}

/**
 * Of the topics raised before a question, those it asks about: when the last is joined to the
 * question (〜があると聞いたそうですが、どのような…), the ones raised in its own sentence, not news told
 * in a sentence before it (〜を使ったと話しておりました。); else all of them.
 */
function joinedTopic(text: string, topic: readonly Clause[], told: readonly Clause[]): Clause[] {
  const last = told.at(-1);
  // A joined topic that points back (そのために何か組織を) takes the news before it along.
  if (
    last === undefined ||
    SENTENCE_END.test(text.slice(last.start, last.end)) ||
    POINTS_BACK_IN_TOPIC.test(text.slice(last.start, last.end))
  )
    return [...topic];
  const from = told.findLastIndex((c) => SENTENCE_END.test(text.slice(c.start, c.end))) + 1;
  return topic.slice(from);
}

/** A word pointing back to what was told before (その, それ, そういう). */
const POINTS_BACK_IN_TOPIC = /その|それ|そういう|そうした|こうした|そちら|こちら/u;

/** A clause that closes its sentence. */
const SENTENCE_END = /[。．!！?？\n]\s*$/u;

/**
 * The noun that only classes a name the citizen gives (「ジャムの日」という取り組み, 婚活っていう事業),
 * or a view they put in their own words, with the mayor's as its holder (市民と一緒にやるという市長の
 * 考え): the name, or what the view says, is what is asked about. Not after 何という (何という制度): there
 * the noun is what is asked.
 */
const CLASSIFIER =
  /(?<=という|っていう|とかいう)(?<!(?:何|なん)(?:という|っていう|ていう|とかいう))(?:(?:(?:(?:小泉)?(?:市長|さん|氏)|小泉)の)?(?:お)?(?:考え方?|思い)|取り組み|取組み?|事業|活動|制度|仕組み|計画|施策|政策|イベント|催し|もの|話|(?:(?:カタカナ|片仮名|横文字)の)?(?:言葉|用語)|見出し|集まり|会合|カタカナ|片仮名|横文字|外来語)/gu;

/** Spans of set phrases (greetings, 教えてください...) and classifiers, which no stage should read as content. */
export function setPhraseSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(SET_PHRASES), ...text.matchAll(CLASSIFIER)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length }))
    .sort((a, b) => a.start - b.start);
}

/**
 * A description set before a quoted name, ending in a noun that classes it (「市で選んだ地元の大切な
 * 宝物「小諸ふるさと遺産」は」): it says what the name is, which the name already tells; what is asked
 * is the name and the rest of the question. Not a name's owner (ふるさと納税の「返礼品」) nor a
 * question word before it (どんな「…」): the description must end in a kanji or katakana noun.
 */
const DESCRIBED_NAME = /(?<=^|[、,。\s])[^、,。\s「」]*?[\p{Script=Han}\p{Script=Katakana}ー](?=「[^「」]+」)/gu;

/**
 * The mayor as the holder of a view asked about (「市長の考えは」「小泉さんのお考え」): told, and what
 * the view is about is asked (地域のことは市民と一緒にやるという市長の考え: 地域, 市民). The report is
 * the mayor's: his name is in most entries and must not decide which view. Other holders
 * (市民の思い) are what the citizen asks about.
 */
const VIEW_HOLDER = /(?:小泉)?(?:市長|さん|氏)(?=の(?:お)?(?:考え|思い))|小泉(?=の(?:お)?(?:考え|思い))/gu;

/**
 * The mayor as the one who said or set what is asked about (「市長さんは教育をどうすると言っているの」,
 * 「市長さんは、…どんな目標を掲げて」): the report is his own account, so he names no topic; what he
 * said is asked.
 */
const MAYOR_SAYS = /(?:小泉)?市長(?:さん)?(?=は[^。？?]{2,40}?(?:と(?:言っ|いっ|おっしゃ|話し|述べ)|を?掲げ))/gu;

/**
 * When, told by what happened then (「後援会報が出た時点で」「市長になった当時」): the time of what
 * is asked, not its topic.
 */
const TIME_SETTING = /(?<=^|[、,。\s])[^、,。\s]{1,16}?[たる](?:時点|当時)(?:で|では|の|には)?/gu;

/**
 * Spans told rather than asked within an asked clause: a description before a quoted name (see
 * DESCRIBED_NAME), the holder of a view asked about (see VIEW_HOLDER), the mayor as the one who said
 * it (see MAYOR_SAYS) and a time told by an event (see TIME_SETTING).
 */
export function toldSpans(text: string): Span[] {
  return [
    ...text.matchAll(DESCRIBED_NAME),
    ...text.matchAll(VIEW_HOLDER),
    ...text.matchAll(MAYOR_SAYS),
    ...text.matchAll(TIME_SETTING),
  ]
    .map((m) => ({ start: m.index, end: m.index + m[0].length }))
    .sort((a, b) => a.start - b.start);
}

/**
 * Where the part of a long message worth analysing starts: the asked clauses, and before the
 * first of them the clauses within `budget` characters (at least the one just before it, which
 * often raises the topic; twice as far when the question points back without naming, and the
 * news heard that names the topic however far back). A long story's opening (a greeting, years of
 * life) ranks nothing the nearer clauses do not, and tokenising it was most of a long message's cost.
 */
export function storyCut(
  text: string,
  clauses: readonly Clause[] = questionClauses(text),
  budget = storyBudget,
): number {
  const first = focusSpans(text, clauses)[0];
  if (!first) return 0;
  const before = clauses.filter((c) => c.end <= first.start);
  // A question that points back without naming (あれは市が…): what it means is somewhere in the story.
  const reach = pointsBack(text, first) ? 2 * budget : budget;
  let cut = first.start;
  for (const clause of [...before].reverse()) {
    if (cut !== first.start && first.start - clause.start > reach) break;
    cut = clause.start;
  }
  // その3つ points to the clause that named the three things, however far back (referent.ts); その
  // 練習 to the last that names the 練習.
  const counting = clauseNamingCount(text, first, before);
  const pointed = namesByDemonstrative(text, first)
    ? before.findLast((c) => referentSpan(text, first, c) !== undefined)
    : undefined;
  // The news heard (〜が入ると聞きました) names the topic, however much is told after it.
  const heard = before.findLast((c) => raisesByHearsay(text, c));
  return Math.min(cut, counting?.start ?? cut, pointed?.start ?? cut, heard?.start ?? cut);
}

/** How many characters of the story before a question are analysed with it (see storyCut). */
export const storyBudget = 80;
