/**
 * The proxy machinery of the fake, after Office.js: calls and property writes are queued and
 * run in order at context.sync(); properties can be read only once loaded and synced (reading
 * earlier throws, like Office.js's PropertyNotLoaded); *OrNullObject results learn whether they
 * are null at the sync. The fake is stricter than Excel in one respect: calling a method on a
 * null object fails the sync, so code never depends on how Excel treats that.
 *
 * Every queued operation is also written down the way Office.js serializes it, so each sync
 * knows the size of its request: Office.js sends one JSON body per sync,
 * {"Actions":[…],"ObjectPaths":{…}}, where every proxy the request touches is an object path
 * (its parent, method or property name and arguments) and every operation an action
 * (instantiate, query, method, set property). This is what `ClientRequestBase.
 * buildRequestMessageBodyAndRequestFlags` builds in @microsoft/office-js and what
 * `RichApiMessageUtility.buildMessageArrayForIRequestExecutor` sends as JSON.stringify(body);
 * testing/officejs-calibration.test.ts holds the fake's count against that code. Responses are
 * counted as the JSON of the values they carry. Excel on the web refuses a request or a
 * response over 5 MB (fake-excel.ts enforces it).
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
  /** Before a request is sent: wait (or fail) while the user edits a cell. */
  admit?(context: FakeContext): Promise<void>;
  /** The request's size in bytes; throws when Excel would refuse it (nothing has run). */
  request?(bytes: number): void;
  /** The response's size in bytes; throws when Excel would refuse to send it. */
  response?(bytes: number): void;
  /** After a sync: events raised by what the sync did. */
  afterSync?(): void;
}

/** Options of Excel.run that the fake honours (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
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

/** Bytes of a string in UTF-8 (what goes over the wire). */
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

/** How an object is reached from its parent, as an Office.js object path. */
export interface PathSpec {
  /** Office.js ObjectPathType: 1 root, 3 method, 4 property, 5 indexer (getItem), 6 item of a loaded collection. */
  kind: "root" | "method" | "property" | "indexer" | "item";
  /** Method or property name as Office.js sends it (PascalCase: "GetRange", "Format"). */
  name: string;
  args?: unknown[];
  /** The object it is reached from; the workbook when not given. */
  parent?: FakeObject<unknown> | null;
  /** A method that changes the document (add, insert…): Office.js sends it at once. */
  eager?: boolean;
}

const PATH_TYPE: Record<PathSpec["kind"], number> = {
  root: 1,
  method: 3,
  property: 4,
  indexer: 5,
  item: 6,
};

