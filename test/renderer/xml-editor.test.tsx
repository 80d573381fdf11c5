import { EditorView } from '@codemirror/view';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import XmlDiffView from '../../renderer/components/xml/XmlDiffView.js';
import XmlEditorView from '../../renderer/components/xml/XmlEditorView.js';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
});

let roots: Root[] = [];
afterEach(() => {
  for (const r of roots) act(() => r.unmount());
  roots = [];
  document.body.replaceChildren();
  document.documentElement.classList.remove('pf-v6-theme-dark');
});

function mount(node: React.ReactNode): { el: HTMLElement; root: Root } {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  act(() => root.render(node));
  roots.push(root);
  return { el, root };
}

/** The editor's own tree: it lives in its frame's shadow root (see shadow-root.ts). */
function cm(el: HTMLElement): ShadowRoot {
  const root = el.querySelector('.xml-editor-frame')?.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return root;
}

function viewIn(el: HTMLElement): EditorView {
  const dom = cm(el).querySelector<HTMLElement>('.cm-editor');
  if (!dom) throw new Error('no editor');
  const view = EditorView.findFromDOM(dom);
  if (!view) throw new Error('no view');
  return view;
}

const XML = '<domain type="kvm">\n  <name>a</name>\n  <memory>1024</memory>\n</domain>';

describe('XmlEditor', () => {
  it('shows the value, reports the user\'s edits and takes a new value without reporting it back', () => {
    const seen: string[] = [];
    const { el, root } = mount(<XmlEditorView value={XML} label="Definition" onChange={(v) => seen.push(v)} />);
    const view = viewIn(el);
    expect(view.state.doc.toString()).toBe(XML);
    expect(cm(el).querySelector('.cm-content')?.getAttribute('aria-label')).toBe('Definition');
    const at = XML.indexOf('>a<') + 1;
    act(() => view.dispatch({ changes: { from: at, to: at + 1, insert: 'b' }, userEvent: 'input.type' }));
    expect(seen).toEqual([XML.replace('<name>a</name>', '<name>b</name>')]);
    const next = XML.replace('1024', '2048');
    act(() => root.render(<XmlEditorView value={next} label="Definition" onChange={(v) => seen.push(v)} />));
    expect(view.state.doc.toString()).toBe(next);
    expect(seen).toHaveLength(1);
  });

  it('shows an error at its line and as text', () => {
    const { el } = mount(<XmlEditorView value={XML} label="Definition" error={{ line: 3, message: 'Element memory failed to validate' }} />);
    const marked = cm(el).querySelector('.cm-lintRange-error');
    expect(marked?.textContent).toBe('  <memory>1024</memory>');
    expect(el.querySelector('.pf-v6-c-helper-text')?.textContent).toContain('Element memory failed to validate');
    expect(cm(el).querySelector('.cm-content')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('is read-only when asked', () => {
    const { el } = mount(<XmlEditorView value={XML} label="Definition" readOnly />);
    expect(viewIn(el).state.readOnly).toBe(true);
    expect(cm(el).querySelector('.cm-content')?.getAttribute('contenteditable')).toBe('false');
  });

  it('follows the app\'s dark class', async () => {
    const { el } = mount(<XmlEditorView value={XML} label="Definition" />);
    const light = cm(el).querySelector('.cm-editor')?.className;
    await act(async () => {
      document.documentElement.classList.add('pf-v6-theme-dark');
      await new Promise((r) => setTimeout(r, 0)); // the MutationObserver's callback
    });
    const dark = cm(el).querySelector('.cm-editor')?.className;
    expect(dark).not.toBe(light);
    // Its styles are a constructed sheet of the shadow root (a <style> element would be refused by the CSP).
    // jsdom has no adoptedStyleSheets: CodeMirror's fallback is then a <style> in the shadow root, not the page.
    const adopted = cm(el).adoptedStyleSheets as CSSStyleSheet[] | undefined;
    expect((adopted?.length ?? 0) + cm(el).querySelectorAll('style').length).toBeGreaterThan(0);
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    expect(viewIn(el).state.facet(EditorView.darkTheme)).toBe(true);
  });
});

describe('XmlDiff', () => {
  it('marks exactly the changed lines: the removed one and the added one', () => {
    const after = XML.replace('1024', '2048');
    const { el } = mount(<XmlDiffView before={XML} after={after} label="Change" />);
    const added = [...cm(el).querySelectorAll('.cm-changedLine')].map((n) => n.textContent);
    const removed = [...cm(el).querySelectorAll('.cm-deletedChunk .cm-deletedLine')].map((n) => n.textContent);
    expect(added).toEqual(['  <memory>2048</memory>']);
    expect(removed).toEqual(['  <memory>1024</memory>']);
    expect(viewIn(el).state.readOnly).toBe(true);
  });
});
