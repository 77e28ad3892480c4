package validate

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byte-class helpers. These run for every character of every field, so they
// are plain comparisons rather than regexps or unicode tables.

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }
func isHex(c byte) bool   { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

// isAtext reports whether c is an RFC 5322 §3.2.3 atext character:
// ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "/" /
// "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~".
func isAtext(c byte) bool {
	return isAlnum(c) || strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func allAlpha(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// charAt returns the whole character starting at byte i, so that messages
// quote "é" rather than half of its UTF-8 encoding.
func charAt(s string, i int) string {
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i : i+size]
}

// findInvisible returns the byte offset of the first whitespace, control,
// invisible formatting character or invalid UTF-8 byte in s, or -1. These
// arrive with copy-and-paste (a trailing newline, a non-breaking space from a
// word processor, a zero-width space from a web page) and are invisible in
// the file, so every validator looks for them first and names them.
func findInvisible(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
			return i
		}
		i += size
	}
	return -1
}

// describeInvisible names the character found by findInvisible in words a
// non-programmer recognises.
func describeInvisible(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return "bytes that are not valid UTF-8 text"
	case r == ' ':
		return "a space"
	case r == '\t':
		return "a tab"
	case r == '\n' || r == '\r':
		return "a line break"
	case r == 0xA0:
		return "a non-breaking space (U+00A0)"
	case unicode.IsSpace(r):
		return fmt.Sprintf("an unusual space character (U+%04X)", r)
	case unicode.Is(unicode.Cf, r):
		return fmt.Sprintf("an invisible character (U+%04X)", r)
	default:
		return fmt.Sprintf("the control character U+%04X", r)
	}
}

// invisibleError reports the character at i, saying where it sits because a
// leading or trailing one is usually a copy-and-paste accident, while one in
// the middle needs the caller's advice (inner) on what to do instead.
func invisibleError(s string, i int, inner string) error {
	what := describeInvisible(s, i)
	_, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case i == 0:
		return errors.New("starts with " + what + "; remove it")
	case i+size == len(s):
		return errors.New("ends with " + what + "; remove it")
	default:
		return errors.New("contains " + what + "; " + inner)
	}
}

// pctEncode percent-encodes every byte of s (RFC 3986 §2.1), used to show
// the exact replacement for a character that may not appear in a URL.
func pctEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	b := make([]byte, 0, 3*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, '%', hexDigits[s[i]>>4], hexDigits[s[i]&15])
	}
	return string(b)
}
