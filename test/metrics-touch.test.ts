import { describe, expect, it } from 'vitest';
import { firstNameOf, greetedName, nameUsed, personalTouchOf } from '../src/score/touch.js';
import { reply } from './support/replies.js';

describe('personal touch', () => {
  it('finds the name a reply greets the person with', () => {
    expect(greetedName('@ab12 Hi Sarah, we have sent a new code.')).toBe('Sarah');
    expect(greetedName('@ab12 Hey Jean-Luc! All fixed now.')).toBe('Jean-Luc');
    expect(greetedName('@ab12 @Brand Thanks, Omar. Your refund is on its way.')).toBe('Omar');
    expect(greetedName('Hello Mr Okafor, the engineer is booked.')).toBe('Mr Okafor');
  });

  it('does not take greeting words, pronouns or shouting for names', () => {
    expect(greetedName('@ab12 Hi there, please DM us.')).toBeNull();
    expect(greetedName('@ab12 Hi Team, please DM us.')).toBeNull();
    expect(greetedName('@ab12 Thanks for reaching out!')).toBeNull();
    expect(greetedName('@ab12 Hi, Please DM us.')).toBeNull();
    expect(greetedName('@ab12 Hi DM us please')).toBeNull();
    expect(greetedName('@ab12 Sorry We missed this.')).toBeNull();
  });

  it('uses the answered person’s display name when the source has it', () => {
    expect(firstNameOf('Priya K.')).toBe('Priya');
    expect(firstNameOf('xX gamer Xx')).toBeNull();
    expect(nameUsed('@pk_22 That should be sorted now, Priya.', { authorName: 'Priya K.' })).toBe('Priya');
    expect(nameUsed('@pk_22 That should be sorted now.', { authorName: 'Priya K.' })).toBeNull();
    expect(nameUsed('@Priya that should be sorted now.', { authorName: 'Priya K.' })).toBeNull(); // a handle is not a name
  });

  it('counts replies signed by an agent, replies that name the person, and either', () => {
    const t = personalTouchOf([
      reply({ text: '@a1 Your new card is on its way. ^JK' }),
      reply({ text: '@a2 Hi Mona, your new card is on its way.' }),
      reply({ text: '@a3 Hi Mona, your new card is on its way. -Becky' }),
      reply({ text: '@a4 Your new card is on its way.' }),
    ])!;
    expect(t).toEqual({ replies: 4, signedReplies: 2, signedShare: 0.5, namedReplies: 2, namedShare: 0.5, personalReplies: 3, personalShare: 0.75 });
  });

  it('is null when there are no replies', () => {
    expect(personalTouchOf([])).toBeNull();
  });
});
