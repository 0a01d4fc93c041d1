/**
 * DOM numbers by name: the node types `Node.ELEMENT_NODE` and `Node.TEXT_NODE` and the walker filter
 * `NodeFilter.SHOW_TEXT`. The page core reads them as constants because `Node` and `NodeFilter` are
 * not defined where it is unit-tested (Node.js).
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** `NodeFilter.SHOW_TEXT`: a tree walker over text nodes only. */
export const SHOW_TEXT = 4;
