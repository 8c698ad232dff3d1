/*
 * Just enough of a browser page for the site's scripts to run under node:
 * elements in a tree, their attributes, simple selectors, events that bubble
 * to the document and the window, focus and popovers. The scripts run
 * unchanged against it; a test reads the page afterwards as a reader would
 * see it (what is hidden, where links go, what the summary line says).
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

class FakeEventTarget {
  constructor() {
    this.listeners = new Map();
  }

  addEventListener(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(listener);
  }

  removeEventListener(type, listener) {
    const listeners = this.listeners.get(type) ?? [];
    if (listeners.includes(listener)) listeners.splice(listeners.indexOf(listener), 1);
  }

  /** Dispatch an event of `type` here and, as in a browser, on every
   *  ancestor up to the window. The event says whether a listener
   *  prevented its default action, which the scripts' tests check. */
  fire(type, properties = {}) {
    const event = {
      type,
      target: this,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
      ...properties,
    };
    for (let node = this; node; node = node.parentNode)
      for (const listener of [...(node.listeners?.get(type) ?? [])]) listener.call(node, event);
    return event;
  }
}

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };

// One compound selector: tag, .class, #id, [attribute], [attribute=value],
// :popover-open; a list of them separated by commas.
const SELECTOR_PART =
  /([a-z][a-z0-9]*)|\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:=(?:"([^"]*)"|([^\]]*)))?\]|(:popover-open)|(\s*,\s*)/gy;

const parseSelector = (selector) => {
  const alternatives = [[]];
  SELECTOR_PART.lastIndex = 0;
  const text = selector.trim();
  while (SELECTOR_PART.lastIndex < text.length) {
    const at = SELECTOR_PART.lastIndex;
    const match = SELECTOR_PART.exec(text);
    if (!match || match.index !== at)
      throw new Error(`the fake DOM cannot read the selector ${JSON.stringify(selector)}`);
    const [, tag, className, id, attribute, quoted, bare, popoverOpen, comma] = match;
    const tests = alternatives.at(-1);
    if (comma) alternatives.push([]);
    else if (tag) tests.push((el) => el.tagName === tag.toUpperCase());
    else if (className) tests.push((el) => el.classList.contains(className));
    else if (id) tests.push((el) => el.id === id);
    else if (attribute) {
      const value = quoted ?? bare;
      tests.push((el) =>
        value === undefined ? el.hasAttribute(attribute) : el.getAttribute(attribute) === value,
      );
    } else if (popoverOpen) tests.push((el) => el.popoverOpen);
  }
  return (el) => alternatives.some((tests) => tests.every((test) => test(el)));
};

class FakeText {
  constructor(document, text) {
    this.ownerDocument = document;
    this.nodeType = 3;
    this.parentNode = null;
    this.textContent = text;
  }
}

class FakeElement extends FakeEventTarget {
  constructor(document, tagName) {
    super();
    this.ownerDocument = document;
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.childNodes = [];
    this.parentNode = null;
    this.attributes = new Map();
    this.dataset = {};
    this.style = {};
    this.hidden = false;
    this.popoverOpen = false;
    this.classes = new Set();
    this.classList = {
      add: (...names) => names.forEach((name) => this.classes.add(name)),
      remove: (...names) => names.forEach((name) => this.classes.delete(name)),
      contains: (name) => this.classes.has(name),
    };
    // Sizes and places a test sets: nothing is laid out here.
    this.rect = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
    this.offsetWidth = 0;
    this.offsetHeight = 0;
    this.value = "";
  }

  get className() {
    return [...this.classes].join(" ");
  }

  set className(value) {
    this.classes = new Set(value.split(/\s+/).filter(Boolean));
  }

  // Attributes the scripts also set and read as properties.
  get id() {
    return this.getAttribute("id") ?? "";
  }

  set id(value) {
    this.setAttribute("id", value);
  }

  get href() {
    return this.getAttribute("href") ?? "";
  }

  set href(value) {
    this.setAttribute("href", value);
  }

  get title() {
    return this.getAttribute("title") ?? "";
  }

  set title(value) {
    this.setAttribute("title", value);
  }

  // A form's, as a browser reads them: the address resolved, GET by default.
  get action() {
    return new URL(this.getAttribute("action") ?? "", this.ownerDocument.baseURI).href;
  }

  get method() {
    return (this.getAttribute("method") ?? "get").toLowerCase();
  }

  get target() {
    return this.getAttribute("target") ?? "";
  }

  getAttribute(name) {
    if (name === "class") return this.classes.size ? this.className : null;
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  setAttribute(name, value) {
    if (name === "class") this.className = String(value);
    else this.attributes.set(name, String(value));
  }

  hasAttribute(name) {
    return this.getAttribute(name) !== null;
  }

  removeAttribute(name) {
    if (name === "class") this.classes.clear();
    else this.attributes.delete(name);
  }

  get children() {
    return this.childNodes.filter((node) => node.nodeType === 1);
  }

  get lastChild() {
    return this.childNodes.at(-1) ?? null;
  }

  get lastElementChild() {
    return this.children.at(-1) ?? null;
  }

  appendChild(node) {
    node.parentNode?.removeChild(node);
    this.childNodes.push(node);
    node.parentNode = this;
    return node;
  }

  removeChild(node) {
    this.childNodes.splice(this.childNodes.indexOf(node), 1);
    node.parentNode = null;
    return node;
  }

  get textContent() {
    return this.childNodes.map((node) => node.textContent).join("");
  }

  set textContent(text) {
    for (const node of [...this.childNodes]) this.removeChild(node);
    if (text !== "") this.appendChild(new FakeText(this.ownerDocument, String(text)));
  }

  get innerText() {
    return this.textContent;
  }

  set innerText(text) {
    this.textContent = text;
  }

  /** Sphinx sets only escaped text as HTML: it is read back as that text. */
  set innerHTML(html) {
    this.textContent = String(html).replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);
  }

