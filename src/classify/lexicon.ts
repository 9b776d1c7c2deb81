// Rules as data: every phrase list the cue functions use, each with what it captures.
// Patterns run on normalized text (lower case, links → "url", mid-text mentions → "@user",
// masked emails → "email"). Keep them phrase-level: single keywords misfire.
//
// Each pattern carries anchors: words one of which every match must contain (`#digits` = ten
// or more digits in the text, `#q` = a question mark, `*` = always run); groups joined by ` + `
// must all be present. A pattern only runs when its anchors are in the reply, which keeps
// classification fast. A leading `^` marks a "lead" pattern, whose every match starts at a word
// of its first group: it is tried only at those words instead of scanning the reply (put any
// lead-in before that word in a look-behind). A test checks over all labeled data that neither
// ever hides a match: keep the anchors true when editing a pattern.

import { fastWordEnds } from './word-ends.js';

export interface Pattern {
  readonly anchors: readonly (readonly string[])[];
  /** Every match starts where a word of the first anchor group starts. */
  readonly lead: boolean;
  /** The pattern as run: `written` with its word-end `\b`s in a faster-compiling form (word-ends.ts). */
  readonly re: RegExp;
  /** The pattern as written here. */
  readonly written: RegExp;
}

export interface PhraseList {
  /** Shown in evidence as `<name>: "<matched text>"`. */
  readonly name: string;
  readonly patterns: readonly Pattern[];
}

/** A pattern with its anchors: space-separated words, any one of which will do; groups joined
 * by ` + ` must all be present (`#q` = the reply holds a question mark). A leading `^` says
 * every match starts at a word of the first group (the regex is then tried only there). */
const p = (anchors: string, re: RegExp): Pattern => {
  const lead = anchors.startsWith('^');
  let fast: RegExp | undefined;
  return {
    anchors: (lead ? anchors.slice(1) : anchors).split(' + ').map((g) => g.split(' ')),
    lead,
    // Rewritten when first used: a short audit meets only some of the patterns.
    get re() {
      return (fast ??= fastWordEnds(re));
    },
    written: re,
  };
};
const list = (name: string, ...patterns: Pattern[]): PhraseList => ({ name, patterns });

