// The hard cases that trip keyword matching, one test each (issue: classifier). Texts are
// written for these tests and are not in the labeled training data.
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/index.js';
import { classifyLink, normalize } from '../src/classify/normalize.js';
import { cuesFor } from '../src/classify/rules.js';

const label = (text: string, answered?: string) => classify({ text }, answered ? { text: answered } : null).label;

describe('hard cases for the reply classifier', () => {
  it('reads negated blame as not blaming: "we\'re not blaming you" + a fix is resolving', () => {
    expect(label("We're not blaming you at all, Kim: the sync bug was ours and version 4.2.1 fixes it. Update from the app store and your playlists come back.", 'my playlists vanished AGAIN')).toBe('resolving');
  });

  it('labels sympathy alone as deflecting when a problem was raised, other when not', () => {
    expect(label("Oh no, we're really sorry to hear that, Jo. That's not the experience we want for you.", 'third time my order arrived cold')).toBe('deflecting');
    expect(label('Aww, sorry to see you go on holiday without us! Have a lovely trip 🌴', 'off to spain tomorrow, see you in 2 weeks coffee shop')).toBe('other');
  });

  it('keeps "try X; if not, DM us" resolving (help first, channel as fallback)', () => {
    expect(label('Could you try signing out, then back in on the TV app? If the picture still freezes after that, send us a DM and we will dig in.', 'picture freezing every 5 minutes on the tv app')).toBe('resolving');
  });

  it('labels a diagnostic question that then moves to DM as deflecting', () => {
    expect(label('Sorry about that! What router model do you have? Pop us a DM with that and your account number so we can check.', 'wifi keeps dropping')).toBe('deflecting');
  });

  it('labels a hand-off to a third party as blaming, and to the brand\'s own channel as deflecting', () => {
    expect(label('Hi Priya, charges on your statement are controlled by your card issuer, so you will need to speak with your bank about this one.', 'why was I charged twice??')).toBe('blaming');
    expect(label('Hi Priya, please call our billing team on 0800 555 0101 and they can look into this for you.', 'why was I charged twice??')).toBe('deflecting');
    // The duty stated as the other party's own business, with no "contact them" wording.
    expect(label('Unfortunately the courier handles deliveries once parcels leave us, so please contact them.')).toBe('blaming');
    expect(label('The seller manages returns for marketplace items, so they will be in touch.', 'where is my refund')).toBe('blaming');
    expect(label("That's down to your bank, not us, sorry.", 'payment declined')).toBe('blaming');
  });

  it('tells a link to a specific article (resolving) from a link to the generic contact page (deflecting)', () => {
    expect(label('You can cancel any time in a few taps: https://help.example.com/articles/cancel-membership-on-ios', 'how do I cancel on iphone')).toBe('resolving');
    expect(label('Please get in touch with our team here and they will help: https://www.example.com/contact-us', 'how do I cancel on iphone')).toBe('deflecting');
  });

  it('ignores agent sign-offs (^JK, -Becky, *SR)', () => {
    const base = 'Please DM us your booking reference and we will take a look';
    for (const s of [' ^JK', ' -Becky', ' *SR']) expect(label(base + s, 'my flight was changed without notice')).toBe('deflecting');
  });

  it('reads "1/2" multi-part replies by what the part says', () => {
    expect(label('(2/2) We have now re-sent the activation code to the number on your account; it should arrive within 5 minutes.', 'never got my code')).toBe('resolving');
  });

  it('is not thrown by @mentions, hashtags and emoji', () => {
    expect(label('@sam_k @GamesCo Thanks so much for the love Sam!! 💜🎮 #GameOn', 'best update ever, loving the new maps')).toBe('other');
  });

  it('treats handles anonymised as numbers like any handle', () => {
    expect(label('@115712 Please send us a Direct Message so we can look into your account.', 'bill is wrong again')).toBe('deflecting');
  });

  it('reads __email__ masks as an email address', () => {
    expect(label('@449211 Please email us at __email__ with your order number and we will look into it.', 'where is my order')).toBe('deflecting');
  });

  it('uses the answered tweet: giving the phone number someone asked for is resolving', () => {
    const reply = 'Our support line is 0800 123 4567, open 8am to 8pm every day.';
    expect(label(reply, "what's your customer service phone number?")).toBe('resolving');
    expect(label(reply, 'my internet has been down all day, sort it out')).toBe('deflecting');
  });

  it('labels policy as a refusal with nothing offered as blaming, and a rule with a next step as resolving', () => {
    expect(label('Unfortunately under our terms we cannot refund tickets once the event has started.', 'I want a refund, the show was awful')).toBe('blaming');
    expect(label('Plans allow two screens at once, but you can upgrade to Family in Settings > Plan to watch on four.', 'why does it say too many screens')).toBe('resolving');
  });

  it('labels feedback handed to a team, with nothing done in public, as deflecting, and says so', () => {
    const c = classify({ text: "Thanks for letting us know, Ravi! We've passed this on to our delivery team ^KM" }, { text: 'driver left my parcel in the rain again' });
    expect(c.label).toBe('deflecting');
    expect(c.evidence[0]).toBe('canned brush-off: "passed this on to our delivery team"');
    // Handing it over and then fixing it in public is still resolving.
    expect(label("We've passed this on to our billing team and they have refunded the £12 today; it shows in 3-5 days.", 'charged twice for one order')).toBe('resolving');
  });

  it('labels an outside force given as the cause as blaming', () => {
    expect(label('Due to the snow storm across the north, all deliveries in your area are delayed until further notice.', 'where is my parcel??')).toBe('blaming');
    // Said as the brand having no hand in it.
    const c = classify({ text: "The lifts at that station belong to the council and repairs need their sign-off. Sadly that's not something within our control." }, { text: 'lift broken AGAIN at the station' });
    expect(c.label).toBe('blaming');
    expect(c.evidence).toContain('outside force: "not something within our control"');
  });

  // The cases below came out of probing each tie-break of the labeling guide with written replies
  // (fixtures/probes/labeling-guide.jsonl); these texts are new, in neither the probes nor training.
  const evidence = (text: string, answered?: string) => classify({ text }, answered ? { text: answered } : null).evidence.join(' | ');

  it('labels a pointer to the brand\'s generic pages (FAQs, website) with no link as deflecting, and one with a link to the page about the issue as resolving', () => {
    expect(label("Have a look at our FAQ page, it's all there 🙂", 'can I bring my bike on board')).toBe('deflecting');
    expect(evidence("Have a look at our FAQ page, it's all there 🙂", 'can I bring my bike on board')).toContain('support channel: "have a look at our faq"');
    expect(label('Have a look at our FAQ page on bikes: https://example.com/help/travel/bikes-on-board', 'can I bring my bike on board')).toBe('resolving');
  });

  it('reads an either/or question about what the person sees as a diagnostic question that keeps helping', () => {
    expect(label('Is the app showing a spinning wheel, or a blank white screen?', "app won't open")).toBe('resolving');
    expect(evidence('Is the app showing a spinning wheel, or a blank white screen?', "app won't open")).toContain('diagnostic question');
  });

  it('puts the fault on the person when what they entered, left on or chose is given as the cause', () => {
    expect(evidence('The transfer bounced because the wrong sort code was entered.', 'my transfer failed??')).toContain('fault on the person: "wrong sort code was entered"');
    expect(label('The transfer bounced because the wrong sort code was entered.', 'my transfer failed??')).toBe('blaming');
    expect(label('Your tablet doesn\'t meet the minimum requirements for the new app.', "new app won't install")).toBe('blaming');
    expect(label('Location services were left turned on, which is what used the battery.', 'battery dead by lunchtime')).toBe('blaming');
    expect(label('You should have booked the assistance 48 hours ahead.', 'no one met me with the wheelchair')).toBe('blaming');
    // "should have received" is what to expect, not a fault.
    expect(label('You should have received a confirmation email by now.', 'did my booking go through')).not.toBe('blaming');
  });

  it('labels a hand-off to a company named in the reply as blaming, and to the brand\'s own support as deflecting', () => {
    expect(evidence('Your parcel was handed over to Parcelforce yesterday, they can tell you more.', 'where is my parcel')).toContain('third party: "handed over to parcelforce"');
    expect(label('Please contact Epic Games support about the account ban.', 'banned for no reason')).toBe('blaming');
    expect(label('Please contact our support team about the account ban.', 'banned for no reason')).toBe('deflecting');
  });

  it('keeps an outside force the cause ("down to high winds") blaming when a link follows', () => {
    const text = 'The cancellations today are down to high winds on the bridge. Updates: https://example.com/status/incident-4412';
    expect(label(text, 'why are all the trains cancelled')).toBe('blaming');
    expect(evidence(text, 'why are all the trains cancelled')).toContain('outside force: "down to high winds"');
  });

  it('reads a fix the brand commits to, and a menu path, as working on the issue', () => {
    expect(label('The fix for the checkout error goes live on Friday morning.', 'checkout keeps failing')).toBe('resolving');
    expect(evidence("You'll find it under Account > Privacy > Download my data.", 'how do I export my data')).toContain('steps: "under account > privacy > download my"');
    expect(label("You'll find it under Account > Privacy > Download my data.", 'how do I export my data')).toBe('resolving');
  });

  // Cues read off the cross-validation errors on real replies (ibm-cdp/dev.json); texts new here.
  it('hands the matter to another company when the account is theirs ("administered directly by the App Store", "not managed by us")', () => {
    expect(evidence('As your plan is administered directly by the App Store, a refund has to be requested from them.', 'charged after I cancelled')).toContain('third party: "administered directly by the app store"');
    expect(evidence("Unfortunately this subscription is not managed by us, so we can't cancel it from here.", 'cancel my sub please')).toContain('third party: "not managed by us"');
    expect(label("Unfortunately this subscription is not managed by us, so we can't cancel it from here.", 'cancel my sub please')).toBe('blaming');
  });

  it('reads regulations the brand must comply with as an outside force', () => {
    const text = "We're required to comply with local regulations on those listings, so they'll stay removed.";
    expect(evidence(text, 'why was my listing taken down')).toContain('outside force: "required to comply with"');
    expect(label(text, 'why was my listing taken down')).toBe('blaming');
  });

  it('reads an email address written out as an email request, like a masked one', () => {
    expect(normalize('Email us at help@shop.example.com today').text).toBe('email us at email-address today');
    expect(cuesFor('Please write to refunds@shop.example with your order number.', "where's my refund").has('email')?.phrase).toBe('write to email-address');
    expect(label('Please write to refunds@shop.example with your order number.', "where's my refund")).toBe('deflecting');
  });

  it('takes a link path of locale and help segments as a generic page, and a page about one thing as specific', () => {
    expect(classifyLink('https://help.example.com/hc/en-us')).toBe('generic');
    expect(classifyLink('https://example.com/en-gb/help/')).toBe('generic');
    expect(classifyLink('https://support.example.com/appeal')).toBe('specific');
  });

  it('hears the person ask for a channel only when they ask for contact details, not "my delivery address?"', () => {
    const asked = (answered: string) => cuesFor('Our team is on 0800 123 4567.', answered).has('askedForChannel') !== undefined;
    expect(asked("what's your phone number?")).toBe(true);
    expect(asked('is there an email address I can write to?')).toBe(true);
    expect(asked('how do I change my delivery address?')).toBe(false);
    expect(asked("what's my tracking number?")).toBe(false);
  });

  it('reads a fault put right at a stated time as an action', () => {
    expect(evidence('Sorry Lou, the checkout outage was on our side and fixed at 00:25; your basket is still saved.', 'checkout error all night')).toContain('action taken: "fixed at 0"');
  });

  // Cues for what an independent set of written replies (fixtures/probes/held-out-1.jsonl) found
  // missing; texts new here.
  it('reads fault denied ("nothing at your end") as no blame', () => {
    const text = "Nothing at your end, Kat: our card machines dropped out at 4pm and they're back up now.";
    expect(evidence(text, 'card declined in your store, is it my card?')).toContain('blame denied: "nothing at your end"');
    expect(label(text, 'card declined in your store, is it my card?')).toBe('resolving');
  });

  it('labels "we\'re not responsible for", "high demand" and another company\'s faults or delays as blaming', () => {
    expect(label("We're not responsible for bikes left outside the station overnight.", 'my bike was nicked from outside your station')).toBe('blaming');
    expect(evidence('High demand tonight means deliveries are running about an hour late.', "where's my food")).toContain('outside force: "high demand tonight means"');
    expect(evidence("That's a known issue with Sony's latest firmware; they're working on it.", 'game freezes on the menu since the update')).toContain('third party: "known issue with sony\'s"');
    expect(label('Our shipping partner Evri is seeing delays in Scotland this week.', "parcel hasn't moved since Monday")).toBe('blaming');
    expect(evidence("PayPal handles refunds for orders paid that way, so you'll need to contact them.", 'refund not showing')).toContain('third party: "paypal handles"');
    // Stated as a fact beside what the brand did, it shifts nothing.
    expect(label('Our payment provider processes refunds within 3-5 days, and we issued yours this morning.', 'refund not showing')).not.toBe('blaming');
  });

  it('gives a written email address the person asked for as an answer (tie-break 6)', () => {
    expect(label("Yes, it's press@brand.example.com 👍", 'is there an email for press enquiries?')).toBe('resolving');
    expect(label('Please email support@shop.example.com with your order number and we\'ll take a look.', 'my order is wrong')).toBe('deflecting');
  });

  it('keeps thanks and teasers that work on no problem as other', () => {
    expect(label('Glad your card turned up in the end, Priya 🙌', 'new card arrived finally')).toBe('other');
    expect(label('Patch notes land tomorrow morning, stay tuned 👀', 'when are the patch notes')).toBe('other');
  });

  it('reads "we\'ll pass it on" as a brush-off to a complaint, and as thanks to praise', () => {
    expect(label("Sorry to hear that. We'll pass your comments on to the team.", 'your new opening hours are a joke')).toBe('deflecting');
    expect(label("Aw, that's so nice to hear! We'll pass your kind words on to the team 😊", 'the staff at your Leeds branch were brilliant today')).toBe('other');
  });

  // Replies a review found the cues above misreading; each must not be blamed or sent away.
  it('does not take status updates and the brand\'s own mistakes for blame', () => {
    const notBlaming: [string, string][] = [
      ["Our driver's notes show your parcel was left on the doorstep at 2:14pm", "where's my parcel"],
      ["Sorry, the wrong size was selected by our warehouse team. We'll send the right one out today.", 'you sent the wrong size'],
      ["An incorrect price was used on our website, so we've refunded the difference.", 'charged more than the price shown'],
      ['The total shown at checkout already includes VAT', 'does the price include vat?'],
      ['Your order was handed over to the courier this morning, it should arrive tomorrow', 'where is my order'],
      ['This feature is supported by all major browsers', 'does it work on firefox?'],
      ["Please speak to someone in support, they're on 0800 123 4567.", 'need help with my bill'],
    ];
    for (const [text, answered] of notBlaming) expect(label(text, answered), text).not.toBe('blaming');
    expect(evidence('Our engineers will take a look at the site tomorrow morning to fix the mast', 'no signal in my village')).not.toContain('support channel');
    expect(evidence("We don't have a fix for this just yet, but we'll keep you posted as soon as we do.", 'bug still there')).not.toMatch(/action taken: "fix/);
  });

  it('finds "restored as of 9am" and "obliged to comply with GDPR" through their anchors', () => {
    expect(cuesFor('Service restored as of 9am, sorry for the wait.', 'is the app down?').has('action')?.phrase).toBe('restored as of 9');
    expect(evidence("We're obliged to comply with GDPR, so we can't share that.", 'tell me who accessed my account')).toContain('outside force: "obliged to comply with"');
  });

  it('hears no request for a channel in "my phone won\'t charge?"', () => {
    expect(cuesFor('Give us a call on 0800 123 456 and we can look into it.', "my phone wont charge?").has('askedForChannel')).toBeUndefined();
    expect(cuesFor('x', 'why is my email not syncing?').has('askedForChannel')).toBeUndefined();
  });

  // What the third independent set (fixtures/probes/held-out-3.jsonl) found; texts new here.
  it('reads links written without https:// by where they point, and never an email address\'s domain', () => {
    expect(normalize('hi! everything you need is at help.tinyapp.io ✨').links).toEqual([{ url: 'help.tinyapp.io', kind: 'generic' }]);
    expect(normalize('Full menu with allergens: burgerbar.co.uk/menu/leeds 🌱').links).toEqual([{ url: 'burgerbar.co.uk/menu/leeds', kind: 'specific' }]);
    expect(normalize('Email help@shop.example.com please').links).toEqual([]);
    expect(label('hi! everything you need is at help.tinyapp.io ✨', 'export keeps failing')).toBe('deflecting');
  });

  it('labels "strike action … means" and "your ISP may be throttling" as blaming', () => {
    expect(evidence('Strike action by drivers means no buses will run on Monday.', 'are buses running monday?')).toContain('outside force: "strike action by drivers means no"');
    expect(label('Your ISP may be throttling the connection, so it is best to speak to them.', 'streams buffering every night')).toBe('blaming');
  });

  // Ordinary replies a second review found the newer cues misreading (the guide's label in each).
  it('keeps the brand\'s own fixes, boasts, product names and channel offers out of the newer cues', () => {
    const cases: [string, string, string][] = [
      ["We're aware of an issue with Acme's app on iOS and our engineers are working on a fix.", "app won't open", 'resolving'],
      ["With increased demand this weekend, we've added 20 extra trains between Leeds and York 🚆", 'will there be more trains for the races?', 'resolving'],
      ['Our new ice cream flavour means summer is finally here 🍦 Grab one in store!', 'any new flavours?', 'other'],
      ['Quit Photos.app, then hold Option while reopening it to rebuild the library.', 'photos app keeps crashing on my mac', 'resolving'],
      ['Thanks for booking with Hotels.com, Priya! Enjoy Lisbon 💙', 'just booked my trip, so excited!', 'other'],
      ["Sorry you were left on hold so long, Jo. We've added more staff this afternoon so waits should be under 5 minutes now.", 'been on hold for an hour!!', 'resolving'],
      ["We've sent your details to our engineers for them to fix today, and we'll update you by 5pm.", 'fault still not fixed', 'resolving'],
    ];
    for (const [text, answered, expected] of cases) expect(label(text, answered), text).toBe(expected);
    expect(cuesFor('Is the echo on every call or just some of them?', 'echo on my calls').has('diagnostic')).toBeDefined();
    expect(cuesFor("Don't worry, customers are not liable for fraudulent transactions on their account.", 'fraud on my card').has('policyRefusal')).toBeUndefined();
    expect(cuesFor('Huge thanks to our @GreenPeace partners for a brilliant beach clean today! 🌊', 'great work today').has('channel')).toBeUndefined();
    expect(cuesFor('On the Acme Developer portal, go to Settings › Keys and create a new API key.', 'where do I get an api key?').has('thirdParty')).toBeUndefined();
    expect(cuesFor('The receipt went to j.smith@outlook.com on Monday, check your spam folder for it.', 'never got a receipt').has('email')).toBeUndefined();
    expect(normalize('see acme.com/tv for the channel lineup').links).toEqual([{ url: 'acme.com/tv', kind: 'specific' }]);
  });
});

