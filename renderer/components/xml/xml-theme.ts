import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

// Colours come from CSS variables (xml.css) in PatternFly's tokens, defined for light and dark; the `dark` flag
// tells CodeMirror's base theme which default selection and cursor colours to use.
const highlight = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: 'var(--hangar-xml-tag)' },
  { tag: tags.attributeName, color: 'var(--hangar-xml-attribute)' },
  { tag: tags.attributeValue, color: 'var(--hangar-xml-value)' },
  { tag: [tags.comment, tags.blockComment], color: 'var(--hangar-xml-comment)', fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.documentMeta], color: 'var(--hangar-xml-meta)' },
  { tag: tags.character, color: 'var(--hangar-xml-entity)' },
  { tag: tags.invalid, color: 'var(--pf-t--global--text--color--status--danger--default)' },
]);

function base(dark: boolean): Extension {
  return EditorView.theme({
    '&': {
      color: 'var(--pf-t--global--text--color--regular)',
      backgroundColor: 'var(--pf-t--global--background--color--primary--default)',
      fontSize: 'var(--pf-t--global--font--size--sm)',
      maxHeight: '32rem',
      // Scroll bars and form controls in the theme's scheme too.
      colorScheme: dark ? 'dark' : 'light',
    },
    '&.cm-focused': { outline: 'none' },
    '.cm-content': { fontFamily: 'var(--pf-t--global--font--family--mono)', caretColor: 'var(--pf-t--global--text--color--regular)' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--pf-t--global--text--color--regular)' },
    '.cm-gutters': {
      backgroundColor: 'var(--pf-t--global--background--color--secondary--default)',
      color: 'var(--pf-t--global--text--color--subtle)',
      borderRight: '1px solid var(--pf-t--global--border--color--default)',
    },
    '.cm-activeLine': { backgroundColor: 'var(--hangar-xml-active-line)' },
    '.cm-activeLineGutter': { backgroundColor: 'var(--hangar-xml-active-line)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
      { backgroundColor: 'var(--hangar-xml-selection)' },
    '.cm-panels': {
      backgroundColor: 'var(--pf-t--global--background--color--secondary--default)',
      color: 'var(--pf-t--global--text--color--regular)',
    },
    '.cm-tooltip': {
      backgroundColor: 'var(--pf-t--global--background--color--floating--default)',
      color: 'var(--pf-t--global--text--color--regular)',
      border: '1px solid var(--pf-t--global--border--color--default)',
    },
  }, { dark });
}

// The merge view's own colours are for a white page; these follow the theme.
const diff = EditorView.theme({
  '.cm-changedLine': { backgroundColor: 'var(--hangar-diff-added) !important' },
  '.cm-changedText': { background: 'var(--hangar-diff-added-text) !important' },
  '.cm-deletedChunk': { backgroundColor: 'var(--hangar-diff-removed) !important' },
  // Only the text spans: the <del> around them as well would lay the colour on twice.
  '.cm-deletedChunk .cm-deletedText': { background: 'var(--hangar-diff-removed-text) !important' },
  '.cm-deletedChunk del': { textDecoration: 'none' },
  '.cm-changedLineGutter': { background: 'var(--pf-t--global--color--status--success--default) !important' },
  '.cm-deletedLineGutter': { background: 'var(--pf-t--global--color--status--danger--default) !important' },
  '.cm-collapsedLines': {
    background: 'var(--pf-t--global--background--color--secondary--default)',
    color: 'var(--pf-t--global--text--color--subtle)',
  },
});

/** The editor's look in the app's light or dark theme. */
export function xmlTheme(dark: boolean): Extension {
  return [base(dark), syntaxHighlighting(highlight)];
}

/** The diff's look: the editor's, with added and removed lines in the theme's colours. */
export function diffTheme(dark: boolean): Extension {
  return [xmlTheme(dark), diff];
}