  *descendants() {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  querySelectorAll(selector) {
    const matches = parseSelector(selector);
    return [...this.descendants()].filter(matches);
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  matches(selector) {
    return parseSelector(selector)(this);
  }

  closest(selector) {
    const matches = parseSelector(selector);
    for (let el = this; el && el.nodeType === 1; el = el.parentNode) if (matches(el)) return el;
    return null;
  }

  contains(node) {
    for (; node; node = node.parentNode) if (node === this) return true;
    return false;
  }

  getBoundingClientRect() {
    return { ...this.rect };
  }

  focus() {
    this.ownerDocument.activeElement = this;
    this.fire("focus");
  }

  showPopover() {
    this.popoverOpen = true;
  }

  hidePopover() {
    this.popoverOpen = false;
  }
}

class FakeDocument extends FakeEventTarget {
  constructor(window) {
    super();
    this.parentNode = window;
    this.documentElement = new FakeElement(this, "html");
    this.documentElement.parentNode = this;
    this.documentElement.clientWidth = 1024;
    this.body = this.documentElement.appendChild(new FakeElement(this, "body"));
    this.activeElement = this.body;
  }

  // The page's own address, which history.pushState changes.
  get baseURI() {
    return this.parentNode.location.href;
  }

  createElement(tagName) {
    return new FakeElement(this, tagName);
  }

  createTextNode(text) {
    return new FakeText(this, text);
  }

  getElementById(id) {
    return this.querySelector(`#${id}`);
  }

  querySelectorAll(selector) {
    return this.documentElement.matches(selector)
      ? [this.documentElement, ...this.documentElement.querySelectorAll(selector)]
      : this.documentElement.querySelectorAll(selector);
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  /** Build elements from a plain description, for a test's page:
   *  [tag, {attributes, and "text"}, ...children]. */
  build([tagName, attributes = {}, ...children]) {
    const el = this.createElement(tagName);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") el.textContent = value;
      else if (name === "hidden") el.hidden = value;
      else if (name.startsWith("data-")) el.dataset[name.slice(5)] = value;
      else el.setAttribute(name, value);
    }
    for (const child of children) el.appendChild(this.build(child));
    return el;
  }
}

/** A form's fields as a browser sends them: each named field, then the
 *  button that submitted it, if named. */
class FakeFormData {
  constructor(form, submitter) {
    this.fields = form
      .querySelectorAll("[name]")
      .map((field) => [field.getAttribute("name"), field.value]);
    if (submitter?.hasAttribute("name"))
      this.fields.push([submitter.getAttribute("name"), submitter.value]);
  }

  [Symbol.iterator]() {
    return this.fields[Symbol.iterator]();
  }
}

/** The history of one browser tab: pushState and replaceState change the
 *  address without loading; back() goes to the last entry and tells the
 *  page with a popstate event, as a browser's Back button does. */
class FakeHistory {
  constructor(window) {
    this.window = window;
    this.entries = [window.location.href];
    this.at = 0;
  }

  pushState(state, unused, address) {
    this.entries.splice(this.at + 1, Infinity, new URL(address, this.window.location).href);
    this.at += 1;
    this.window.location = new URL(this.entries[this.at]);
  }

  replaceState(state, unused, address) {
    this.entries[this.at] = new URL(address, this.window.location).href;
    this.window.location = new URL(this.entries[this.at]);
  }

  back() {
    this.at -= 1;
    this.window.location = new URL(this.entries[this.at]);
    this.window.fire("popstate");
  }
}

/**
 * A window at `address` whose body holds `body` (descriptions as for
 * FakeDocument.build), as the global object of a fresh vm context. Timers
 * never run by themselves: a test runs the ones it means to with
 * runTimers(), so nothing waits.
 */
function fakeWindow(address, body = []) {
  const window = new FakeEventTarget();
  const timers = new Map();
  let lastTimer = 0;
  Object.assign(window, {
    URL,
    URLSearchParams,
    FormData: FakeFormData,
    console,
    innerWidth: 1024,
    innerHeight: 768,
    location: new URL(address),
    setTimeout: (callback, delay) => {
      timers.set(++lastTimer, { callback, delay });
      return lastTimer;
    },
    clearTimeout: (id) => timers.delete(id),
    timers,
    runTimers() {
      for (const [id, { callback }] of [...timers]) {
        timers.delete(id);
        callback();
      }
    },
  });
  // A browser's global functions work called bare: addEventListener(...).
  for (const name of ["addEventListener", "removeEventListener"])
    window[name] = window[name].bind(window);
  window.window = window;
  window.history = new FakeHistory(window);
  window.document = new FakeDocument(window);
  for (const description of body)
    window.document.body.appendChild(window.document.build(description));
  return vm.createContext(window);
}

/** Run the script at `file` in `context` as a page's <script> would run,
 *  but with a `module` to export to, as node has: its exports, or null when
 *  it exported nothing (as it does when it returns early). */
function runScript(context, file) {
  const module = { exports: {} };
  context.module = module;
  vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file });
  delete context.module;
  return Object.keys(module.exports).length ? module.exports : null;
}

/** The path of a browser script of the site: `part` is its sub-package of
 *  amitriptyline_kb ("search", "pages"). */
const siteScript = (part, name) =>
  path.join(__dirname, "..", "..", "..", "amitriptyline_kb", part, "static", name);

module.exports = { fakeWindow, runScript, siteScript };
