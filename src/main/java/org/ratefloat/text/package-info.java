/**
 * Text safe for its reader: escaping of characters that could break a one-line message or drive a
 * terminal. Internal; depends on nothing else of the library.
 */
package org.ratefloat.text;
