// Baton's own phrase rules: what a general sentiment lexicon cannot see in a client's email — intent to leave,
// legal threats, chasing, sarcasm, the idioms of complaint — in English and Italian. Each rule is a regular
// expression over the authored text (case-insensitive, whole words); its match is the evidence shown to people.
import type { SignalId } from './signals.models';

export type PhraseRule = {
  id: SignalId;
  weight: number;
  pattern: RegExp;
  /** Skipped when a negation ("not", "non", "nessun"…) stands just before it: "we do not want to cancel". */
  negatable: boolean;
};

type RuleSpec = [id: SignalId, weight: number, source: string, negatable?: boolean];

/** Whole words in any script: `\b` in JavaScript only knows ASCII, and Italian has "è", "perché", "più". */
function compile([id, weight, source, negatable = true]: RuleSpec): PhraseRule {
  return { id, weight, negatable, pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, 'giu') };
}

const W = String.raw`[\p{L}\p{N}']+`; // one word, in a pattern

const english: RuleSpec[] = [
  // Leaving: cancelling, terminating, not renewing, moving the account.
  [
    'cancellation',
    0.75,
    String.raw`cancel(?:l?ing|l?ed)?\s+(?:our|the|my|this|your)\s+(?:${W}\s+)?(?:contract|subscription|account|agreement|retainer|service|services|plan|membership|engagement)`,
  ],
  [
    'cancellation',
    0.75,
    String.raw`terminat(?:e|es|ing|ed|ion)\s+(?:of\s+)?(?:our|the|this|my|your)\s+(?:${W}\s+)?(?:contract|agreement|subscription|partnership|relationship|collaboration|engagement|retainer|services?)`,
  ],
  [
    'cancellation',
    0.75,
    String.raw`(?:notice|letter)\s+of\s+(?:termination|cancellation|withdrawal)|(?:give|given|giving|serve|served)\s+(?:you\s+)?(?:formal\s+|our\s+)?notice`,
  ],
  [
    'cancellation',
    0.75,
    String.raw`(?:will not|won't|not|no longer|decided not to)\s+(?:be\s+)?renew(?:ing)?\s+(?:our|the|this|your)`,
    false,
  ],
  [
    'cancellation',
    0.7,
    String.raw`(?:end|ending|close|closing|discontinue|discontinuing)\s+(?:our|the|this|my)\s+(?:${W}\s+)?(?:contract|agreement|collaboration|partnership|relationship|account|subscription)`,
  ],
  [
    'cancellation',
    0.7,
    String.raw`wind(?:ing)?\s+(?:things|it|this|everything)\s+down|withdraw(?:ing)?\s+from\s+(?:the|our|this)\s+(?:contract|agreement)`,
  ],
  [
    'cancellation',
    0.6,
    String.raw`(?:move|moving|take|taking|transfer|transferring)\s+(?:our|the)\s+(?:account|business)\s+(?:to|elsewhere)`,
  ],
  [
    'cancellation',
    0.6,
    String.raw`(?:stop|stopping|end|ending)\s+working\s+(?:together|with\s+you)|(?:partnership|collaboration|relationship)\s+(?:is|isn't|is not)\s+(?:not\s+)?working`,
    false,
  ],
  [
    'cancellation',
    0.7,
    String.raw`(?:not|no\s+longer)\s+(?:to\s+)?(?:require|need|extend|continue|use|want)\w*\s+(?:your|the|our)\s+(?:services|service|engagement|contract|collaboration|support|retainer|help)|(?:bring|bringing|take|taking|move|moving)\s+(?:[\p{L}']+\s+){0,3}?in[- ]house|(?:finish|finishing|complete|completing)\s+(?:the\s+|this\s+)?project\s+(?:with\s+our|ourselves|internally|in[- ]house)`,
    false,
  ],
  [
    'cancellation',
    0.6,
    String.raw`we(?:'re|\s+are)\s+done|(?:stop|halt|suspend)\w*\s+(?:the|this|our)\s+project|(?:whether|if)\s+we\s+should\s+(?:keep|continue|stay|renew)|why\s+(?:we\s+should|should\s+we)\s+(?:stay|continue|keep)`,
    false,
  ],
  // Legal threats.
  [
    'legal_threat',
    0.7,
    String.raw`breach\w*\s+(?:of\s+)?(?:the\s+|our\s+)?(?:contract|agreement|sla)|contract\s+(?:breached|in\s+breach)|consider\w*\s+(?:the\s+contract\s+|it\s+)?(?:breached|in\s+breach)`,
    false,
  ],
  [
    'legal_threat',
    0.75,
    String.raw`legal\s+(?:action|actions|steps|proceedings|measures|remedies|route)|lawsuit|(?:sue|suing)\s+(?:you|your)|take\s+(?:you|this|it)\s+to\s+court|small\s+claims|breach\s+of\s+contract`,
  ],
  [
    'legal_threat',
    0.7,
    String.raw`(?:our|my)\s+(?:lawyers?|attorneys?|counsel|solicitors?|legal\s+(?:team|department|counsel|advisers?|advisors?))\s+(?:will\s+(?:be\s+)?(?:in\s+touch|contact|contacting|write|writing|follow|handle|take)|(?:is|are)\s+(?:now\s+)?(?:involved|in\s+copy|copied|aware|looking\s+into)|(?:has|have)\s+been\s+(?:informed|instructed|involved|copied))`,
  ],
  [
    'legal_threat',
    0.7,
    String.raw`(?:escalat|refer|pass|hand|forward)\w*\s+(?:this|it|the\s+matter|the\s+case|everything)?\s*(?:on\s+)?to\s+(?:our|the|my)\s+(?:legal|lawyers?|attorneys?|solicitors?|counsel)`,
  ],
  [
    'legal_threat',
    0.7,
    String.raw`(?:involve|involving|instruct|instructing)\s+(?:our|a|my)\s+(?:lawyers?|attorneys?|solicitors?|legal\s+(?:team|department|counsel))`,
  ],
  [
    'legal_threat',
    0.5,
    String.raw`ombudsman|regulator|trading\s+standards|data\s+protection\s+authority|(?:report|reporting)\s+(?:you|this)\s+to`,
  ],
  // Another provider.
  [
    'competitor',
    0.5,
    String.raw`(?:another|a\s+different|other|different)\s+(?:[\p{L}-]+\s+)?(?:company|companies|printer|printers|agency|agencies|provider|providers|supplier|suppliers|vendor|vendors|firm|firms|consultancy|consultancies|consultant|consultants|partner|partners|contractor|contractors|studio)`,
  ],
  [
    'competitor',
    0.5,
    String.raw`(?:work|working|go|going|move|moving|switch|switching)\s+(?:with|to)\s+(?:someone|somebody)\s+else|(?:look|looking|go|going|take|taking|shop|shopping)\s+(?:our\s+business\s+)?elsewhere`,
  ],
  ['competitor', 0.3, String.raw`(?:better|cheaper|lower)\s+(?:price|prices|offer|quote|deal|proposal)`],
  [
    'competitor',
    0.35,
    String.raw`(?:review|reviewing|consider|considering|explore|exploring|weigh|weighing)\s+(?:our|other|the)\s+(?:options|alternatives)`,
  ],
  [
    'competitor',
    0.45,
    String.raw`(?:switch|switching|change|changing)\s+(?:provider|providers|supplier|suppliers|agency|agencies|vendor|vendors)`,
  ],
  // Chasing an answer.
  [
    'repeated_follow_up',
    0.45,
    String.raw`(?:second|third|fourth|fifth|sixth|umpteenth|nth|\d+(?:st|nd|rd|th))\s+(?:time|reminder|request|email|e-mail|message|follow[- ]?up|attempt|call)`,
  ],
  ['repeated_follow_up', 0.5, String.raw`(?:for|is)\s+the\s+(?:second|third|fourth|fifth|umpteenth)\s+time`],
  [
    'repeated_follow_up',
    0.5,
    String.raw`(?:written|wrote|asked|emailed|called|sent|chased|reached\s+out|contacted\s+you|requested)\b[^.!?\n]{0,40}?(?:twice|three\s+times|four\s+times|several\s+times|multiple\s+times|many\s+times|repeatedly|a\s+number\s+of\s+times|\w+\s+times)`,
  ],
  [
    'repeated_follow_up',
    0.3,
    String.raw`(?:as|like)\s+(?:i|we)\s+(?:already\s+|previously\s+|have\s+)?(?:said|mentioned|wrote|written|explained|stated|pointed\s+out|told\s+you)|as\s+(?:previously|already)\s+(?:mentioned|stated|requested|explained)`,
  ],
  [
    'repeated_follow_up',
    0.45,
    String.raw`per\s+(?:my|our)\s+(?:previous|last|earlier)\s+(?:e-?mail|message|request|note)|(?:my|our)\s+(?:last|previous)\s+(?:two|three|four|few|several|\d+)\s+(?:e-?mails|messages|requests|calls)`,
  ],
  [
    'repeated_follow_up',
    0.5,
    String.raw`still\s+(?:waiting|no\s+(?:answer|reply|response|news|word|update|feedback)|not\s+(?:received|heard)|have(?:n't|\s+not)\s+(?:received|heard|had|got))|(?:been|kept)\s+waiting`,
    false,
  ],
  [
    'repeated_follow_up',
    0.5,
    String.raw`(?:no\s+one|nobody|noone)\s+(?:[\p{L}']+\s+){0,3}?(?:has\s+|have\s+|ever\s+)?(?:answered|replied|responded|got\s+back|gets\s+back|called|returned|bothered|told|picked\s+up|answers|replies|responds|showed\s+up|reads|read)`,
    false,
  ],
  [
    'repeated_follow_up',
    0.45,
    String.raw`(?:chasing|chase)\s+(?:this|you|it|again|up)|(?:another|a\s+further|final|last)\s+reminder|writing\s+(?:again|once\s+more)`,
  ],
  ['repeated_follow_up', 0.45, String.raw`(?:remind\w*|ask\w*|tell\w*)\s+(?:you\s+)?(?:again|once\s+more|one\s+more\s+time)`],
  // Time pressure (not anger by itself).
  [
    'urgency',
    0.1,
    String.raw`urgent|urgently|asap|as\s+soon\s+as\s+(?:possible|you\s+can)|immediately|right\s+away|right\s+now|time[- ]sensitive|top\s+priority|(?:by|before)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|business)|eod|cob|close\s+of\s+business|tonight|noon|this\s+(?:afternoon|evening|morning)|today|tomorrow(?:\s+morning)?)|blocking|(?:reply|respond|call|answer|fix|sort|resolve|need|expect)\w*(?:\s+${W}){0,3}\s+today|today\s+(?:please|if\s+possible)`,
  ],
  // Complaint: outrage.
  [
    'complaint',
    0.6,
    String.raw`unacceptable|not\s+acceptable|disgrace(?:ful)?|appalling|outrageous|ridiculous|absurd|shocking|scandalous|furious|livid|fuming|infuriat\w+|incompeten\w+|unprofessional|pathetic|useless|terrible|horrible|awful|dreadful|atrocious|inexcusable|untenable|unbelievable`,
  ],
  [
    'complaint',
    0.6,
    String.raw`fed\s+up|sick\s+(?:and\s+tired\s+)?of|tired\s+of|had\s+enough|enough\s+is\s+enough|(?:lost|losing|run\s+out\s+of|running\s+out\s+of|out\s+of)\s+(?:my\s+|our\s+|all\s+)?patience|last\s+time\s+i(?:'m|\s+am)\s+asking|not\s+good\s+enough|(?:this\s+is\s+)?not\s+what\s+we\s+(?:agreed|asked\s+for|paid\s+for)|(?:have|'ve\s+got)\s+no\s+words|out\s+of\s+words|thanks\s+for\s+nothing|how\s+hard\s+can\s+it\s+be|how\s+many\s+(?:more\s+)?times|(?:don't|do\s+not)\s+know\s+how\s+else\s+to\s+(?:say|put|explain)|what\s+(?:exactly\s+)?(?:are|have)\s+we\s+(?:been\s+)?paying\s+(?:you\s+)?for|is\s+(?:there\s+)?anyone\s+(?:there|reading|listening)`,
    false,
  ],
  // Complaint: the writer says they are upset.
  [
    'complaint',
    0.5,
    String.raw`disappoint(?:ed|ing|ment)|unhappy|dissatisfied|frustrat(?:ed|ing|ion)|annoy(?:ed|ing)|upset|angry|misled|misleading|let\s+(?:us|me)\s+down|embarrass(?:ed|ing)|complain(?:t|ts|ing)?|hard\s+to\s+believe|(?:expected|expect)\s+(?:better|more)`,
  ],
  [
    'complaint',
    0.5,
    String.raw`not\s+(?:happy|satisfied|impressed|pleased)|very\s+poor|poor\s+(?:service|quality|communication|work|job)|(?:don't|do\s+not)\s+appreciate|(?:don't|do\s+not)\s+(?:know|understand|see)\s+why\s+we(?:'re|\s+are)\s+still|seriously\s*\?`,
    false,
  ],
  // Complaint: money and damage.
  [
    'complaint',
    0.55,
    String.raw`withhold\w*(?:\s+(?:the\s+|our\s+)?payment)?|(?:won't|will\s+not|refuse\s+to|not\s+going\s+to)\s+(?:be\s+)?pay(?:ing)?|(?:not|aren't)\s+paying`,
    false,
  ],
  [
    'complaint',
    0.5,
    String.raw`disput(?:e|es|ing)\s+(?:the\s+|your\s+|this\s+)?(?:invoice|charge|bill|amount)|(?:formally|officially)\s+disput\w+|(?:want|demand|expect|request|ask\s+for|require)\w*\s+(?:a\s+)?(?:full\s+|immediate\s+)?refund|costing\s+us|(?:lose|losing|lost)\s+(?:real\s+)?(?:money|sales|customers|clients|leads|orders|revenue|business)|charged\s+twice|double[- ]charged`,
  ],
  // Complaint: reproach and demands that want another cue to mean anger.
  [
    'complaint',
    0.4,
    String.raw`awkward\s+position|stop\s+(?:promising|sending|ignoring)|ignoring\s+(?:the\s+question|us|me|my)|every\s+(?:single\s+)?deadline`,
    false,
  ],
  ['complaint', 0.3, String.raw`(?:i\s+would|i'd|we\s+would|we'd|i|we)\s+(?:like\s+to\s+|want\s+to\s+)?(?:understand|know)\s+why|refund`],
  [
    'complaint',
    0.5,
    String.raw`shock(?:ed|ing)|speechless|dissatisf\w+|appalled|baffled|sloppy|careless|unreliable|amateur(?:ish)?|unprepared|(?:really|very|extremely|so|incredibly|pretty)\s+(?:poor|bad|disappointing|sloppy|careless)|(?:well\s+|far\s+)?below\s+(?:what\s+we|our|the|any)\s+(?:expect|standard)\w*`,
  ],
  ['complaint', 0.3, String.raw`(?:i'll|i\s+will|let\s+me)\s+be\s+(?:blunt|frank|honest)|to\s+be\s+(?:blunt|frank)`, false],
  ['blame', 0.3, String.raw`(?:asked|sent|made)\s+(?:you\s+)?a\s+(?:very\s+)?simple\s+(?:question|request)`, false],
  // Blame: accusatory questions and broken promises.
  [
    'blame',
    0.4,
    String.raw`why\s+(?:am\s+i|do\s+i|did(?:n't)?\s+(?:you|nobody|no\s+one)|have(?:n't)?\s+(?:you|i)|has(?:n't)?\s+(?:anyone|nobody|no\s+one)|was(?:n't)?\s+i|were(?:n't)?\s+we|is\s+(?:nobody|no\s+one)|on\s+earth)\b[^?\n]{0,120}\?|who\s+(?:approved|authori[sz]ed|decided|allowed|agreed\s+to|told\s+you\s+to)|which\s+one\s+is\s+(?:it|true|right|correct)\s*\?|(?:can|could)\s+(?:someone|anyone|you)\s+(?:please\s+)?explain\s+(?:to\s+(?:me|us)\s+)?(?:why|how)|how\s+(?:is\s+it\s+possible|can\s+(?:it|this)\s+be|could\s+this\s+happen)`,
    false,
  ],
  [
    'blame',
    0.45,
    String.raw`is\s+it\s+(?:too\s+much|really\s+(?:so|that)\s+hard|so\s+hard|that\s+hard)\s+to|(?:i|we)\s+should(?:n't|\s+not)\s+have\s+to|(?:don't|do\s+not)\s+(?:have\s+time|want)\s+to\s+keep\s+(?:explaining|asking|chasing|repeating)|(?:don't|do\s+not)\s+tell\s+me\s+(?:again\s+)?that|(?:not\s+going\s+to|won't|will\s+not)\s+(?:chase|keep\s+chasing|ask\s+again)`,
    false,
  ],
  [
    'blame',
    0.4,
    String.raw`(?:we\s+were|i\s+was)\s+(?:promised|assured|told|guaranteed)|(?:your\s+team|you)\s+(?:promised|assured\s+us|guaranteed)|(?:without|never)\s+(?:asking|telling|informing|consulting|warning)\s+(?:us|me)|(?:your|the)\s+(?:developer|developers|team|designer|trainer|consultant|agency|colleague|staff|people|support)\s+(?:[\p{L}']+\s+){0,2}?(?:pushed|sent|forgot|missed|broke|deleted|lost|ignored|failed|never|didn't|did\s+not)`,
    false,
  ],
  [
    'blame',
    0.45,
    String.raw`is\s+this\s+the\s+(?:level|standard|quality)\s+of|what(?:'s|\s+is)\s+going\s+on\s*\?|who\s+is\s+(?:actually\s+|really\s+)?(?:responsible|in\s+charge)\s+(?:for|of)|(?:don't|do\s+not)\s+understand\s+how\s+(?:you|it|this)|(?:doesn't|does\s+not|didn't|did\s+not)\s+(?:address|answer)\s+(?:any\s+of\s+)?(?:my|our)\s+(?:questions|concerns|points)|nobody\s+(?:[\p{L}']+\s+){0,3}?(?:warned|informed|notified|approved|checked|asked)`,
    false,
  ],
  [
    'complaint',
    0.5,
    String.raw`(?:complete|total|absolute|utter)\s+(?:mess|disaster|shambles|joke|nightmare|farce)|that's\s+enough|enough\s+(?:excuses|is\s+enough)|(?:this\s+is\s+)?(?:no|not\s+a|not\s+the)\s+way\s+to\s+treat|it's\s+(?:incredible|unbelievable)\s+that|wits'?\s+end`,
    false,
  ],
  ['sarcasm', 0.45, String.raw`guess\s+what\s+happened|nice\s+to\s+find\s+out|what\s+a\s+(?:nice\s+|lovely\s+)?surprise`, false],
  [
    'recurring_problem',
    0.4,
    String.raw`for\s+the\s+(?:second|third|fourth|fifth|sixth|\w+th)\s+(?:week|month|day|time)\s+(?:running|in\s+a\s+row)`,
    false,
  ],
  [
    'ultimatum',
    0.45,
    String.raw`we(?:'ll|\s+will)\s+(?:have\s+to|be\s+forced\s+to)\s+(?:use|go|find|look|cancel|terminate|take|move|involve|escalate|withhold|stop)`,
    false,
  ],
  [
    'legal_threat',
    0.5,
    String.raw`(?:solicitor|lawyer|attorney|counsel)s?\s+(?:has|have)\s+advised\s+us|all\s+(?:further\s+)?communications?\s+in\s+writing`,
    false,
  ],
  [
    'escalation',
    0.45,
    String.raw`(?:copying|copy|cc'?ing|writing\s+to|also\s+writing\s+to|informing)\s+(?:in\s+)?your\s+(?:manager|director|ceo|boss|managing\s+director|partners?)`,
    false,
  ],
  // Ultimatum: a deadline with a consequence.
  [
    'ultimatum',
    0.5,
    String.raw`(?:final|last)\s+(?:warning|notice|chance)|you\s+have\s+until|(?:or|otherwise|else)\s+(?:we(?:'ll|\s+will|\s+shall)|i(?:'ll|\s+will))\s+(?:have\s+to\s+)?(?:consider|stop|cancel|terminate|look|go|move|take|escalate|involve|withhold|be\s+forced)|either\s+[^.!?\n]{3,60}?\s+or\s+(?:we|i)\s|not\s+negotiable|non-negotiable|(?:cannot|can't|must\s+not|mustn't)\s+happen\s+again|(?:leaving|leave|give|giving)\s+(?:me|us)\s+(?:little|no)\s+(?:choice|option)`,
    false,
  ],
  // Escalation above the account owner.
  [
    'escalation',
    0.45,
    String.raw`(?:rais|escalat|tak|bring)\w*\s+(?:this|it|the\s+matter)\s+(?:up\s+)?(?:with|to)\s+(?:your\s+)?(?:managing\s+director|ceo|director|directors|management|board|boss|manager|senior\s+management|partners?)|(?:speak|talk|call|escalate)\w*\s+(?:to\s+|with\s+)?(?:your|a|the)\s+(?:manager|supervisor|boss|director|superior|managing\s+director|ceo)|or\s+(?:her|his|your)\s+manager`,
    false,
  ],
  // Damage: what the failure cost the client.
  [
    'damage',
    0.4,
    String.raw`(?:lost|losing|lose|cost|costing|cost\s+us)\s+(?:us\s+)?(?:[\p{L}']+\s+){0,2}?(?:money|sales|customers|clients|orders|leads|revenue|business|data|history|records|deal|contract)|(?:our|the)\s+(?:shop|site|store|website|server|email|system|platform|app)\s+(?:was|has\s+been|is|were|went)\s+(?:down|offline|dead|unavailable)`,
    false,
  ],
  ['damage', 0.3, String.raw`at\s+risk|in\s+jeopardy|jeopardi[sz]ed|penalt(?:y|ies)`, false],
  // Time gone by, in a complaint.
  [
    'repeated_follow_up',
    0.3,
    String.raw`(?:it's\s+been|it\s+has\s+been|took|taken|been\s+in\s+\w+\s+since|waiting\s+for)\s+(?:(?:only|now|over|almost|nearly)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+(?:days|weeks|months)|and\s+still\s+(?:no|not|nothing|haven't|hasn't|waiting)|still\s+nothing|since\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)`,
    false,
  ],
  // Praise that opens onto a failure: sarcasm.
  [
    'sarcasm',
    0.5,
    String.raw`(?<=(?:^|[.!?\n])\s*)(?:(?:oh|ah|wow|well)[,!]?\s+)?(?:great|wonderful|fantastic|brilliant|perfect|lovely|nice|excellent|amazing|awesome|super|bravo|well\s+done|love\s+(?:that|it)|thanks\s+a\s+lot)\b[^.!?\n]{0,12}[,.!]?[\s\S]{0,100}?\b(?:down|broken|offline|crash\w*|wrong|errors?|missing|late|(?<!thanks\s|thank\syou\s)again|still\s+(?:broken|down|wrong|not|no|missing|waiting|showing|offline)|another\s+(?:invoice|delay|bug|error|outage|mistake|problem|issue)|never|nobody|no\s+one|not\s+working|failed|lost)`,
    false,
  ],
  ['sarcasm', 0.5, String.raw`(?:thanks|thank\s+you)\b[^.!?\n]{0,40},\s*i\s+(?:guess|suppose)`, false],
  [
    'sarcasm',
    0.45,
    String.raw`["“'](?:quick|fast|rapid|prompt|speedy|on\s+track|simple|small|easy|two-day|one-day|urgent|in\s+the\s+queue)["”']|only\s+took\s+(?:[\p{L}\d]+\s+)?(?:days|weeks|months)`,
    false,
  ],
  // The same failure coming back.
  [
    'recurring_problem',
    0.3,
    String.raw`(?:down|broken|wrong|offline|late|failing|crashed|missing)\s+again|again\?+|yet\s+again|once\s+again|(?:every|each)\s+(?:single\s+)?time|(?:becoming|is)\s+a\s+pattern|(?:second|third|fourth|fifth)\s+time\s+(?:this|in\s+a|in\s+two)\s+(?:week|month|year|row)|(?:months?|weeks?|times)\s+in\s+a\s+row|still\s+(?:broken|down|wrong|offline|missing|not\s+(?:working|fixed|live|done|resolved))`,
    false,
  ],
];

