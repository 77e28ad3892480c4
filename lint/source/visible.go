package source

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text from an entry or a configuration is printed to terminals and CI
// logs, and it may come from an untrusted pull request: an escape
// sequence in it could set the window title, clear the screen or forge
// output, and a bidirectional override could make a line read as
// something else. Visible and VisibleRune show such characters escaped,
// the way Go writes them ("\x1b", "\u202e").

// VisibleRune returns how r (or, when r is utf8.RuneError from one invalid
// byte b, that byte) must be printed: an escape for control characters,
// bidirectional controls, line and paragraph separators and invalid
// bytes, or "" when r prints as itself. Tabs print as themselves.
func VisibleRune(r rune, size int, b byte) string {
	switch {
	case r == utf8.RuneError && size == 1:
		return fmt.Sprintf(`\x%02x`, b)
	case r == '\t':
		return ""
	case r < 0x20, r == 0x7f:
		return fmt.Sprintf(`\x%02x`, r)
	case r >= 0x80 && r <= 0x9f, r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return ""
}

// Visible returns s with every character VisibleRune escapes escaped.
func Visible(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; {
		r, size := utf8.DecodeRuneInString(s[i:])
		clean = VisibleRune(r, size, s[i]) == ""
		i += size
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if esc := VisibleRune(r, size, s[i]); esc != "" {
			b.WriteString(esc)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
