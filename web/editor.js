// The candidate page's code editor: CodeMirror 6 with C highlighting, bundled by web/build into
// web/dist/editor.js (an IIFE that sets window.ProctorEditor; no module loader, no CDN).
import { basicSetup, EditorView } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { cpp } from "@codemirror/lang-cpp";
import { indentUnit } from "@codemirror/language";

function create(parent, doc, nonce, onChange) {
  const readOnly = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        cpp(),
        indentUnit.of("    "),
        // The page's CSP allows generated styles only with this page's nonce.
        EditorView.cspNonce.of(nonce),
        readOnly.of([EditorState.readOnly.of(false), EditorView.editable.of(true)]),
        EditorView.updateListener.of((u) => { if (u.docChanged && onChange) onChange(); }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    setReadOnly: (on) => view.dispatch({
      effects: readOnly.reconfigure([EditorState.readOnly.of(on), EditorView.editable.of(!on)]),
    }),
    focus: () => view.focus(),
  };
}

window.ProctorEditor = { create };
