package lint

import (
	"strconv"
	"strings"

	"github.com/glasgow-open-data/contentlint/schema"
)

func pointerToken(key string) string { return schema.EscapeToken(key) }

func describe(v any) string { return schema.Describe(v) }

// FieldPath turns a JSON pointer into the dotted path people read:
// "/social/twitter" → "social.twitter", "/tags/2" → "tags[2]".
// A token is an array index where data says the parent is a list, or, when
// data does not say, where the token is a number.
func FieldPath(data any, ptr string) string {
	if ptr == "" {
		return ""
	}
	var b strings.Builder
	cur := data
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		_, isList := cur.([]any)
		if isList || (cur == nil && isIndex(tok)) {
			b.WriteString("[" + tok + "]")
			c, _ := cur.([]any)
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(c) {
				cur = c[i]
			} else {
				cur = nil
			}
			continue
		}
		if m, ok := cur.(map[string]any); ok {
			cur = m[tok]
		} else {
			cur = nil
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		if tok == "" || strings.ContainsAny(tok, ". []") {
			b.WriteString(strconv.Quote(tok))
		} else {
			b.WriteString(tok)
		}
	}
	return b.String()
}

func isIndex(tok string) bool {
	if tok == "" {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return true
}
