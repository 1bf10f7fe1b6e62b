import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countryOfPhoneNumber, ourCountry } from '#functions/sms/phone-country';
import { sameBytes, signedText, twilio, twilioInbound, twilioSignature, twiml } from '#functions/sms/twilio';

const URL = 'https://voterdesk.example/api/sms/inbound';
const TOKEN = '0123456789abcdef0123456789abcdef';
const fields = new URLSearchParams({
  ToCountry: 'KG',
  Body: 'ПИН 21203198701310',
  From: '+996555123456',
  To: '119',
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  NumMedia: '0',
});

describe('Twilio’s request signature (X-Twilio-Signature)', () => {
  it('is the example of Twilio’s documentation: URL, then the fields sorted by name, HMAC-SHA1 under the auth token, base64', async () => {
    const example = new URLSearchParams({ CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' });
    expect(await twilioSignature('https://mycompany.com/myapp.php?foo=1&bar=2', example, '12345')).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('agrees with node:crypto on a Cyrillic body, and covers fields the form does not name', async () => {
    const expected = createHmac('sha1', TOKEN)
      .update(`${URL}BodyПИН 21203198701310From+996555123456MessageSidSM0123456789abcdef0123456789abcdefNumMedia0To119ToCountryKG`)
      .digest('base64');
    expect(signedText(URL, fields)).toBe(`${URL}BodyПИН 21203198701310From+996555123456MessageSidSM0123456789abcdef0123456789abcdefNumMedia0To119ToCountryKG`);
    expect(await twilioSignature(URL, fields, TOKEN)).toBe(expected);
  });

  it('verifies a right signature, and refuses a missing one, a wrong one, another token, a changed field or URL', async () => {
    const signature = await twilioSignature(URL, fields, TOKEN);
    const verify = (changes: Partial<{ url: string; fields: URLSearchParams; signature: string | undefined; token: string }>) =>
      twilio.verify(
        { url: changes.url ?? URL, fields: changes.fields ?? fields, signature: 'signature' in changes ? changes.signature : signature },
        changes.token ?? TOKEN,
      );
    expect(await verify({})).toBe(true);
    // Twilio's own validator also accepts the URL with the scheme's default port written out.
    expect(
      await twilio.verify({ url: URL, fields, signature: await twilioSignature('https://voterdesk.example:443/api/sms/inbound', fields, TOKEN) }, TOKEN),
    ).toBe(true);
    expect(await verify({ signature: undefined })).toBe(false);
    expect(await verify({ signature: '' })).toBe(false);
    expect(await verify({ signature: `${signature.slice(0, -2)}A=` })).toBe(false);
    expect(await verify({ signature: 'not base64 at all!' })).toBe(false);
    expect(await verify({ token: 'fedcba9876543210fedcba9876543210' })).toBe(false);
    expect(await verify({ url: `${URL}?x=1` })).toBe(false);
    const changed = new URLSearchParams(fields);
    changed.set('Body', 'ПИН 21503198512345');
    expect(await verify({ fields: changed })).toBe(false);
    const added = new URLSearchParams(fields);
    added.append('Extra', '1');
    expect(await verify({ fields: added })).toBe(false);
  });

  it('compares every byte whatever the first difference (constant time), and unequal lengths never match', () => {
    const a = Uint8Array.from([1, 2, 3, 4]);
    expect(sameBytes(a, Uint8Array.from([1, 2, 3, 4]))).toBe(true);
    expect(sameBytes(a, Uint8Array.from([9, 2, 3, 4]))).toBe(false);
    expect(sameBytes(a, Uint8Array.from([1, 2, 3, 9]))).toBe(false);
    expect(sameBytes(a, Uint8Array.from([1, 2, 3]))).toBe(false);
    expect(sameBytes(a, Uint8Array.from([1, 2, 3, 4, 0]))).toBe(false);
    expect(sameBytes(a, new Uint8Array())).toBe(false);
  });
});

describe('the Twilio form and answer', () => {
  it('reads the form as a message: the text, the sender, and the countries of both numbers', () => {
    const form = twilioInbound.parse(Object.fromEntries(fields));
    expect(twilio.message(form)).toEqual({ from: '+996555123456', text: 'ПИН 21203198701310', senderCountry: 'KG', serviceCountry: 'KG' });
    // Without FromCountry/ToCountry, the country code of the number.
    const bare = twilioInbound.parse({ MessageSid: 'SM0123456789abcdef0123456789abcdef', From: '+77011234567', To: '+359888000000', Body: '' });
    expect(twilio.message(bare)).toMatchObject({ senderCountry: 'KZ', serviceCountry: 'BG' });
  });

  it('refuses a form that is not Twilio’s: no MessageSid, no sender, a body over 1,600 characters', () => {
    expect(twilioInbound.safeParse({ From: '+1', To: '119', Body: 'x' }).success).toBe(false);
    expect(twilioInbound.safeParse({ MessageSid: 'SM0123456789abcdef0123456789abcdef', From: ' ', To: '119', Body: 'x' }).success).toBe(false);
    expect(twilioInbound.safeParse({ MessageSid: 'SM0123456789abcdef0123456789abcdef', From: '+1', To: '119', Body: 'x'.repeat(1601) }).success).toBe(false);
  });

  it('answers with TwiML, the text escaped, line breaks kept and control characters dropped', () => {
    expect(twiml('№1001 <Чүй> & "7"\nok\u0007')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>№1001 &lt;Чүй&gt; &amp; &quot;7&quot;\nok</Message></Response>',
    );
  });
});

describe('the country of a phone number', () => {
  it('by its calling code: +359 Bulgaria, +996 Kyrgyzstan, +7 6 and +7 7 Kazakhstan (the rest of +7 is Russia)', () => {
    expect(countryOfPhoneNumber('+359 88 123 4567')).toBe('BG');
    expect(countryOfPhoneNumber('+996555123456')).toBe('KG');
    expect(countryOfPhoneNumber('+77011234567')).toBe('KZ');
    expect(countryOfPhoneNumber('+76001234567')).toBe('KZ');
    expect(countryOfPhoneNumber('+79161234567')).toBeUndefined();
    expect(countryOfPhoneNumber('119')).toBeUndefined();
    expect(countryOfPhoneNumber('VoterDesk')).toBeUndefined();
    expect([ourCountry('kg'), ourCountry('US'), ourCountry(undefined)]).toEqual(['KG', undefined, undefined]);
  });
});
