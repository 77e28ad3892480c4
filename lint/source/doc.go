// Package source is contentlint's toolkit for positioned text: the line
// index that turns byte offsets into lines and columns, spans, one
// positioned error type, JSON pointers and the field paths people read, and
// the decoders that read YAML, TOML and JSON with the position of every key
// and value. The linter, the schema compiler, the configuration loader and
// init all use it, so they agree on where things are.
package source
