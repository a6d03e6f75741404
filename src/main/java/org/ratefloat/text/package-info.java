/**
 * What ratefloat says to people, and how it is kept safe for them: the message catalogue
 * ({@link org.ratefloat.text.Catalogue}, every sentence by key in Chinese and English,
 * {@code messages_zh.properties} and {@code messages_en.properties}), the glossary of the measures'
 * terms it takes its words from ({@link org.ratefloat.text.Glossary}, {@code glossary.json}), the two
 * languages ({@link org.ratefloat.text.Language}) and the escaping of characters that could break a
 * one-line message or drive a terminal ({@link org.ratefloat.text.Printable}). Internal; depends on
 * nothing else of the library. Start with the catalogue.
 */
package org.ratefloat.text;