/** Office.js's names are PascalCase ("values" -> "Values"). */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export class FakeContext {
  private queue: (() => void)[] = [];
  private created: FakeObject<unknown>[] = [];
  private seq = 0;
  /** The request being built: object paths by id, actions in order (JSON text each). */
  private paths = new Map<number, string>();
  private actions: string[] = [];
  private instantiating = new Set<FakeObject<unknown>>();
  /** Objects that loaded data in the running sync (their data is dropped if it cannot be sent). */
  private loadedNow = new Set<FakeObject<unknown>>();
  private responseBytes = 0;
  /** Set by the fake's workbook proxy. */
  workbook: unknown;

  constructor(
    readonly observer: SyncObserver,
    readonly runOptions: FakeRunOptions = {}
  ) {}

  nextId(): number {
    this.seq += 1;
    return this.seq;
  }

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  track(object: FakeObject<unknown>): void {
    this.created.push(object);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** The object path of `object` and its parents go into the request; new ones are instantiated. */
  reference(object: FakeObject<unknown>): void {
    const chain: FakeObject<unknown>[] = [];
    for (let o: FakeObject<unknown> | null = object; o; o = o.parentObject()) chain.unshift(o);
    for (const o of chain) {
      if (!this.paths.has(o.pathId)) {
        this.paths.set(o.pathId, o.pathJson());
        for (const arg of o.argumentObjects()) this.reference(arg);
      }
      if (!o.instantiated && !this.instantiating.has(o)) {
        this.instantiating.add(o);
        this.actions.push(
          `{"Id":${this.nextId()},"ActionType":1,"Name":"","ObjectPathId":${o.pathId}}`
        );
      }
    }
  }

  /** An action on `object`: 2 query, 3 method, 4 set property. */
  action(
    object: FakeObject<unknown>,
    type: 2 | 3 | 4,
    name: string,
    args: unknown[] = [],
    select?: string[]
  ): void {
    this.reference(object);
    const refs = args.filter((a): a is FakeObject<unknown> => a instanceof FakeObject);
    for (const r of refs) this.reference(r);
    const id = this.nextId();
    const head = `{"Id":${id},"ActionType":${type},"Name":${JSON.stringify(type === 2 ? "" : name)},"ObjectPathId":${object.pathId}`;
    if (type === 2) {
      this.actions.push(`${head},"QueryInfo":{"Select":${JSON.stringify(select ?? [])}}}`);
      return;
    }
    this.actions.push(`${head},"ArgumentInfo":{"Arguments":${serializeArgs(args)}}}`);
  }

  /**
   * The request's JSON size. Office.js also lists, on the last action using each object path,
   * the paths it may release ("L":[…]): counted as each path id once plus the list's brackets.
   */
  requestBytes(): number {
    if (!this.actions.length) return 0;
    const paths = [...this.paths].map(([id, json]) => `"${id}":${json}`).join(",");
    const body = `{"Actions":[${this.actions.join(",")}],"ObjectPaths":{${paths}}}`;
    let release = 0;
    for (const id of this.paths.keys()) release += String(id).length + 1;
    release += 6 * Math.ceil(this.paths.size / 3);
    return utf8Length(body) + release;
  }

  /** A loaded value going back in the response (JSON of the value, and its action's wrapper). */
  responded(object: FakeObject<unknown> | null, value: unknown): void {
    this.responseBytes += 24 + utf8Length(JSON.stringify(value) ?? "null");
    if (object) this.loadedNow.add(object);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    const created = this.created;
    const bytes = this.requestBytes();
    const instantiating = this.instantiating;
    this.queue = [];
    this.created = [];
    this.paths = new Map();
    this.actions = [];
    this.instantiating = new Set();
    this.loadedNow = new Set();
    this.responseBytes = 0;
    // A request that cannot be sent (the user is editing a cell) is lost with all it held.
    if (this.observer.admit) await this.observer.admit(this);
    this.observer.beginSync();
    try {
      // Excel refuses an oversized request before running any of it.
      this.observer.request?.(bytes);
      for (const o of instantiating) o.instantiated = true;
      for (const op of ops) op();
      for (const object of created) object.settle();
      if (this.observer.response) {
        try {
          this.observer.response(this.responseBytes + (ops.length ? 40 : 0));
        } catch (e) {
          // What was loaded never arrives.
          for (const o of this.loadedNow) o.forget();
          throw e;
        }
      }
    } finally {
      this.observer.endSync();
      this.observer.afterSync?.();
    }
  }
}

function serializeArgs(args: unknown[]): string {
  return JSON.stringify(args.map((a) => (a instanceof FakeObject ? a.pathId : (a ?? null))));
}

export class FakeClientResult<T> {
  private result: { value: T } | null = null;

  constructor(private readonly context?: FakeContext) {}

  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }

  set(value: T): void {
    this.result = { value };
    this.context?.responded(null, value);
  }
}

