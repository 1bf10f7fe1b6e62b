import type { z } from 'zod';
import type { Country } from '#core/countries';

/**
 * What the SMS feature needs from a gateway, so that connecting a second one is one file next to
 * `twilio.ts`: how it signs its webhook, the form it posts, how that form reads as a message, and
 * the answer that makes it send a reply in the same HTTP exchange (no outbound call, nothing
 * stored).
 */
export interface SmsGateway<Form extends z.ZodType = z.ZodType> {
  /** As the docs and logs name it. */
  name: string;
  /** The request header that carries the signature (lower case). */
  signatureHeader: string;
  /** The inbound form as the gateway posts it (`application/x-www-form-urlencoded`): validated, and published in the OpenAPI document. */
  form: Form;
  /**
   * Whether the gateway signed this request with `token`: the URL it called, every field it
   * posted (also those `form` does not name) and the signature header. Constant time.
   */
  verify(request: SignedRequest, token: string): Promise<boolean>;
  /** The validated form as a message. */
  message(form: z.infer<Form>): InboundMessage;
  /** The answer that has the gateway send `text` to the sender. */
  reply: { contentType: string; schema: z.ZodType; body(text: string): string };
}

export interface SignedRequest {
  url: string;
  fields: URLSearchParams;
  signature: string | undefined;
}

/** One inbound text message, held in memory for one answer: never stored, never logged. */
export interface InboundMessage {
  /** The sender's phone number: read only for the per-sender limit's HMAC and its country code. */
  from: string;
  text: string;
  /** The sender's country, when the gateway or the number's country code tells it. */
  senderCountry?: Country | undefined;
  /** The country of the number the message was sent to (the service's own). */
  serviceCountry?: Country | undefined;
}
