/**
 * Staying within Excel on the web's 5 MB per request and per response: "Excel on the web has a
 * payload size limit for requests and responses of 5MB. RichAPI.Error will be thrown if that
 * limit is exceeded … Split the operation into smaller pieces as needed. Call context.sync()
 * for each sub-operation"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *
 * The host estimates what each queued operation adds to a request the way Office.js serializes
 * it (one JSON body per sync: every proxy an object path, every operation an action, see
 * testing/fake-proxy.ts), packs operations into syncs under BUDGET, and when Excel still
 * refuses a request or response for its size (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded) sends that piece again in two halves.
 * payload.test.ts checks the estimates against @microsoft/office-js's own serializer.
 */

/** Bytes a request or response may carry, with a fifth left for what estimates miss. */
export const BUDGET = 4_000_000;

/**
 * An object path without its arguments, as Office.js writes it, with the instantiate action
 * that goes with it and its id in the release list:
 * {"Id":12345,"ObjectPathType":3,"Name":"GetItemOrNullObject","ParentObjectPathId":12340,"ArgumentInfo":{"Arguments":[]}}
 * {"Id":12346,"ActionType":1,"Name":"","ObjectPathId":12345} — measured at 150–190 bytes.
 */
export const PATH_BYTES = 200;
/** An action without its arguments: {"Id":12347,"ActionType":4,"Name":"Color","ObjectPathId":12345,"ArgumentInfo":{"Arguments":[]}}. */
export const ACTION_BYTES = 100;

const SIZE_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

export function errorCode(e: unknown): string | undefined {
  if (!e || typeof e !== "object") return undefined;
  const code = (e as { code?: unknown }).code;
  const inner = (e as { debugInfo?: { code?: unknown } }).debugInfo?.code;
  if (typeof code === "string" && code !== "GeneralException") return code;
  if (typeof inner === "string") return inner;
  return typeof code === "string" ? code : undefined;
}

/** Excel refused a request or response for its size. */
export function isSizeError(e: unknown): boolean {
  return SIZE_CODES.has(errorCode(e) ?? "");
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** Bytes of values as JSON arguments. */
export function jsonBytes(...values: unknown[]): number {
  return utf8Length(JSON.stringify(values));
}

/** Bytes of a request with `paths` object paths and `actions` actions, plus their arguments. */
export function requestBytes(paths: number, actions: number, ...args: unknown[]): number {
  return paths * PATH_BYTES + actions * ACTION_BYTES + (args.length ? jsonBytes(...args) : 0);
}

/** Consecutive groups of items whose estimated bytes stay under the budget (one item at least). */
export function packByBytes<T>(
  items: readonly T[],
  bytes: (item: T) => number,
  budget: number = BUDGET
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length && used + b > budget) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += b;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Send `items` with `attempt` (which queues them and syncs); a piece Excel refuses for its size
 * is sent again in two halves, down to single items. Attempts must build their proxies afresh:
 * nothing of a refused request ran.
 */
export async function sendHalving<T>(
  items: readonly T[],
  attempt: (piece: readonly T[]) => Promise<void>
): Promise<void> {
  try {
    await attempt(items);
  } catch (e) {
    if (!isSizeError(e) || items.length <= 1) throw e;
    const half = Math.ceil(items.length / 2);
    await sendHalving(items.slice(0, half), attempt);
    await sendHalving(items.slice(half), attempt);
  }
}

/** packByBytes, then each group sent with sendHalving, one after another. */
export async function sendInChunks<T>(
  items: readonly T[],
  bytes: (item: T) => number,
  attempt: (piece: readonly T[]) => Promise<void>,
  budget: number = BUDGET
): Promise<number> {
  const chunks = packByBytes(items, bytes, budget);
  for (const chunk of chunks) await sendHalving(chunk, attempt);
  return chunks.length;
}