// ── Deflecting: the move is to a channel the brand runs ─────────────────────────────────────
/** Private messages. */
export const DM = list('DM request',
  p('^send shoot drop pop fire slide + dm dms pm message direct private', /\b(?:send|shoot|drop|pop|fire|slide)\b[^.!?]{0,25}\b(?:dms?|direct message|private message|pm|message)\b/),
  p('dm pm', /\b(?:dm|pm)\s+(?:us|me|our team|the team|your|with)\b/),
  p('dm dms pm pms private message direct', /\b(?:via|by|through|in|over|into|to|a|us a) (?:a )?(?:dms?|direct message|private message|pms?|private|our dms|the dms)\b/),
  p('direct directly private privately', /\b(?:direct|private)(?:ly)? messag(?:e|ing)\b/),
  p('message', /\bmessage us\b/),
  p('follow', /\bfollow (?:and|&|\+) dm\b|\bfollow us\b[^.!?]{0,20}\bdm\b/),
  p('click', /\bclick (?:the )?['"]?message['"]?\b/),
  p('private', /\bprivate secured? link\b/),
  p("^check see sent in dm dms dm's + dm dms", /\b(?:check|see) (?:your|our) dms?\b|\bsent you a dm\b|\bin (?:the )?dms?\b|\bdm'?s? (?:are|is) open\b/),
);
/** E-mail. */
export const EMAIL = list('email request',
  p('^email e-mail write drop', /\b(?:e-?mail(?!-address)|write to|drop (?:us )?a line)\b[^.!?]{0,30}?\b(?:us|email(?!-address)|team|address|email-address)\b/),
  // An address written out (normalized to "email-address"), unless something was sent to it.
  p('email-address', /(?<!\b(?:sent|went|resent|forwarded|delivered|gone|emailed|registered|linked)(?: (?:it|them|this|that))? to )\bemail-address\b/),
  p('^email e-mail send at to + email e-mail', /\be-?mail us\b|\bsend (?:us )?an? e-?mail\b|\b(?:at|to) email\b(?!-address)/),
);
/** Phone. */
export const PHONE = list('phone request',
  p('^call ring phone', /\b(?:call|ring|phone)\b[^.!?]{0,20}\b(?:us|a call|a ring|team|line|number|on|at)\b/),
  p('call phone', /\b(?:call|phone) (?:our|the) [a-z ]{0,20}(?:team|line|desk|centre|center|department)\b/),
  // A phone number has 10+ digits (0800 123 4567, 1-800-555-0199, +44 20 7946 0321); ticket and order numbers fewer.
  p('#digits', /\+?\d(?:[ -]?\d){9,}/),
);
/** Chat, tickets, forms, other teams. */
export const CHANNEL = list('support channel',
  p('chat livechat assistant', /\b(?:live ?chat|chat with (?:us|our|an?)|online chat|chat support|virtual assistant)\b/),
  p('^submit open raise log create file + ticket case request claim', /\b(?:submit|open|raise|log|create|file) (?:a |an )?(?:support |new )?(?:ticket|case|request|claim form)\b/),
  p('form', /\b(?:contact|web|online|support|request|feedback) form\b/),
  p('^fill complete submit + form', /\b(?:fill (?:in|out)|complete|submit) (?:the|our|this|a|an) (?:[a-z]+ )?form\b/),
  p('^contact reach get speak talk', /\b(?:contact|reach out to|get in touch with|speak (?:to|with)|talk to) (?:us|our (?:[a-z]+ ){0,2}(?:team|specialists|experts|agents|colleagues|support|department|desk))\b/),
  p('^get reach contact + touch reach contact', /\b(?:get in touch|reach out|reach us|contact us|contact support)\b/),
  p('support help + team desk center centre + help assist look', /\b(?:support|help) (?:team|desk|center|centre)\b[^.!?]{0,25}\b(?:can|will|would be able to) (?:help|assist|look)\b/),
  p('@user', /\b(?:our|the) [a-z]+ team (?:at|on|via) @user\b|\breach (?:out to )?@user\b|\btweet @user\b|\bhead over to @user\b|\b(?:dm|message|tweet|contact|reach|ask) our @user\b|\bour @user (?:team|account|support|colleagues)\b/),
  p('visit', /\bvisit (?:a |your |the )?(?:local )?(?:store|branch|genius bar|service cent(?:er|re))\b/),
  // The brand's generic pages (FAQs, website, help section) named with no link: a link that
  // follows in the sentence is judged by what it points to instead.
  p('^have take look check see visit head go browse read + faq faqs website site help support',
    /\b(?:have a look at|take a look at|look at|check|check out|see|visit|head to|go to|browse|read) (?:(?:our|the) (?:faqs?|faq page|website|web ?site|help (?:centre|center|section|pages?|hub)|support (?:site|section|pages?|centre|center|hub))|our site)\b(?![^.!?]{0,25}\burl\b)/),
  p('info information details everything answer answers + website site faq faqs help',
    /\b(?:all (?:the )?(?:info|information|details|answers)|everything(?: you need(?: to know)?)?|more (?:info|information|details)|full details|the answers?)\b[^.!?]{0,25}\b(?:on|in|at) (?:our|the) (?:website|web ?site|site|faqs?|faq page|help (?:centre|center|section|pages?|hub))\b(?![^.!?]{0,25}\burl\b)/),
  p('website site faq faqs help + has have covers cover explains explain',
    /\b(?:our|the) (?:website|site|faqs?|faq page|help (?:centre|center|section|pages?))\b[^.!?]{0,12}\b(?:has|have|covers?|explains?) (?:all|everything|more|the (?:details|answers?|info))\b(?![^.!?]{0,25}\burl\b)/),
);
/** The community forum. */
export const FORUM = list('forum',
  // "support page/site" alone is a generic page (see CHANNEL), judged by the link that follows.
  p('^community support + forum forums page pages site sites thread threads', /\bcommunity (?:forum|page|site|thread)s?\b|\bsupport (?:forum|thread)s?\b/),
  p('forum forums', /\bforums?\b/),
  p('^post', /\bpost (?:this|it|your question) (?:in|on)\b/),
);
/** The canned brush-off that neither helps nor acts. */
export const BRUSH_OFF = list('canned brush-off',
  p('sorry + feel', /\bsorry (?:you feel|that you feel|to hear you feel)\b/),
  p('feedback comment comments suggestion suggestions thoughts concerns', /\b(?:pass(?:ed|ing)?|share[ds]?|forward(?:ed)?|sen[dt]|relay(?:ed)?|flag(?:ged)?|note[ds]?|log(?:ged)?)\b[^.!?]{0,30}\b(?:feedback|comments?|suggestions?|thoughts|concerns)\b/),
  p('feedback comment comments suggestion concern concerns', /\b(?:feedback|comments?|suggestion|concerns?)\b[^.!?]{0,25}\b(?:passed|shared|forwarded|noted|logged|sent)\b/),
  p('^we + hear', /\bwe hear you\b/),
  p('^we + understand + frustration concern', /\bwe understand (?:your|the|how) (?:frustration|concern)\b/),
  p('^understand understandable', /\bunderstand(?:able)? (?:your )?frustrat/),
  p('inconvenience appreciate', /\b(?:sorry|apologi[sz]e) for any inconvenience\b|\bappreciate your (?:patience|feedback|understanding)\b/),
  // Feedback handed to a team, with nothing done in public ("we've passed this on to our product team").
  p('pass passed passing send sent forward forwarded share shared shares feed feeding fed flag flagged relay relayed + team teams manager managers management people department colleagues developers devs engineers',
    /\b(?:pass(?:ed|ing)?|sen[dt]|forward(?:ed)?|share[ds]?|feed(?:ing)?|fed|flag(?:ged)?|relay(?:ed)?)\b(?: (?:this|it|that|them|these|your [a-z]+))?(?: (?:on|back|over|along))? (?:to|with) (?:our|the|my|their) (?:[a-z]+ ){0,2}(?:teams?|managers?|management|people|department|colleagues|developers|devs|engineers)\b/),
  p('sure + right', /\bmake sure (?:it|this|that|they|your [a-z]+) (?:reaches|gets to|get to|goes to|is seen by) the right (?:people|team|person)\b/),
  p('sure + hears hear sees see knows know', /\bmake sure (?:our|the) (?:[a-z]+ ){0,2}(?:teams?|people) (?:hears?|sees?|knows?)\b/),
);

// ── Resolving: help in public ────────────────────────────────────────────────────────────────
/** Steps the person can take now. */
export const STEPS = list('steps',
  // The lead-in sits in a look-behind, so a match starts at the verb (and is tried only there).
  p('^try restart reboot reset reinstall uninstall update clear log logout login sign signout signin go head tap click select open turn toggle switch unplug plug check make disable enable remove re-add readd delete force power navigate visit use follow',
    /(?<=^|[.!?:;] |\b(?:please|just|can you|could you|you can|you could|you'll need to|you need to|you may need to|we'd suggest|we recommend|recommend|suggest|first,?|then,?|and|also|simply) )(?:try|restart|reboot|reset|reinstall|uninstall|update|clear|log ?out|sign ?out|log ?in|sign ?in|go to|head to|tap|click|select|open|turn (?:off|on)|toggle|switch|unplug|plug|check (?:that|if|your|the)|make sure|disable|enable|remove|re-?add|delete|force (?:close|quit|stop)|power cycle|navigate|visit your|use the|follow)\b[^.!?;,]{0,30}/),
  p('settings preferences', /\b(?:settings|preferences)\s*(?:>|›|→|then|and then)\s*[a-z]+/),
  // A menu path ("under File > Export > CSV"); one that ends at a chat or contact page is a
  // channel, not a step.
  p('^under tap click select go open via navigate choose head', /\b(?:under|tap|click|select|go to|open|via|navigate to|choose|head to) (?![^.!?]{0,40}?(?:>|›|→|&gt;) ?(?:live )?(?:chat|contact|message|messages|call|email)\b)[a-z][a-z ]{0,20}(?: ?(?:>|›|→|&gt;) ?[a-z][a-z']*(?: [a-z']+)?)+/),
  p('^here + how what steps guide more link where', /\bhere(?:'s| is| are) (?:how|what|the steps|a guide|some steps|more info|the link|where)\b/),
  p('steps instructions + these here below this follow', /\bthese steps\b|\bsteps (?:here|below|in this)\b|\bfollow (?:the|these) (?:steps|instructions)\b/),
  p('^this + article guide page link faq', /\bthis (?:article|guide|page|link|help article|support article|faq)\b[^.!?]{0,40}\b(?:explain|show|walk|cover|help|has|detail|tell|outline)\w*/),
  // "Our FAQs" are judged by the link that follows, if any (see CHANNEL): not a step by themselves.
  p('article guide faq tutorial', /\b(?:check out|take a look at|have a look at|see|read) (?:(?:this|our|the) (?:article|guide|help article|support article|tutorial)|this faq)\b/),
  p('^you + can + appeal reset cancel request change update find check track manage download restore recover turn add remove set use get claim submit do learn', /\byou can (?:appeal|reset|cancel|request|change|update|find(?! (?:help|more|answers|support|everything|all)\b)|check|track|manage|download|restore|recover|turn|add|remove|set|use|get|claim|submit an appeal|do this|learn)\b[^.!?;,]{0,25}/),
);
/** Something the brand has done or commits to do. */
export const ACTION = list('action taken',
  p('refunded fixed resolved sent resent re-sent issued credited applied processed canceled cancelled updated reset restored unlocked reactivated reinstated removed added rebooked replaced approved corrected reversed waived upgraded reconnected dispatched shipped arranged booked changed released deployed rolled located found unblocked unsuspended lifted asked contacted notified alerted informed chased requested escalated confirmed extended reinstalled sorted',
    /\b(?:we(?:'ve| have)|i(?:'ve| have)|they(?:'ve| have)|(?:team|colleagues|engineers?|technicians?|agents?|staff) (?:has|have)|has been|have been|been|is now|was|were|'s been)\s+(?:now |just |already |gone ahead and |successfully )?(?:refunded|fixed|resolved|sent|re-?sent|issued|credited|applied|processed|cancel(?:l)?ed|updated|reset|restored|unlocked|reactivated|reinstated|removed|added|rebooked|replaced|approved|corrected|reversed|waived|upgraded|reconnected|dispatched|shipped|arranged|booked|changed|released|deployed|rolled out|located|found|unblocked|unsuspended|lifted|asked|contacted|notified|alerted|informed|chased|requested|escalated|confirmed|extended|reinstalled|sorted)\b/),
  p('refund credit replacement voucher compensation reimbursement', /\b(?:refund|credit|replacement|voucher|compensation|reimbursement) (?:of [^ ]+ )?(?:has been |was |is )?(?:issued|processed|applied|on (?:its|the) way|approved|sent|arranged)\b/),
  p('should will + working fixed resolved back restored live up arrive reach show appear land reflect', /\b(?:should|will) (?:now )?(?:be )?(?:working|fixed|resolved|back|restored|live|up and running|arrive|reach you|show|appear|land|reflect)\b/),
  p("working looking investigating aware fixing deploying rolling identified found fixed + engineer engineers technician technicians team teams devs developers we we're we've", /\b(?:engineers?|technicians?|our (?:team|teams|devs|developers|engineers?)|we)(?:'re| are| have| 're)? (?:working on|looking into|investigating|aware of|on it|fixing|deploying|rolling out|have (?:identified|found|fixed))\b/),
  p("on + it + engineer engineers technician technicians team teams devs developers we we're we've", /\b(?:engineers?|technicians?|our (?:team|teams|devs|developers|engineers?)|we)(?:'re| are| have| 're)? (?:working on|looking into|investigating|aware of|on it|fixing|deploying|rolling out|have (?:identified|found|fixed))\b/),
  p('fix patch update hotfix + coming way rolling rolls out live lands released deployed tonight today tomorrow week soon', /(?<!\b(?:no|don't have a|do not have a|haven't got a|not a) )\b(?:fix|patch(?! notes)|update|hotfix)\b[^.!?]{0,50}\b(?:coming|on (?:its|the) way|rolling out|rolls out|is out|is live|goes live|go live|going live|lands|released|deployed|tonight|today|tomorrow|this week|soon)\b/),
  p("^i we i'll we'll + i'll we'll will can + get have make send sort fix refund credit arrange book change add update escalate raise look check follow keep", /\b(?:i|we)(?:'ll| will| can) (?:get|have|make|send|sort|fix|refund|credit|arrange|book|change|add|update|escalate|raise|look into|check|follow up|keep you)\b[^.!?;,]{0,20}/),
  // A fault put right at a stated time ("fixed at 00:25", "restored by 9am").
  p('fixed resolved restored back + at by since as', /\b(?:fixed|resolved|restored|back online|back up and running) (?:at|by|since|as of) \d/),
  p('confirmed booked sorted active activated way place ready', /\b(?:is|are|has been|have been|'s|'re) (?:now |all )?(?:confirmed|booked|sorted|active|activated|on (?:its|the) way|in place|ready)\b/),
  p('sorted fixed done set should', /\ball (?:sorted|fixed|done|set)\b|\bdone[,!] |\byou(?:'re| are) all set\b|\byou should (?:now )?(?:see|have(?! (?:selected|chosen|picked|booked|ordered|opted|checked|read|contacted|called|entered|used|paid|added|kept|followed|told|let|made sure|done)\b)|be able)\b/),
);
/** A direct answer to what the person asked. */
export const ANSWER = list('direct answer',
  p('available included free expected due scheduled planned live out coming back open closed supported compatible possible valid + s is are be was',
    /\b(?:it|this|that|the [a-z]+|[a-z]+)(?:'s| is| are| will be| should be| was) (?:available|included|free|expected|due|scheduled|planned|live|out|coming|back|open|closed|supported|compatible|possible|valid)\b/),
  p('^yes yep yup no nope', /\b(?:yes|yep|yup|no|nope)[,!.] (?:it|you|the|this|that|we|they|there|all)\b/),
  p('moment currently now', /\b(?:at the moment|currently|right now),? (?:you can|it's|the|we)\b/),
  p('option setting feature button toggle menu limit fee price cost deadline cut-off cutoff', /\bthe (?:option|setting|feature|button|toggle|menu|limit|fee|price|cost|deadline|cut-?off)\b[^.!?]{0,20}\b(?:is|are|can be|lives|sits|will)\b/),
  p('days hours minutes weeks', /\b(?:takes?|allow|within) (?:up to )?\d+(?:-\d+)? (?:business |working )?(?:days|hours|minutes|weeks)\b/),
  p('reason cause', /\bthe (?:reason|cause) (?:is|was)\b/),
);
/** A specific question that keeps working on the issue in the thread. */
export const DIAGNOSTIC = list('diagnostic question',
  p('which what + version device model browser app os operating platform console phone plan error message flight route station store branch carrier country region card game setting settings', /\b(?:which|what) (?:version|device|model|browser|app|os|operating system|platform|console|phone|plan|error|message|flight|route|station|store|branch|carrier|country|region|card|game|settings?)\b[^?]{0,80}\?/),
  p('are were + using seeing getting on connected able signed logged trying + #q', /\b(?:are|were) you (?:using|seeing|getting|on|connected|able|signed|logged|trying)\b[^?]{0,80}\?/),
  p('happen work show appear load play occur tried updated restarted seeing getting see get try confirm share let tell + does did do is has have can + #q', /\b(?:does|did|do|is|has|have|can you) (?:this|it|that|you|the|your)\b(?! tried our new)[^?]{0,80}\b(?:happen|work|show|appear|load|play|occur|tried|updated|restarted|seeing|getting|see|get|try|confirm|share|let us know|tell us)\b[^?]{0,60}\?/),
  p('when where how + #q', /\b(?:when|where|how long|how often) (?:did|does|do|have|has|is|are|were)\b[^?]{0,80}\?/),
  // Either/or questions about what the person sees ("is the light orange or red?").
  // (Not "is it OK if we call, or would you prefer email?": that offers channels.)
  p('^is are was were does did do has have + or + #q', /\b(?:is|are|was|were|does|did|do|has|have) (?:the|your|it|this|that|there|you)\b(?![^?]{0,100}\b(?:prefer|rather|would you like|give you|send you|drop you|us a|you a) (?:a )?(?:call|email|e-mail|dm|chat|message|ring)\b)[^?]{0,60}\bor\b[^?]{0,40}\?/),
  p("^what what's + error code message model version serial order reference + #q", /\bwhat(?:'s| is| was| are| were) (?:the|your) (?:exact )?(?:error|code|message|model|version|serial|order number|reference)\b[^?]{0,60}\?/),
  p('could + tell let share confirm', /\bcould you (?:tell us|let us know|share|confirm)\b[^.?!]{0,80}(?:\?|\.|$)/),
  p('can + tell let share confirm send screenshot + #q', /\bcan you (?:tell us|let us know|share|confirm|send us a screenshot|screenshot)\b[^?]{0,80}\?/),
);
/** "…if that doesn't work, DM us": a channel offered only after help. */
export const FALLBACK = list('fallback',
  p('^if + dm message contact reach let touch call chat email shout come bank seller provider', /\bif (?:that|this|it|the issue|the problem|that still|you still|you're still|the error|those steps|these steps|nothing|not|they|you continue|it still|the app still|it's still|issues persist|the problem persists|that doesn't|this doesn't)\b[^.!?]{0,60}\b(?:dm|message|contact|reach|let us know|get in touch|call|chat|email|give us a shout|come back|shout|bank|seller|provider)\b/),
  p('^otherwise failing if still no + otherwise failing not luck continues persists + dm message contact reach let touch call chat email', /\b(?:otherwise|failing that|if not|still no luck|no luck|if the problem continues|if the issue continues|if it persists)\b[^.!?]{0,50}\b(?:dm|message|contact|reach|let us know|get in touch|call|chat|email)\b/),
);

// ── Blaming: the cause or the duty lies elsewhere ───────────────────────────────────────────
const THIRD_PARTIES = '(?:bank|card (?:issuer|provider|company)|issuing bank|credit card company|carrier|courier|delivery (?:partner|company|driver)|postal service|post office|seller|vendor|merchant|retailer|reseller|store (?:you|where)|shop (?:you|where)|isp|internet (?:service )?provider|broadband provider|network provider|mobile provider|phone provider|service provider|provider|manufacturer|device maker|oem|developer|publisher|game developer|app developer|airport|ground handling|handling agent|airline partner|partner airline|operating carrier|travel agent|booking (?:site|agent)|third[- ]party|payment (?:provider|processor)|paypal|app store|play store|apple|google|microsoft|landlord|building manager|local council|council|government|authorit(?:y|ies)|embassy|insurer|insurance company|employer|school|it department|admin(?:istrator)?|hosting provider|registrar|cable company|tv provider|platform holder|console maker|restaurant|hotel|host|visa|mastercard|amex|american express|royal mail|fedex|ups|usps|dhl|hermes|evri|dpd|parcelforce|yodel|canada post|australia post)';
/** Anchors for any mention of a third party above. */
const THIRD_PARTY_WORDS = 'bank card carrier courier delivery postal post seller vendor merchant retailer reseller store shop isp provider manufacturer maker oem developer publisher airport ground handling agent airline partner travel booking third third-party third party payment paypal app play apple google microsoft landlord building council government authority authorities embassy insurer insurance employer school it admin administrator hosting registrar cable tv platform console restaurant hotel host visa mastercard amex american royal mail fedex ups usps dhl hermes evri dpd parcelforce yodel canada australia';
/** Handing the person over to someone outside the brand. */
export const THIRD_PARTY = list('third party',
  p(`^contact reach get speak talk check call ask raise take refer go direct follow + ${THIRD_PARTY_WORDS}`, new RegExp(`\\b(?:contact|reach out to|get in touch with|speak (?:to|with)|talk to|check with|call|ask|raise (?:it|this) with|take (?:it|this|that) up with|refer to|go back to|direct (?:your|this) [a-z]+ to|follow up with|reach) (?:(?:your|the|their|that|a)(?: [a-z]+)? )?${THIRD_PARTIES}\\b`)),
  p(`by + handled managed controlled decided set processed run operated owned issued administered maintained billed determined caused sold shipped fulfilled delivered provided + ${THIRD_PARTY_WORDS}`, new RegExp(`\\b(?:handled|managed|controlled|decided|set|processed|run|operated|owned|issued|administered|maintained|billed|determined|caused|sold|shipped|fulfilled|delivered|provided) (?:directly )?by (?:the |your |our |a |their )?(?:[a-z]+ )?${THIRD_PARTIES}\\b`)),
  // "our partners at FedEx are responsible for…": a named partner's duty.
  // Handed over, and the matter theirs now ("…to Royal Mail, so they'll be best placed to help"),
  // not a status update ("handed to the courier this morning, it should arrive tomorrow").
  p(`^handed passed + over to + ${THIRD_PARTY_WORDS}`, new RegExp(`\\b(?:handed|passed) (?:over )?to (?:the |your |a )?(?:[a-z]+ )?${THIRD_PARTIES}\\b(?=[^.!?]{0,40}\\b(?:(?:they|who)(?:'ll| will|'re| are| can| would)?(?: be)? (?:best placed|responsible|able to (?:help|tell|advise|confirm)|help|tell|advise|confirm)|one for them|for them to|contact them|speak to them|raise it with them|ask them)\\b)`)),
  // A company named as the one to go to ("get in touch with Acme Support").
  p('^contact reach get speak talk + support service care desk helpdesk', /\b(?:contact|reach out to|get in touch with|speak (?:to|with)|talk to) (?!(?:our|the|us|a|an|customer|technical|tech|live|billing|account|sales|member|premium|priority|chat|email|phone|web|online|dedicated|specialist|support|your|someone|somebody|one|anyone|anybody|them|my|player|players)\b)(?:[a-z0-9&'-]+ ){1,2}(?:support|customer (?:service|support|care)|help ?desk)\b/),
  // A known fault in another company's product ("a known issue with Samsung's latest update").
  p('known + issue issues problem problems bug bugs fault faults outage outages glitch glitches + with on in', /\bknown (?:issue|problem|bug|fault|outage|glitch)(?:e?s)? (?:with|on|in) (?!(?:your|our|the|this|that|my|its|their|today|yesterday|tomorrow|tonight|everyone|anyone|someone|everybody|anybody|somebody|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s\b)[a-z0-9&.-]+'s\b/),
  // The other party's own delays or faults ("our courier partner DPD is having delays").
  p(`having experiencing seeing facing + delays delay issues problems outage outages disruption + ${THIRD_PARTY_WORDS} partner partners`, new RegExp(`\\b(?:${THIRD_PARTIES}|(?:courier|delivery|shipping|logistics) partners?)(?: [a-z0-9&]+)? (?:is|are) (?:having|experiencing|seeing|facing) (?:some |an? )?(?:delays?|issues|problems|an outage|outages|disruption)\\b`)),
  // A named party that handles it itself ("Apple handles all App Store refunds").
  p(`handles manages controls decides processes + ${THIRD_PARTY_WORDS}`, new RegExp(`(?<!\\bour (?:[a-z]+ )?)\\b${THIRD_PARTIES} (?:handles|manages|controls|decides|processes)\\b(?=[^.!?]{0,60}\\b(?:so (?:we(?:'re| are)? (?:can't|cannot|unable|not able)|you(?:'ll)? (?:need|have) to|please (?:contact|reach|speak|ask))|we (?:can't|cannot|don't|do not)|unable to|they(?:'ll| will)? (?:need|have) to|up to them)\\b)`)),
  p("one for that's + them their", /\bone for (?:them|their (?:team|support))\b|(?<!\bour\b[^.!?]{0,40})\bfor them to (?:resolve|sort|answer|fix|look into|deal with|handle)\b|\bthat's on them\b/),
  // The account or product is another company's ("administered directly by Google Play", "not developed by us").
  p('administered managed developed made run operated handled sold owned controlled maintained supported billed + by + us', /\bnot (?:administered|managed|developed|made|run|operated|handled|sold|owned|controlled|maintained|supported|billed) by us\b/),
  p('administered maintained registered developed billed + by through', /\b(?:administered|maintained|registered|developed|billed) (?:directly )?(?:by|through) (?!(?:us|our|you|your|a|an|the|one|someone|this|that|it|default|all|any|most|many)\b)[a-z0-9&][a-z0-9&'.-]*/),
  p('partner partners + responsible', /\b(?:delivery |shipping |courier |logistics )?partners?(?: at [a-z]+)? (?:are|is) (?:solely )?responsible\b/),
  // "the courier handles deliveries once…": the duty stated as the other party's own business.
  p(`^your the + handles manages controls decides sets deals + ${THIRD_PARTY_WORDS}`, new RegExp(`\\b(?:your|the) ${THIRD_PARTIES} (?:handles|manages|controls|decides|sets|deals with)\\b`)),
  p(`^your the + responsible able best one handle handles need needs decide control set hold holding fault issue throttling blocking limiting restricting + ${THIRD_PARTY_WORDS}`, new RegExp(`\\b(?:your|the) ${THIRD_PARTIES} (?:is|are|will|would|should|can|may|has|have|needs? to)\\b[^.!?]{0,30}\\b(?:responsible|able to help|best placed|the one|handle|handles|need to|decide|control|set|hold|holding|fault|issue|throttling|blocking|limiting|restricting)\\b`)),
  p('ours', /\b(?:rather than|and not|not|isn't|is not) (?:one of )?ours\b/),
  p('third', /\bthird[- ]party\b/),
  p('not + our + products product app site service seller partner', /\bnot (?:one of )?our (?:products?|app|site|service|seller|partner)\b/),
  p("don't not + own control operate sell run manage", /\bwe (?:don't|do not) (?:own|control|operate|sell|run|manage)\b/),
  p('bank carrier courier seller isp provider manufacturer retailer developer publisher airport merchant', /\b(?:(?:up to|down to) (?:your|the) (?:[a-z]+ )?|(?:with|on) (?:your|the) )(?:bank|carrier|courier|seller|isp|provider|manufacturer|retailer|developer|publisher|airport|merchant)\b/),
);
/** The fault is the person's: their device, setup, choice or duty. */
export const CUSTOMER_FAULT = list('fault on the person',
  p("^your the + device router modem phone setup set-up settings connection wifi wi-fi network browser computer pc laptop console antivirus firewall vpn adblocker ad extension card account internet + is isn't was wasn't causing caused blocking problem issue fault not incompatible outdated too doesn't does",
    /\b(?:your|the customer's) (?:device|router|modem|phone|setup|set-up|settings|connection|wi-?fi|network|browser|computer|pc|laptop|console|antivirus|firewall|vpn|ad ?blocker|extension|card|account settings|internet)\b[^.!?]{0,40}\b(?:is|isn't|was|wasn't|causing|caused|blocking|problem|issue|fault|not compatible|incompatible|outdated|too old|doesn't support|does not support)\b/),
  // The fault placed with the person's device ("looks like an issue with your router"), not
  // the brand's own wording for a fault it is fixing ("sorry for the problem with your phone").
  p("issue problem fault + with on in + your + device router modem phone setup settings connection wifi wi-fi network browser computer pc laptop console", /\b(?:(?:looks|seems|sounds) like|appears to be|this is|it's|that's) an? (?:issue|problem|fault) (?:with|on|in) your (?:device|router|modem|phone|setup|settings|connection|wi-?fi|network|browser|computer|pc|laptop|console)\b|\b(?:issue|problem|fault) (?:is|lies|seems to be|looks to be|appears to be) (?:with|on|in) your (?:device|router|modem|phone|setup|settings|connection|wi-?fi|network|browser|computer|pc|laptop|console)\b/),
  p('rather + our + issue problem fault', /\b(?:issue|problem|fault)\b[^.!?]{0,40}\brather than (?:on |with |in )?our (?:app|end|side|network|service|systems?|platform|site|servers?)\b/),
  p('selected chosen picked chose opted + checkout check booking purchase as', /\bas (?:you )?(?:selected|chose|picked|opted for)\b|\b(?:was|were) (?:selected|chosen|picked) at (?:check ?out|booking|purchase)\b/),
  p('meet reach match below + specs spec specifications requirements', /\b(?:doesn't|does not|don't|do not|isn't|is not|aren't|won't|can't) (?:meet|reach|match) (?:the )?(?:minimum|min|system|hardware|game's|app's) (?:specs?|specifications|requirements)\b|\bbelow the minimum (?:specs?|specifications|requirements)\b/),
  // What was done on the person's side ("the wrong PIN was entered", "roaming was left on").
  p('wrong incorrect invalid + entered used typed given selected chosen', /\b(?:wrong|incorrect|invalid)\b[^.!?]{0,25}\b(?:was|were|had been|has been|have been) (?:entered|used|typed|given|selected|chosen)\b(?! (?:by (?:our|us|we|the team|mistake)|on our|in our|at our)\b)/),
  p('left + on enabled active', /\b(?:was|were|had been) left (?:switched |turned )?(?:on|enabled|active)\b(?! (?:the|your|a|an|our|at|by|with|in|top|hold|read|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)\b)/),
  p('^on at from user + end side error', /\b(?:on|at) your (?:end|side)\b|\bfrom your (?:end|side)\b|\buser error\b/),
  p("^you + should should've needed need supposed must didn't did forgot failed chose opted agreed accepted selected entered typed booked", /\byou (?:(?:should've|should have)(?! (?:now |already )?(?:received|got|gotten|seen|heard|had|been)\b)|needed to|need to have|were supposed to|must have|didn't|did not|forgot|failed to|chose|opted|agreed|accepted|selected|entered|typed|booked)\b[^.!?;,]{0,25}/),
  p('stated outlined explained mentioned shown noted', /\b(?:as|which) (?:stated|outlined|explained|mentioned|shown|noted) (?:in|on|at) (?:the |our )?(?:terms|t&cs|t&c|terms and conditions|terms of (?:service|use)|checkout|booking|confirmation|policy|listing|product page)\b/),
  p('stated agreed accepted shown + checkout check booking purchase signup sign', /\b(?:(?:stated|agreed(?: to)?|accepted)|shown and (?:agreed(?: to)?|accepted)) (?:and (?:agreed(?: to)?|accepted) )?(?:during|at) (?:check ?out|booking|purchase|sign ?up)\b/),
  p('responsibility', /\b(?:is|was) (?:the )?(?:account holder's|customer's|your) responsibility\b|\bit(?:'s| is) your responsibility\b|\bresponsibility of the (?:customer|account holder|user)\b/),
  p("issue problem fault error working running + not isn't wasn't our", /\b(?:not|isn't|is not|wasn't) (?:an? )?(?:issue|problem|fault|error) (?:on|with|from|at) (?:our|the) (?:end|side|network|system|servers?|platform)\b|\bour (?:network|systems?|servers?|platform|service) (?:is|are) (?:working|running) (?:fine|normally|as expected)\b/),
);
/** Weather, pandemic, strikes, demand, licensing, regulators. */
export const OUTSIDE_FORCE = list('outside force',
  p('due because owing caused result affected impacted thanks down + weather storm storms snow ice fog wind winds flood flooding hurricane heat heatwave pandemic covid coronavirus strike strikes industrial high heavy unprecedented demand volume license licensing rights regulation regulations regulatory government law air atc supply shortage customs holiday holidays circumstances events factors signalling signal power roadworks trespass trespasser trespassers vandalism', /\b(?:due to|because of|owing to|caused by|as a result of|affected by|impacted by|thanks to|down to)\b[^.!?]{0,30}\b(?:weather|storms?|snow|ice|fog|winds?|flood(?:ing)?|hurricane|heat ?wave|pandemic|covid(?:-19)?|coronavirus|strikes?|industrial action|high demand|heavy demand|unprecedented demand|demand|volume|licens(?:e|ing)|rights|regulations?|regulatory|government|law|air traffic control|atc|supply chain|shortage|customs|holidays?|circumstances|events beyond|factors|signal(?:ling)? (?:failure|fault|problem)s?|power (?:cut|outage|failure)s?|roadworks|trespass(?:er|ers)?|vandalism)\b/),
  // Weather, strikes, roadworks as the cause: what they are doing, or a disruption they mean.
  p('snow ice fog flooding floods storm storms winds heat strike strikes action roadworks weather + affecting disrupting delaying causing means mean meant', /\b(?:snow|ice(?! cream)|fog|flooding|floods|storms?|high winds|heat(?! setting)|strikes?|strike action|industrial action|roadworks|weather)\b[^.!?]{0,30}\b(?:(?:is|are|has been|have been) (?:affecting|disrupting|delaying|causing)|(?:means|will mean|has meant)\b[^.!?]{0,30}\b(?:no|delays?|delayed|cancel\w*|closed|closures?|suspended|won't|will not|can't|cannot|unable|disruption))\b/),
  p('beyond outside out + control hands', /\b(?:beyond|outside(?: of)?|out of) (?:our|anyone's) (?:control|hands)\b|\bout of our hands\b/),
  p('control say + not no any', /\bnot (?:something |anything )?(?:within|in|under) our control\b|\b(?:no|any) say (?:over|in)\b/),
  p('side end + our', /\b(?:isn't|is not|nothing|not) (?:anything )?(?:(?:we|i) can do )?(?:from|on|at) our (?:side|end)\b/),
  p('nothing + do', /\bnothing we can do\b/),
  p('license licensing rights content available', /\blicens(?:e|ing) (?:restrictions|agreements?|changes|reasons|rights|issues)\b|\brights holders?\b|\bcontent owners?\b|\bnot available in your (?:region|country|area)\b/),
  p('required obliged obligated comply + law laws regulation regulations regulators regulator comply', /\b(?:required|obliged|obligated) (?:by (?:law|regulations?|regulators?) )?to comply with\b|\b(?:required|obliged|obligated) by (?:law|regulations?|regulators?)\b|\bcomply with (?:the |local )?(?:laws?|regulations?)\b/),
  p('contractual + agreement agreements obligations obligation', /\bcontractual (?:agreements?|obligations?)\b/),
  // Demand given as the cause ("we're experiencing high demand", "high demand means…"), not a boast.
  p('high higher heavy unprecedented increased + demand volume volumes', /\b(?:extremely|unusually|very) high (?:call )?(?:volumes?|demand)\b|\bhigher than (?:usual|normal) (?:volumes?|demand)\b|\b(?:experiencing|seeing) (?:very |extremely |unusually )?(?:high|heavy|unprecedented|increased) (?:call )?(?:volumes?|demand)\b|\b(?:high|heavy|unprecedented|increased) (?:call )?(?:volumes?|demand)(?: [a-z]+)? (?:means|is causing|has caused|is affecting)\b/),
);
/** A policy or terms given as the reason for a refusal. */
export const POLICY_REFUSAL = list('policy as refusal',
  p('policy policies terms t&cs guidelines rules + per according line accordance under due because based', /\b(?:per|as per|according to|in line with|in accordance with|under|due to|because of|based on) (?:our|the|company) (?:policy|policies|terms|t&cs|terms and conditions|terms of (?:service|use)|guidelines|rules)\b/),
  p('policy policies terms rules', /\b(?:policy|policies|terms|rules) (?:doesn't|does not|don't|do not|won't|will not|can't|cannot) (?:allow|permit|let)\b/),
  p('unable able position permitted allowed', /\b(?:we(?:'re| are)|i(?:'m| am)) (?:unable|not able|not in a position|not permitted|not allowed) to (?:refund|offer|provide|compensate|reimburse|cancel|change|honou?r|accept|exchange|extend|make an exception|issue|give|reinstate|waive)\b/),
  p("we + refund offer provide compensate reimburse honor honour accept exchange extend make issue give waive reinstate override reverse", /\bwe (?:can't|cannot|can not|don't|do not|won't|will not) (?:refund|offer|provide|compensate|reimburse|honou?r|accept|exchange|extend|make (?:an )?exceptions?|issue refunds|give|waive|reinstate|override|reverse)\b/),
  p('responsible liable + not', /\b(?:we(?:'re| are)|we can't be|we cannot be|(?:the )?(?:company|venue|store|shop|airline|hotel|club|park|operator|business|theatre|gym|station) (?:is|are)) not (?:responsible|liable) for\b/),
  p('non-refundable nonrefundable non refundable refund refunds final eligible', /\b(?:non-?refundable|no refunds?|final sale|all sales are final|not eligible for (?:a )?(?:refund|compensation|exchange|return))\b/),
);
/** Denials of blame: "not your fault", "we're not blaming you". */
export const BLAME_NEGATION = list('not blaming',
  p("^not isn't is wasn't no our + fault something anything down blaming mistake error bad", /\b(?:not|isn't|is not|wasn't|no) (?:your fault|something you did|down to you|anything you did)\b|\bnot blaming you\b|\bno fault of yours\b|\bour (?:mistake|fault|error|bad)\b/),
  p("not isn't wasn't + on + you", /\b(?:not|isn't|is not|wasn't) on you\b/),
  // "nothing on your end", "that's not on the courier — we sent it late": the fault denied.
  p("not isn't wasn't nothing + end side courier carrier bank seller driver", /\b(?:not|isn't|is not|wasn't|nothing) (?:anything |something )?(?:on|at|from|with) (?:your|the) (?:end|side|courier|carrier|bank|seller|driver)\b/),
  p('on + us', /\bon us\b/),
);
/** After a refusal, what the brand offers instead (tie-break 4). */
export const ALTERNATIVE = list('alternative offered',
  p("but however instead alternatively though + can could we'll will we've have available lets allows option", /\b(?:but|however|instead|alternatively|though)\b[^.!?]{0,40}\b(?:you can|you could|we can|we could|we'll|we will|we've|we have|is available|are available|lets you|allows you|option)\b/),
  p('what good', /\b(?:what we can do|what you can do|the good news)\b/),
);

// ── Other: no problem being worked on ───────────────────────────────────────────────────────
export const THANKS = list('thanks or praise',
  p('^thanks thank', /\bthanks? (?:so much |a lot |a bunch |again |heaps )?(?:for (?:the|your|being|sharing|choosing|flying|shopping|riding|tagging|watching|listening|following|joining|stopping|sticking)|you+)\b/),
  p('^thank thanks cheers ty', /\b(?:thank you|thanks|cheers|ty)\b[^.!?]{0,15}(?:[!💙❤️😊🙌🎉✨😍💜💚🧡💛👏]|$)/u),
  p('glad happy pleased delighted thrilled love lovely great awesome amazing fantastic wonderful nice', /\b(?:glad|happy|pleased|delighted|thrilled|love|lovely|great|awesome|amazing|fantastic|wonderful|nice) (?:to hear|you|that|it|this|to see|to have|to help)\b/),
  p('welcome best awesome amazing pleasure anytime problem', /\b(?:you're|you are) (?:welcome|the best|awesome|amazing)\b|\bmy pleasure\b|\bour pleasure\b|\banytime\b|\bno problem at all\b/),
  p('happy merry', /\b(?:happy|merry) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|birthday|holidays|new year|christmas|thanksgiving|easter|anniversary)\b/),
  p('congrats congratulations congrat congratulation welcome enjoy', /\bcongrat\w*|\bwelcome (?:aboard|to the|back)\b|\benjoy\b/),
  p('have + great good lovely wonderful awesome fab nice', /\bhave (?:a|an) (?:great|good|lovely|wonderful|awesome|fab|nice)\b/),
  p("glad + it's is that's we everything the your", /\bglad (?:it's|it is|that's|we could|everything|the|your)\b/),
  p('great + hear', /\bgreat to hear\b/),
  p('lovely kind nice sweet amazing great + feedback words comments comment message review shout-out shoutout', /\b(?:lovely|kind|nice|sweet|amazing|great) (?:feedback|words|comments?|message|review|shout-?out)\b/),
  p("that's + great awesome amazing", /\bthat's (?:great|awesome|amazing)\b/),
);
export const MARKETING = list('marketing',
  p('check + out + our', /\bcheck out our\b/),
  p("don't + miss", /\bdon't miss\b/),
  p('shop order book + now', /\b(?:shop|order|book) now\b/),
  p('sign + up', /\bsign up\b/),
  p('coming + soon', /\bcoming soon\b/),
  p('limited + time', /\blimited time\b/),
  p('new + flavor flavour collection season episode drop menu', /\bnew (?:flavou?r|collection|season|episode|drop|menu)\b/),
  p('on + sale', /\bon sale\b/),
  p('stay + tuned', /\bstay tuned\b/),
  p('giveaway', /\bgiveaway\b/),
  p('win + a', /\bwin a\b/),
  p('enter + win', /\benter to win\b/),
  p('promo use + code', /\b(?:promo|use) code\b/),
);
/** Sympathy or apology, which on its own changes nothing (tie-break 7). */
export const SYMPATHY = list('sympathy',
  p("sorry apologize apologise apologies understand that's hate want experience feel", /\b(?:so |really |very |truly )?sorry\b|\bapologi[sz]e\b|\bapologies\b|\bwe understand\b|\bthat's (?:not (?:what|the)|frustrating|disappointing)\b|\bwe'd hate\b|\bnever want\b|\bnot the experience\b|\bnot what we (?:want|like|expect)\b|\bwe feel (?:for )?you\b/),
);

// ── The answered tweet (lower-cased, straight apostrophes) ─────────────────────────────────
/** The person asked how to reach the brand (tie-break 6). */
export const ASKED_FOR_CHANNEL = list('asked for a channel',
  p("^what what's whats give is do can need send where where's please + phone number telephone contact email e-mail address helpline hotline chat", /\b(?:what(?:'s|s| is)?|give me|is there|do you (?:guys )?(?:still )?have|can i (?:get|have)|need|send me|where(?:'s| is| can i find)|please (?:share|give))\b[^.?!]{0,30}(?<!\bmy )\b(?:phone|(?<!(?:tracking|order|account|reference|booking|confirmation|case|ticket|serial|model|flight|card|policy) )number|telephone|contact|email|e-mail|(?<!(?:delivery|billing|shipping|home|ip|new|old) )address|helpline|hotline|chat)\b/),
  // "Address" and "number" only as ways to reach the brand (not "my delivery address?", "tracking number?").
  p('number phone email e-mail address helpline hotline contact chat + #q', /\b(?:(?:phone|contact|telephone|customer (?:service|care)|support|your) number|(?:your|a|an|customer service|support) (?:phone|e-?mail)(?: address)?|(?:contact|postal|mailing) address|helpline|hotline|contact details|chat service|live chat)\b[^.!?]{0,20}\?/),
  p('^number contact email + please pls plz', /\b(?:number|contact|email) (?:please|pls|plz)\b/),
  p('^how', /\bhow (?:do|can|should|would) (?:i|we) (?:contact|reach|call|ring|email|e-mail|talk to|speak to|get in touch|get hold|create a (?:support )?ticket|open a (?:support )?ticket|file a (?:support )?ticket)\b/),
  p('who', /\bwho (?:do|can|should) (?:i|we) (?:call|ring|contact|email|speak to|talk to)\b/),
  p('dm message email call ring', /\b(?:can|could) (?:i|we) (?:dm|message|email|call) (?:you|u)\b|\b(?:can|could|please) (?:someone|you) (?:please )?(?:call|ring|email|dm) me\b/),
);
/** Words that show the person raised a problem (so sympathy alone reads as a brush-off); a
 * question mark counts too. Matched as whole words of the answered tweet. */
export const PROBLEM_WORDS: readonly string[] = [
  '?',
  // Negation and inability.
  ...'not never longer cannot can\'t cant won\'t wont unable doesn\'t doesnt didn\'t didnt isn\'t isnt wasn\'t wasnt haven\'t havent hasn\'t hasnt don\'t dont aren\'t arent couldn\'t couldnt'.split(' '),
  // What went wrong.
  ...(`error errors issue issues problem problems broken broke bug bugs buggy crash crashes crashed crashing down outage outages
    fail fails failed failing failure stuck lost missing late delay delays delayed cancelled canceled cancelling cancellation
    refund refunds refunded charged overcharged charge charges scam scammed worst terrible awful horrible ridiculous
    disappointed disappointing disappointment angry annoyed annoying frustrated frustrating frustration unacceptable
    waiting waited still help complain complaint complaints complaining complained wrong damaged slow hacked locked
    suspended banned disabled glitch glitches glitchy freeze freezes freezing frozen lag lags lagging laggy`).split(/\s+/),
];
