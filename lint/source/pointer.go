package source

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Pointers are RFC 6901 JSON pointers ("/social/twitter", "/tags/0"); they
// name a value inside decoded data. The empty pointer names the root.

// EscapeToken escapes a key for use as one pointer token.
func EscapeToken(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// UnescapeToken reverses EscapeToken.
func UnescapeToken(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
}

// Child returns the pointer to member key (or item index) of the value at ptr.
func Child(ptr, key string) string { return ptr + "/" + EscapeToken(key) }

// Index returns the pointer to item i of the list at ptr.
func Index(ptr string, i int) string { return ptr + "/" + strconv.Itoa(i) }

// Tokens splits a pointer into its unescaped tokens; the root has none.
func Tokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	toks := strings.Split(ptr[1:], "/")
	for i, t := range toks {
		toks[i] = UnescapeToken(t)
	}
	return toks
}

// Parent returns the pointer of the value that holds the value at ptr, and
// the last token, escaped; the root's parent is the root.
func Parent(ptr string) (parent, last string) {
	i := strings.LastIndexByte(ptr, '/')
	if i < 0 {
		return "", ""
	}
	return ptr[:i], ptr[i+1:]
}

// Lookup returns the value at ptr in JSON-typed data (map[string]any,
// []any and scalars).
func Lookup(data any, ptr string) (any, bool) {
	cur := data
	for _, tok := range Tokens(ptr) {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// FieldPath turns a pointer into the path people read and write in
// configuration: "/social/twitter" → "social.twitter", "/tags/2" → "tags[2]".
// A token is an item index where data says its parent is a list or, when
// data does not say (nil), where the token is a number. Keys that contain
// ".", "[", "]" or spaces, and empty keys, are quoted.
func FieldPath(data any, ptr string) string {
	if ptr == "" {
		return ""
	}
	var b strings.Builder
	cur := data
	for _, tok := range Tokens(ptr) {
		list, isList := cur.([]any)
		if isList || (cur == nil && isIndex(tok)) {
			b.WriteString("[" + tok + "]")
			cur = nil
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(list) {
				cur = list[i]
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

// Describe names a JSON-typed value's kind for messages: `the string "yes"`,
// `the number 3`, `a list`.
func Describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "null (an empty value)"
	case bool:
		return fmt.Sprintf("the boolean %v", v)
	case string:
		if len([]rune(v)) > 40 {
			v = string([]rune(v)[:37]) + "..."
		}
		return fmt.Sprintf("the string %q", v)
	case json.Number:
		return "the number " + v.String()
	case float64, int, int64:
		return fmt.Sprintf("the number %v", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}

// Plural writes "1 line" or "2 lines": n and word, with an "s" unless n
// is 1, for messages.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