/** A proxy for one object of the document; T is what it points at once resolved. */
export abstract class FakeObject<T> {
  private resolved: { target: T | null } | null = null;
  private nullState: boolean | undefined;
  protected readonly loaded = new Map<string, unknown>();
  readonly pathId: number;
  private spec: PathSpec;
  /** Sent to Excel in an earlier request of this context. */
  instantiated = false;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    /** Resolve at the point of creation in the queue (methods such as getItem do). */
    queued = true
  ) {
    this.pathId = context.nextId();
    this.spec = { kind: "property", name: this.constructor.name.replace(/^Fake/, "") };
    context.track(this as FakeObject<unknown>);
    if (queued) context.enqueue(() => void this.resolve());
  }

  /** Describe how Office.js reaches this object (for the size of requests). */
  at(spec: PathSpec): this {
    this.spec = spec;
    if (spec.eager) this.context.reference(this as FakeObject<unknown>);
    return this;
  }

  parentObject(): FakeObject<unknown> | null {
    if (this.spec.kind === "root") return null;
    if (this.spec.parent !== undefined) return this.spec.parent;
    const root = this.context.workbook as FakeObject<unknown> | undefined;
    return root && root !== (this as FakeObject<unknown>) ? root : null;
  }

  argumentObjects(): FakeObject<unknown>[] {
    return (this.spec.args ?? []).filter((a): a is FakeObject<unknown> => a instanceof FakeObject);
  }

  pathJson(): string {
    const parent = this.parentObject();
    let json = `{"Id":${this.pathId},"ObjectPathType":${PATH_TYPE[this.spec.kind]},"Name":${JSON.stringify(this.spec.name)}`;
    if (parent) json += `,"ParentObjectPathId":${parent.pathId}`;
    if (this.spec.args) {
      json += `,"ArgumentInfo":{"Arguments":${serializeArgs(this.spec.args)}`;
      if (this.argumentObjects().length)
        json += `,"ReferencedObjectPathIds":${JSON.stringify(this.spec.args.map((a) => (a instanceof FakeObject ? a.pathId : 0)))}`;
      json += "}";
    }
    return `${json}}`;
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

  /** Loaded data that never arrived (a response Excel refused to send). */
  forget(): void {
    this.loaded.clear();
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.action(
      this as FakeObject<unknown>,
      2,
      "",
      [],
      paths.map((p) => p.replace(/^items\//, ""))
    );
    this.context.enqueue(() => this.snapshot(paths));
    return this;
  }

  /** Run at the sync: copy the requested properties out of the document. */
  snapshot(paths: string[]): void {
    const target = this.resolve();
    if (target === null) return;
    const sent: Record<string, unknown> = {};
    for (const [head, rest] of groupPaths(paths)) {
      const child = this.navigation(head);
      if (child) {
        if (!rest.length)
          throw new FakeError("InvalidArgument", `fake: load a property of ${head}, not ${head}`);
        child.snapshot(rest);
      } else {
        if (rest.length)
          throw new FakeError("PropertyNotFound", `fake: ${head} has no ${rest.join(",")}`);
        const value = this.read(target, head);
        this.loaded.set(head, value);
        sent[pascal(head)] = value;
      }
    }
    if (Object.keys(sent).length) this.context.responded(this as FakeObject<unknown>, sent);
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  protected put(property: string, value: unknown): void {
    this.context.action(this as FakeObject<unknown>, 4, pascal(property), [value]);
    this.context.enqueue(() => this.write(this.live(), property, value));
  }

  /** Queue a call that needs the live target; name and arguments as Office.js sends them. */
  protected call(op: (target: T) => void, name = "Method", args: unknown[] = []): void {
    this.context.action(this as FakeObject<unknown>, 3, name, args);
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

  override forget(): void {
    super.forget();
    this.loadedItems = null;
  }

  override snapshot(paths: string[]): void {
    const list = this.resolve();
    if (list === null) return;
    const own = paths.filter((p) => p === "count");
    if (own.length) {
      this.loaded.set("count", list.length);
      this.context.responded(this as FakeObject<unknown>, { Count: list.length });
    }
    const itemPaths = paths
      .filter((p) => p !== "count")
      .map((p) => (p.startsWith("items/") ? p.slice("items/".length) : p));
    if (!itemPaths.length) return;
    this.loadedItems = list.map((x, i) =>
      // Office.js reaches a loaded item by its reference id, some 40 characters.
      this.wrap(x).at({
        kind: "item",
        name: "",
        parent: this,
        args: [`{${String(i).padStart(36, "0")}}`],
      })
    );
    this.context.responded(this as FakeObject<unknown>, []);
    for (const item of this.loadedItems) {
      item.settle();
      item.instantiated = true;
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