/** An Italian word, or an elided article or preposition glued to the next one ("l'abbonamento", "dell'anno"). */
const IW = String.raw`(?:[\p{L}\p{N}]+\s+|\p{L}{1,5}'\s*)`;

const italian: RuleSpec[] = [
  // Andarsene: disdetta, recesso, mancato rinnovo, cambio di fornitore.
  ['cancellation', 0.75, String.raw`disdett[ae]|recesso|recedere|recediamo|receder\w+`],
  [
    'cancellation',
    0.75,
    String.raw`disdir\w*\s+${IW}{0,2}(?:contratto|abbonamento|servizio|rapporto|accordo|incarico|mandato|collaborazione)|(?:risolvere|risoluzione|rescindere|rescissione|interrompere|interruzione|chiudere|chiusura|cessare|cessazione)\s+${IW}{0,2}(?:contratto|abbonamento|rapporto|accordo|incarico|collaborazione)`,
  ],
  [
    'cancellation',
    0.75,
    String.raw`(?:non|più)\s+${IW}{0,2}rinnov\w+\s+(?:il\s+|l'\s*|lo\s+|la\s+|i\s+|gli\s+)?(?:contratto|abbonamento|accordo|incarico|servizio)`,
    false,
  ],
  ['cancellation', 0.6, String.raw`(?:collaborazione|rapporto)\s+(?:non\s+)?funzion\w+\s+più|non\s+funziona\s+più\s+per\s+noi`, false],
  [
    'cancellation',
    0.6,
    String.raw`(?:passare|passeremo|passiamo|spostare|sposteremo|spostiamo)\s+(?:a|ad|ad\s+un|a\s+un|a\s+un')\s*(?:altr[oa]|nuov[oa])\s+(?:fornitore|agenzia|studio|società|consulente|partner)`,
  ],
  [
    'cancellation',
    0.7,
    String.raw`non\s+(?:avvalerci|avvalersi|servirci|proseguire|continuare)\s+(?:più\s+)?(?:della\s+vostra|dei\s+vostri|del\s+vostro|l'incarico|il\s+rapporto|la\s+collaborazione|il\s+contratto)|(?:passerà|passeranno|passa|passiamo|passeremo|affideremo|affidiamo)\s+(?:a|ad)\s+(?:un\s+|un'\s*|una\s+)?altr[oa]`,
    false,
  ],
  [
    'cancellation',
    0.6,
    String.raw`chiudiamo\s+qui|finisce\s+qui|(?:fermiamo|fermeremo|sospendiamo|sospenderemo|blocchiamo)\s+(?:il|i|tutto\s+il)\s+progett\w+|(?:valga|vale)\s+(?:ancora\s+)?la\s+pena\s+(?:di\s+)?(?:continuare|proseguire|andare\s+avanti)|perché\s+dovremmo\s+(?:restare|rimanere|continuare)|(?:finiamo|finiremo|completiamo|completeremo)\s+(?:[\p{L}']+\s+){0,4}?(?:internamente|interno|da\s+soli)|(?:abbia|ha)\s+ancora\s+senso\s+(?:tenere|continuare|proseguire|rinnovare)`,
    false,
  ],
  // Minacce legali.
  [
    'legal_threat',
    0.7,
    String.raw`(?:mettendo\s+|metto\s+|mettiamo\s+)?in\s+copia\s+(?:il\s+)?(?:mio|nostro)\s+(?:avvocato|legale)|(?:avvocato|legale)\s+in\s+copia|nelle\s+sedi\s+(?:opportune|competenti)|vie\s+formali|inadempi\w+`,
    false,
  ],
  [
    'legal_threat',
    0.75,
    String.raw`vie\s+legali|azion[ei]\s+legal[ei]|tribunale|denuncia|diffid\w+|messa\s+in\s+mora|decreto\s+ingiuntivo|risarcimento|danni\s+subiti|inadempien\w+`,
  ],
  [
    'legal_threat',
    0.7,
    String.raw`(?:nostro|mio)\s+(?:avvocato|legale|studio\s+legale)\s+(?:vi\s+|la\s+|ti\s+|ci\s+)?(?:contatterà|scriverà|sentirà|farà|procederà|valuterà|ha\s+(?:già\s+)?(?:esaminato|ricevuto|preparato|inviato|valutato)|è\s+(?:già\s+)?(?:stato\s+)?(?:informato|coinvolto|incaricato|in\s+copia)|sta\s+(?:valutando|esaminando|preparando))`,
  ],
  [
    'legal_threat',
    0.7,
    String.raw`(?:passare|passeremo|girare|gireremo|coinvolgere|coinvolgeremo|affidare|affideremo)\s+${IW}{0,2}(?:al|ai|all')\s*(?:nostro\s+)?(?:ufficio\s+legale|legale|legali|avvocato|avvocati)`,
  ],
  ['legal_threat', 0.5, String.raw`garante\s+(?:della\s+)?privacy|associazion\w+\s+(?:di\s+)?consumatori|segnalazione\s+(?:al|all')`],
  // Un altro fornitore.
  [
    'competitor',
    0.5,
    String.raw`(?:altr[oaie]|un\s+altr[oa]|un'altra|divers[oaie])\s+(?:fornitor[ei]|agenzi[ae]|studi[o]?|societ[àa]|consulent[ei]|partner|professionist[ai])`,
  ],
  [
    'competitor',
    0.5,
    String.raw`(?:rivolger\w*|rivolgerò|rivolgeremo)\s+(?:a|ad)\s+(?:un'\s*altr[oa]|un\s+altr[oa]|qualcun\s*'?\s*altro|altri|altre)|(?:altr[oaie]|un\s+altr[oa]|un'altra)\s+(?:tipografi[ae]|ditt[ae]|aziend[ae])`,
  ],
  [
    'competitor',
    0.5,
    String.raw`(?:rivolger\w*|rivolgerò|rivolgeremo|rivolgiamo|guardarci|cercare|cercheremo|andare|andremo)\s+altrove|cambiare\s+(?:fornitore|agenzia|studio|consulente)`,
  ],
  ['competitor', 0.3, String.raw`(?:preventiv[oi]|offert[ae]|prezz[oi])\s+${IW}{0,2}(?:più\s+)?(?:convenient[ei]|vantaggios[oi]|bass[oi])`],
  [
    'competitor',
    0.35,
    String.raw`(?:valut\w+|considerare|consideriamo)\s+${IW}{0,2}(?:altre\s+(?:soluzioni|opzioni|offerte|proposte)|alternative)`,
  ],
  // Solleciti.
  [
    'repeated_follow_up',
    0.5,
    String.raw`(?:per|è|e')\s+(?:la\s+|l'\s*)?(?:seconda|terza|quarta|quinta|sesta|ennesima)\s+volta|(?:seconda|terza|quarta|quinta|ennesima)\s+volta\s+che|(?:secondo|terzo|quarto|ennesimo|ulteriore|ultimo)\s+sollecito`,
  ],
  ['repeated_follow_up', 0.3, String.raw`sollecit\w+`],
  // "Non ho ancora ricevuto" is often a plain status; it counts only beside another cue.
  ['repeated_follow_up', 0.3, String.raw`(?:non|nessuno)\s+${IW}{0,2}ancora\s+(?:ricevut|rispost|avut|sentit|arrivat|fatt)\w*`, false],
  [
    'repeated_follow_up',
    0.45,
    String.raw`(?:ricordar\w*|ricordo|chieder\w*|chiedo|dirvelo|ripeter\w*|ripeto)\W+(?:di\s+nuovo|ancora\s+una\s+volta|nuovamente)`,
  ],
  [
    'repeated_follow_up',
    0.5,
    String.raw`ancora\s+(?:nessuna|nessun|niente|nulla)|ancora\s+non\s+${IW}{0,2}(?:ricevut|rispost|avut|sentit|arrivat|fatt)\w*|sempre\s+in\s+attesa|ancora\s+in\s+attesa|attendiamo\s+ancora|(?:giorni|settimane)\s+che\s+aspett\w+`,
    false,
  ],
  [
    'repeated_follow_up',
    0.3,
    String.raw`come\s+(?:già|gia')\s+(?:scritto|detto|segnalato|comunicato|indicato|spiegato|richiesto|chiesto)|come\s+da\s+(?:mia|nostra)\s+(?:precedente|ultima)\s+(?:mail|e-?mail|comunicazione|richiesta)|(?:nelle|le)\s+(?:mie\s+)?(?:due|tre|quattro|ultime|precedenti)\s+(?:mail|e-?mail|comunicazioni)\s+precedenti`,
  ],
  [
    'repeated_follow_up',
    0.5,
    String.raw`nessuno\s+(?:mi\s+|ci\s+|vi\s+|le\s+|li\s+|la\s+|lo\s+)?(?:ha\s+|abbia\s+)?(?:risposto|risponde|richiama|richiamato|legge|letto|leggono|avvisat\w*|detto|spiegato|informat\w*|fatto\s+sapere|presentato|si\s+(?:è|e')\s+(?:fatto|presentato|preso))|(?:senza|nessuna)\s+(?:alcuna\s+)?(?:risposta|riscontro)`,
    false,
  ],
  [
    'repeated_follow_up',
    0.5,
    String.raw`(?:ho|abbiamo)\s+(?:già\s+)?(?:scritto|chiesto|cercato|chiamato|sollecitato|mandato)\b[^.!?\n]{0,30}?(?:più\s+volte|due\s+volte|tre\s+volte|varie\s+volte|diverse\s+volte|ripetutamente|\w+\s+volte)|l'(?:ho|abbiamo)\s+(?:già\s+)?(?:chiesto|detto|scritto)\s+(?:\w+\s+)?(?:due|tre|quattro|più|varie|diverse|mille)\s+volte`,
    false,
  ],
  // Urgenza (non è rabbia da sola).
  [
    'urgency',
    0.1,
    String.raw`urgente|urgenti|urgenza|urgentemente|al\s+più\s+presto|quanto\s+prima|(?:il\s+)?prima\s+possibile|immediatamente|subito|entro\s+(?:oggi|stasera|stamattina|domani|domattina|fine\s+giornata|la\s+giornata|mezzogiorno|le\s+(?:ore\s+)?\d+)|oggi\s+stesso|in\s+giornata|tempestivamente|bloccant[ei]|bloccat[oi]`,
  ],
  // Lamentele: indignazione.
  [
    'complaint',
    0.6,
    String.raw`inaccettabil\w*|non\s+(?:è\s+)?accettabile|vergogn\w+|scandalos\w+|ridicol\w+|assurd\w+|pessim\w+|indecente|indegn\w+|furios\w+|arrabbiat\w+|infuriat\w+|inammissibile|incompeten\w+|poco\s+professional\w+|non\s+professional\w+|insostenibile|intollerabile`,
  ],
  [
    'complaint',
    0.6,
    String.raw`(?:sono|siamo)\s+stuf\w+|(?:sono|siamo)\s+stanch\w+\s+di|pazienza\s+(?:è\s+)?finita|(?:perdendo|perso)\s+la\s+pazienza|ho\s+avuto\s+pazienza|non\s+ho\s+parole|non\s+ci\s+sono\s+parole|pres[oi]\s+in\s+giro|prendendo\s+in\s+giro|così\s+non\s+(?:va|si\s+può)|grazie\s+(?:di|per)\s+niente|cosa\s+stiamo\s+pagando|possibile\s+che|c'è\s+qualcuno|ultima\s+volta\s+che\s+(?:lo\s+)?chiedo|non\s+è\s+quello\s+che\s+avevamo\s+concordato|quante\s+volte|non\s+so\s+più\s+come\s+(?:dirvelo|dirlo|spiegarvelo)`,
    false,
  ],
  // Lamentele: chi scrive dice di essere scontento.
  [
    'complaint',
    0.5,
    String.raw`delus[oaie]|delusione|deludent\w+|insoddisfatt\w+|scontent\w+|amareggiat\w+|frustrat\w+|frustrant\w+|seccat\w+|infastidit\w+|irritat\w+|sconcertat\w+|imbarazz\w+|lamentar\w*|lamento|lamentel\w+|reclam\w+`,
  ],
  [
    'complaint',
    0.5,
    String.raw`non\s+(?:sono\s+|siamo\s+)?(?:content[oi]|soddisfatt\w+)|(?:mi|ci)\s+aspettav\w+\s+(?:di\s+più|di\s+meglio|meglio|altro)|(?:non\s+)?(?:accetto|accettiamo)\s+che|(?:faccio|facciamo)\s+fatica\s+a\s+credere|stento\s+a\s+credere|(?:sono|siamo)\s+rimast[oaie]\s+(?:\p{L}+\s+)?male|(?:non\s+so|non\s+capisco)\s+(?:più\s+)?perché\s+(?:continuiamo|stiamo\s+ancora|lavoriamo\s+ancora)|(?:ma\s+)?sul\s+serio\s*\?`,
    false,
  ],
  // Lamentele: soldi e danni.
  [
    'complaint',
    0.55,
    String.raw`non\s+(?:la\s+|le\s+|lo\s+)?(?:pagheremo|paghiamo|pagherò|pago)|sospend\w+\s+(?:il\s+|i\s+)?pagament\w+`,
    false,
  ],
  [
    'complaint',
    0.5,
    String.raw`contestiam\w+|contestazion\w+|(?:chiediamo|chiedo|pretendiamo|esigiamo|vogliamo|voglio)\s+(?:il\s+|un\s+)?rimborso|sta\s+costando|(?:perdiamo|perdendo|abbiamo\s+perso)\s+(?:\p{L}+\s+)?(?:soldi|clienti|ordini|vendite|contatti|fatturato)|addebitat\w+\s+due\s+volte`,
  ],
  // Lamentele: rimproveri e richieste che vogliono un altro indizio.
  [
    'complaint',
    0.4,
    String.raw`smettetela|smettere\s+di\s+promettere|fa(?:r|re)\s+finta\s+di\s+niente|ogni\s+scadenza|avevate\s+promesso|aveva\s+promesso|(?:mi|ci)\s+avete\s+promesso|poco\s+seri[oa]|poca\s+serietà`,
    false,
  ],
  [
    'complaint',
    0.5,
    String.raw`sotto\s+le\s+aspettative|al\s+di\s+sotto\s+(?:delle|di\s+ogni)|non\s+so\s+(?:cosa|che)\s+dire|senza\s+parole|basit\w+|sconvolt\w+|allibit\w+|sfogo|(?:siamo|sono)\s+al\s+limite|figuracc\w+|(?:davvero|molto|decisamente|proprio)\s+(?:scars\w+|scadent\w+|deludent\w+)|non\s+si\s+capisce\s+più\s+niente|(?:ritengo|riteniamo|trovo|troviamo)\s+(?:[\p{L}']+\s+)?(?:inaccettabil\w+|non\s+accettabil\w+)|non\s+(?:la|lo|li|le)\s+(?:ritengo|riteniamo)\s+accettabil\w+`,
  ],
  ['complaint', 0.3, String.raw`te\s+lo\s+dico\s+chiaramente|(?:sarò|sono)\s+franc[oa]|lo\s+dico\s+chiaramente`, false],
  [
    'blame',
    0.3,
    String.raw`(?:ho|abbiamo)\s+(?:fatto|chiesto|posto)\s+(?:una\s+)?(?:domanda|cosa|richiesta)\s+(?:molto\s+)?(?:semplice|banale)`,
    false,
  ],
  // Colpe: domande accusatorie e promesse mancate.
  [
    'blame',
    0.4,
    String.raw`come\s+(?:è|sia)\s+possibile|com'è\s+possibile|mi\s+chiedo\s+come|è\s+normale\s+che|vi\s+rendete\s+conto|fatemi\s+capire|chi\s+(?:vi\s+)?(?:ha\s+)?(?:autorizzato|deciso|approvato|permesso)|perché\s+(?:devo|dobbiamo|ho\s+dovuto|abbiamo\s+dovuto)\s+(?:scoprire|sapere|venire\s+a\s+sapere)|(?:ho|abbiamo)\s+dovuto\s+scoprire|(?:siete|sei)\s+ancora\s+in\s+attività|(?:mi|ci)\s+spiegate\s+come`,
    false,
  ],
  [
    'blame',
    0.45,
    String.raw`(?:è|sarebbe)\s+chiedere\s+troppo|non\s+dovrei\s+(?:essere\s+io\s+a|dover)|non\s+ho\s+(?:più\s+)?(?:tempo|voglia)\s+(?:per|di)\s+(?:rispiegare|ripetere|sollecitare|rincorrer\w+)|(?:non\s+ho\s+intenzione\s+di\s+)?(?:rincorrervi|inseguirvi)|non\s+(?:ditemi|dirmi)\s+(?:di\s+nuovo|ancora)\s+che`,
    false,
  ],
  [
    'blame',
    0.4,
    String.raw`(?:ci|mi)\s+(?:era|erano|è|è\s+stato|era\s+stato|erano\s+stati)\s+(?:stat[oa]\s+)?(?:promess\w+|garantit\w+|assicurat\w+)|(?:ci|mi)\s+avevate\s+(?:garantito|promesso|assicurato)|senza\s+(?:chiederci|dirci|avvisarci|consultarci|averci\s+detto)|vi\s+aveva?(?:mo)?\s+(?:chiesto|detto|pregato)\s+(?:espressamente|chiaramente|di\s+non)|(?:lo|l')\s*avete\s+fatto\s+(?:lo\s+stesso|comunque)`,
    false,
  ],
  [
    'blame',
    0.45,
    String.raw`chi\s+(?:ne\s+)?rispond\w+\s*\?|chi\s+(?:è|sia)\s+(?:davvero\s+)?(?:il\s+)?responsabile|non\s+capisco\s+come\s+(?:possiate|abbiate|sia\s+possibile)|è\s+questo\s+il\s+(?:livello|modo)|che\s+(?:cosa\s+)?(?:sta\s+)?succede(?:ndo)?\s*\?|non\s+risponde\s+a\s+nessuna\s+delle\s+(?:mie|nostre)\s+domande|nessuno\s+(?:ci\s+|mi\s+)?(?:ha\s+)?(?:avvisat\w+|informat\w+|approvat\w+|controllat\w+)`,
    false,
  ],
  [
    'complaint',
    0.5,
    String.raw`(?:adesso|ora)\s+basta|basta\s+(?:così|rinvii|scuse)|non\s+(?:mi\s+sembra|è)\s+(?:il\s+)?modo\s+di\s+(?:trattar\w+|lavorare|comportarsi)|(?:mi\s+sembra|trovo|è)\s+incredibile\s+che|non\s+ci\s+siamo(?:\s+proprio)?(?=\s*[.!,;])|non\s+si\s+riesce\s+a\s+(?:risolvere|ottenere|avere)\s+(?:niente|nulla)|(?:è\s+stato\s+un|un\s+vero)\s+disastro|(?:disastro|pasticcio|casino)\s+(?:totale|completo)|esasperat\w+`,
    false,
  ],
  ['sarcasm', 0.45, String.raw`che\s+bello\s+scoprire|(?:bella|bella\s+)?sorpresa\s*!|indovinate\s+(?:cosa|un\s+po')`, false],
  ['recurring_problem', 0.4, String.raw`(?:second|terz|quart|quint)[oa]\s+[\p{L}']+(?:\s+[\p{L}']+)?\s+di\s+fila`, false],
  ['ultimatum', 0.45, String.raw`saremo\s+costrett\w+\s+(?:a|ad)|dovremo\s+(?:rivolgerci|annullare|disdire|sospendere|procedere)`, false],
  ['repeated_follow_up', 0.5, String.raw`(?:sto|stiamo|siamo|sono)\s+ancora\s+(?:aspettando|in\s+attesa)`, false],
  [
    'escalation',
    0.45,
    String.raw`(?:scrivo|scriverò|scriviamo|metto\s+in\s+copia|mettendo\s+in\s+copia|coinvolgo|coinvolgerò)\s+(?:anche\s+)?(?:al\s+|il\s+)?vostr[oa]\s+(?:titolare|direttore|direttrice|responsabile|amministratore\s+delegato)`,
    false,
  ],
  // Ultimatum.
  [
    'ultimatum',
    0.5,
    String.raw`ultimo\s+avviso|ultima\s+possibilità|ultimatum|altrimenti\s+(?:saremo|dovremo|procederemo|ci\s+rivolgeremo|considereremo|chiuderemo|sospenderemo|passeremo)|avete\s+tempo\s+fino\s+a|(?:^|[\s,;:])o\s+[^.!?\n]{3,60}?\s+o\s+(?:fermiamo|chiudiamo|ci|passiamo|sospendiamo|disdiciamo)|non\s+(?:deve|dovrà)\s+(?:più\s+)?(?:succedere|ripetersi|capitare)|su\s+questo\s+non\s+si\s+discute|non\s+è\s+negoziabile|non\s+mi\s+lasciate\s+(?:molta\s+|altra\s+)?scelta|per\s+l'ultima\s+volta`,
    false,
  ],
  // Escalation sopra il referente.
  [
    'escalation',
    0.45,
    String.raw`(?:incontro|parlare|parlarne|colloquio)\s+con\s+(?:la\s+|il\s+|un\s+)?(?:direzione|vostr[oa]\s+(?:direttore|direttrice|responsabile|titolare)|responsabile|direttore|titolare|amministratore\s+delegato|superiore)|all'attenzione\s+(?:del|della|dei)\s+(?:vostr[oa]\s+)?(?:direzione|direttore|amministratore|titolare|responsabile|soci)|oppure\s+(?:il\s+suo|la\s+sua|il\s+vostro)\s+(?:responsabile|superiore)`,
    false,
  ],
  // Danni subiti.
  [
    'damage',
    0.4,
    String.raw`(?:abbiamo\s+)?pers[oi]\s+(?:[\p{L}']+\s+){0,2}?(?:\d[\d.,]*\s*(?:euro|€)|contribut\w+|clienti|ordini|soldi|la\s+gara|il\s+bando|lo\s+storico|dati|vendite|contatti)|(?:sito|server|gestionale|posta|negozio|e-?commerce|app)\s+(?:[\p{L}']+\s+){0,2}?(?:ferm[oi]|giù|offline|bloccat\w+|crollat\w+|caduto)|si\s+blocca\s+(?:[\p{L}']+\s+){0,3}?(?:volte|ogni)`,
    false,
  ],
  ['damage', 0.3, String.raw`a\s+rischio|sanzion\w+|penal[ei]|interessi\s+di\s+mora`, false],
  // Tempo passato, in una lamentela.
  [
    'repeated_follow_up',
    0.3,
    String.raw`sono\s+passat[ie]\s+(?:[\p{L}\d]+\s+)?(?:giorni|settimane|mesi)|sono\s+(?:giorni|settimane|mesi)\s+che|da\s+(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)|(?:secondo|terzo|quarto|ennesimo)\s+rinvio|e\s+ancora\s+(?:niente|nulla|nessun\w*)`,
    false,
  ],
  ['complaint', 0.3, String.raw`rimbors\w+|disservizi\w*|in\s+(?:grossa\s+|forte\s+)?difficoltà`],
  [
    'complaint',
    0.3,
    String.raw`vorrei\s+capire\s+(?:per\s+quale\s+motivo|perché|come\s+mai)|(?:mi|ci)\s+spiegate\s+(?:il\s+motivo|perché|come\s+mai)|qualcuno\s+mi\s+(?:spiega|sa\s+dire)`,
  ],
  // Lodi che introducono un disastro: sarcasmo.
  [
    'sarcasm',
    0.5,
    String.raw`(?<=(?:^|[.!?\n])\s*)(?:(?:ah|oh|beh|wow)[,!]?\s+)?(?:complimenti|bravi|bravissimi|ottimo\s+lavoro|bel\s+lavoro|perfetto|benissimo|fantastico|splendido|bello\s+vedere|che\s+bello|grazie\s+tante|bellissimo)\b[^.!?\n]{0,12}[,.!]?[\s\S]{0,100}?(?:offline|giù|rott[oaie]|sbagliat\w+|errore|errori|manca\w*|ritardo|di\s+nuovo|ancora\s+(?:rott\w+|sbagliat\w+|offline|giù|ferm\w+|in\s+ritardo|non)|un'altra|un\s+altro|mai|nessuno|non\s+funziona|caduto|pers[oi])(?![\p{L}])`,
    false,
  ],
  ['sarcasm', 0.5, String.raw`grazie\b[^.!?\n]{0,40},\s*(?:immagino|suppongo|credo)`, false],
  [
    'sarcasm',
    0.45,
    String.raw`meno\s+male\s+che|ottimo\s+tempismo|tempismo\s+perfetto|["“'](?:rapid\w*|rapidissim\w*|veloc\w*|in\s+lavorazione|di\s+due\s+giorni|semplice|a\s+prova\s+di\s+[^"”'\n]{1,30})["”']`,
    false,
  ],
  // Lo stesso guasto che torna.
  [
    'recurring_problem',
    0.3,
    String.raw`di\s+nuovo\s+(?:offline|giù|rott\w+|sbagliat\w+|in\s+ritardo|ferm\w+)|(?:è|sono)\s+di\s+nuovo|di\s+nuovo\?+|ancora\s+una\s+volta|(?:ogni|tutte\s+le)\s+volt[ae]|(?:seconda|terza|quarta)\s+volta\s+(?:questo|questa|in\s+un|in\s+una|nello\s+stesso|nella\s+stessa)\s+(?:mese|settimana|anno)|(?:mesi|settimane)\s+consecutiv\w+|mese\s+consecutivo|ancora\s+(?:rott\w+|sbagliat\w+|offline|giù|ferm\w+)|(?:un'|un\s+)abitudine`,
    false,
  ],
];

