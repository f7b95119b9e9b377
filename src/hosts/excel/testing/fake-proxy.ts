/**
 * The proxy machinery of the fake, after Office.js: calls and property writes are queued and
 * run in order at context.sync(); properties can be read only once loaded and synced (reading
 * earlier throws, like Office.js's PropertyNotLoaded); *OrNullObject results learn whether they
 * are null at the sync. The fake is stricter than Excel in one respect: calling a method on a
 * null object fails the sync, so code never depends on how Excel treats that.
 */
import { FakeError } from "./fake-doc";

export type LoadSpec = string | string[] | { select?: string; expand?: string };

/** What a FakeContext reports to whoever counts (the FakeExcel). */
export interface SyncObserver {
  beginSync(): void;
  /** Cells whose values/formulas/formats were loaded in the running sync. */
  cellsLoaded(count: number): void;
  endSync(): void;
  /** Whether this Excel has the ExcelApi requirement set (the fake's apiVersion). */
  supports?(version: string): boolean;
}

export function notLoaded(property: string): FakeError {
  return new FakeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Call load() and context.sync() before reading it.`
  );
}

export function loadPaths(spec: LoadSpec | undefined): string[] {
  const text =
    spec === undefined
      ? ""
      : Array.isArray(spec)
        ? spec.join(",")
        : typeof spec === "string"
          ? spec
          : [spec.select, spec.expand].filter(Boolean).join(",");
  const paths = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (!paths.length) throw new FakeError("InvalidArgument", "fake: load() needs property names");
  return paths;
}

/** Group "a/b", "a/c", "d" into a -> [b, c], d -> []. */
export function groupPaths(paths: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split("/");
    const list = groups.get(head) ?? [];
    if (rest.length) list.push(rest.join("/"));
    groups.set(head, list);
  }
  return groups;
}

export class FakeContext {
  private queue: (() => void)[] = [];
  private created: FakeObject<unknown>[] = [];
  /** Set by the fake's workbook proxy. */
  workbook: unknown;

  constructor(readonly observer: SyncObserver) {}

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  track(object: FakeObject<unknown>): void {
    this.created.push(object);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    this.observer.beginSync();
    try {
      for (const op of ops) op();
      for (const object of created) object.settle();
    } finally {
      this.observer.endSync();
    }
  }
}

export class FakeClientResult<T> {
  private result: { value: T } | null = null;

  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }

  set(value: T): void {
    this.result = { value };
  }
}

/** A proxy for one object of the document; T is what it points at once resolved. */
export abstract class FakeObject<T> {
  private resolved: { target: T | null } | null = null;
  private nullState: boolean | undefined;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    /** Resolve at the point of creation in the queue (methods such as getItem do). */
    queued = true
  ) {
    context.track(this as FakeObject<unknown>);
    if (queued) context.enqueue(() => void this.resolve());
  }

  /** Only while a sync runs. */
  resolve(): T | null {
    if (!this.resolved) this.resolved = { target: this.resolver() };
    return this.resolved.target;
  }

  /** The target, or a failed sync for a null object. */
  protected live(): T {
    const target = this.resolve();
    if (target === null)
      throw new FakeError("InvalidObjectPath", `fake: ${this.constructor.name} is a null object`);
    return target;
  }

  settle(): void {
    this.nullState = this.resolve() === null;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue(() => this.snapshot(paths));
    return this;
  }

  /** Run at the sync: copy the requested properties out of the document. */
  snapshot(paths: string[]): void {
    const target = this.resolve();
    if (target === null) return;
    for (const [head, rest] of groupPaths(paths)) {
      const child = this.navigation(head);
      if (child) {
        if (!rest.length)
          throw new FakeError("InvalidArgument", `fake: load a property of ${head}, not ${head}`);
        child.snapshot(rest);
      } else {
        if (rest.length)
          throw new FakeError("PropertyNotFound", `fake: ${head} has no ${rest.join(",")}`);
        this.loaded.set(head, this.read(target, head));
      }
    }
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  protected put(property: string, value: unknown): void {
    this.context.enqueue(() => this.write(this.live(), property, value));
  }

  /** Queue a call that needs the live target. */
  protected call(op: (target: T) => void): void {
    this.context.enqueue(() => op(this.live()));
  }

  protected abstract read(target: T, property: string): unknown;

  protected write(_target: T, property: string, _value: unknown): void {
    throw new FakeError(
      "InvalidArgument",
      `fake: ${this.constructor.name}.${property} is read-only`
    );
  }

  /** Navigation properties (format, worksheet, columns …) by name. */
  protected navigation(_name: string): FakeObject<unknown> | null {
    return null;
  }
}

/** A collection proxy: `items` once loaded; "name" and "items/name" both load item properties. */
export abstract class FakeCollection<T, I extends FakeObject<unknown>> extends FakeObject<T[]> {
  private loadedItems: I[] | null = null;

  get items(): I[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  override snapshot(paths: string[]): void {
    const list = this.resolve();
    if (list === null) return;
    const own = paths.filter((p) => p === "count");
    if (own.length) this.loaded.set("count", list.length);
    const itemPaths = paths
      .filter((p) => p !== "count")
      .map((p) => (p.startsWith("items/") ? p.slice("items/".length) : p));
    if (!itemPaths.length) return;
    this.loadedItems = list.map((x) => this.wrap(x));
    for (const item of this.loadedItems) {
      item.settle();
      item.snapshot(itemPaths);
    }
  }

  get count(): number {
    return this.get<number>("count");
  }

  protected read(_target: T[], property: string): unknown {
    throw new FakeError("PropertyNotFound", `fake: collection has no ${property}`);
  }

  /** A proxy for an item that is already known (created during a sync). */
  protected abstract wrap(item: T): I;
}