export const PHRASE_RULES: Record<'en' | 'it', readonly PhraseRule[]> = {
  en: english.map(compile),
  it: italian.map(compile),
};

/** Negators that are pronouns: they negate what follows closely ("nothing urgent") but not a later verb. */
export const PRONOUN_NEGATORS: ReadonlySet<string> = new Set(['nothing', 'nobody', 'niente', 'nulla', 'nessuno']);
export const PRONOUN_LINKS: ReadonlySet<string> = new Set(['di', 'da', 'of', 'too', 'so', 'that', 'really', 'particularly']);

/** Words that soften what follows them ("a bit annoying", "un po' scomodo"): the rule counts half. */
export const HEDGES: readonly string[] = ['a bit', 'a little', 'slightly', 'somewhat', 'un po', 'un pochino', 'leggermente', 'un filo'];

/** Words that negate what follows them within a few words ("not a problem", "nessun problema", "niente di grave"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'without',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "won't",
  "can't",
  'cannot',
  "haven't",
  "hasn't",
  "wouldn't",
  "shouldn't",
  'non',
  'nessun',
  'nessuno',
  'nessuna',
  "nessun'",
  'niente',
  'nulla',
  'mai',
  'senza',
  'né',
]);

/**
 * Friction words, by kind. One kind is ordinary business talk ("still on for Monday?", "an error in the
 * invoice"); several kinds in one message — persistence, failure, absolutes, pointed address, time gone by —
 * are how an upset client writes when no stock phrase is used.
 */
export type FrictionKind = 'persistence' | 'failure' | 'absolute' | 'address' | 'elapsed';
type FrictionSpec = [kind: FrictionKind, source: string, negatable?: boolean];

const NUMBER_EN = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|several|many)`;
const NUMBER_IT = String.raw`(?:\d+|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|quindici|venti|diversi|diverse|molti|molte)`;

const frictionEnglish: FrictionSpec[] = [
  [
    'persistence',
    String.raw`still|(?<!thanks\s|thank\syou\s)again|yet|another\s+(?:week|day|month|delay|excuse|error|mistake|problem|issue|invoice)|every\s+(?:time|week|month|single)|always|never|ever|finally|actually|even|any\s*more|once\s+more|(?:weeks?|months?|days?)\s+running|in\s+a\s+row`,
  ],
  [
    'failure',
    String.raw`wrong|errors?|mistakes?|missed|late|broken|failed|fails|failing|crash\w*|rejected|ignored|excuses?|mess|disaster|wast(?:e|ed|ing)|lost|outage|down|bugs?|doesn't\s+work|not\s+working|does\s+not\s+work`,
    true,
  ],
  [
    'absolute',
    String.raw`completely|totally|entirely|utterly|whole|not\s+(?:one|a\s+single)|none\s+of|any\s+of\s+(?:my|our|the)|nothing(?!\s+(?:urgent|serious|major|important|to\s+worry|wrong\s+with))|nobody|no\s+one|absolutely|seriously|frankly|honestly|clearly|plainly|to\s+say\s+the\s+least`,
  ],
  [
    'address',
    String.raw`you've|you\s+(?:didn't|did\s+not|never|sent|told|said|promised|ignored|missed|forgot|keep)|your\s+(?:team|designer|developer|developers|recruiter|staff|people|support|consultant|colleague|side)|on\s+your\s+side|(?:we're|we\s+are|we've\s+been|we\s+have\s+been)\s+paying|we\s+pay\s+you|paid\s+you`,
  ],
  [
    'elapsed',
    String.raw`${NUMBER_EN}\s+(?:days|weeks|months)|since\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last\s+\w+|january|february|march|april|may|june|july|august|september|october|november|december)|a\s+(?:week|month)\s+(?:ago|late)`,
  ],
];

const frictionItalian: FrictionSpec[] = [
  [
    'persistence',
    String.raw`(?<!grazie\s)ancora|di\s+nuovo|sempre|mai|ennesim\w+|finalmente|nemmeno|neanche|neppure|ogni\s+(?:volta|settimana|mese|giorno|aggiornamento)|di\s+fila|consecutiv\w+|continuamente|ripetutamente|basta|più\s+volte|un'altra\s+volta`,
  ],
  [
    'failure',
    String.raw`sbagliat\w+|sballat\w+|error[ei]|rott[oaie]|rompe|rompono|fallit\w+|respint\w+|rifiutat\w+|ignorat\w+|scuse|pasticci\w*|disastr\w+|casino|ritard[oi]|rinvi[oi]|pers[oaie]|ferm[oi]|bloccat\w+|guast\w+|disservizi\w*|non\s+funziona|non\s+accetta|manca(?:va|vano|no)?|mancant\w+|scadut\w+|non\s+(?:è\s+)?valid\w+|non\s+esiston\w+|senza\s+(?:alcuna\s+)?autorizzazione|senza\s+(?:avvisarci|dirci|preavviso)`,
    true,
  ],
  [
    'absolute',
    String.raw`completamente|totalmente|del\s+tutto|proprio|nessun[oa]?(?!\s+(?:problema|fretta|urgenza|lamentel\w+|preoccupazione))|(?:niente|nulla)(?!\s+di\s+(?:grave|urgente|che|particolare|importante))|assolutamente|francamente|onestamente|sinceramente|chiaramente|per\s+niente|affatto`,
  ],
  [
    'address',
    String.raw`(?:vi|ve)\s+(?:l'\s*)?(?:avevo|avevamo|ho|abbiamo)\s+(?:chiesto|detto|scritto)|avete\s+(?:fatto|mandato|detto|sbagliato|ignorato|dimenticato|cambiato|pubblicato)|voi\s+siete|con\s+voi|da\s+parte\s+vostra|vostr[oaie]\s+(?:documenti|tecnico|tecnici|team|assistenza|supporto|referente|grafico|sviluppatore|collega|colleghi)|(?:vi\s+)?paghiamo|abbiamo\s+pagato|(?:ci|mi)\s+avevate`,
  ],
  [
    'elapsed',
    String.raw`${NUMBER_IT}\s+(?:giorni|settimane|mesi)|da\s+(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|settimane|mesi|giorni|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)|(?:un|una)\s+(?:mese|settimana)\s+fa`,
  ],
];

export type FrictionRule = { kind: FrictionKind; pattern: RegExp; negatable: boolean };

function compileFriction([kind, source, negatable = false]: FrictionSpec): FrictionRule {
  return { kind, negatable, pattern: compile(['complaint', 0, source, negatable]).pattern };
}

export const FRICTION_RULES: Record<'en' | 'it', readonly FrictionRule[]> = {
  en: frictionEnglish.map(compileFriction),
  it: frictionItalian.map(compileFriction),
};
