package source

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
// decides what a plain scalar is; go-yaml mixes in YAML 1.1 forms (0100 as
// octal, 1_000, 0b101, timestamps), so contentlint resolves tags itself.
var (
	yamlCoreInt   = regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`)
	yamlCoreFloat = regexp.MustCompile(`^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
)

// yamlTag is the tag of a scalar: its explicit tag ("!!str 12"), else for a
// quoted or block scalar "!!str", else the core schema's resolution.
func yamlTag(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return n.ShortTag()
	}
	if n.Style&yaml.TaggedStyle != 0 {
		return n.ShortTag()
	}
	if n.Style != 0 {
		return "!!str"
	}
	switch v := n.Value; v {
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	default:
		// Most plain scalars are words: only a digit, sign or dot can
		// start a number, and only then are the patterns worth matching.
		if c := v[0]; !(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' {
			return "!!str"
		}
		switch {
		case yamlCoreInt.MatchString(v):
			return "!!int"
		case yamlCoreFloat.MatchString(v):
			return "!!float"
		}
	}
	return "!!str"
}

// scalar converts a scalar by its tag. A number JSON cannot hold (.inf,
// .nan, 1e400) is reported once, here, and becomes null: the schema and
// the field checks have nothing to say about a value that is not there.
func (d *yamlDecoder) scalar(n, pos *yaml.Node, ptr string) any {
	if n.Anchor != "" && n.Value == "" && n.Style == 0 {
		d.doc.problem(ProblemSyntax, d.span(pos), ptr, fmt.Sprintf("YAML reads &%s as an anchor name, leaving the value empty; quote the value if the \"&\" is text: %s", n.Anchor, yamlQuote("&"+n.Anchor)))
	}
	switch tag := yamlTag(n); tag {
	case "!!null":
		return nil
	case "!!bool":
		if b, err := strconv.ParseBool(strings.ToLower(n.Value)); err == nil {
			return b
		}
	case "!!int", "!!float":
		num, err := yamlNumber(n.Value)
		if err == nil {
			return num
		}
		if n.Style&yaml.TaggedStyle != 0 && !yamlCoreInt.MatchString(n.Value) && !yamlCoreFloat.MatchString(n.Value) {
			d.doc.problem(ProblemNumber, d.span(pos), ptr, fmt.Sprintf("%s %q is not a number; remove the tag or write a number", tag, n.Value))
			return nil
		}
		d.doc.problem(ProblemNumber, d.span(pos), ptr, fmt.Sprintf("%s %v, so the schema cannot check it; write a finite number, or quote it if it is text", n.Value, err))
		return nil
	case "!!str", "!!timestamp", "!!binary":
	default:
		if n.Style&yaml.TaggedStyle != 0 && !strings.HasPrefix(tag, "!!") {
			// A local tag ("!important text") is almost always text that
			// starts with "!"; generators drop or reject the tag.
			d.doc.problem(ProblemSyntax, d.span(pos), ptr, fmt.Sprintf("YAML reads %s as a tag, not as part of the value; quote the value if the \"!\" is text: %s", n.Tag, yamlQuote(n.Tag+" "+n.Value)))
		}
	}
	return n.Value
}

// yamlNumber converts a core-schema number to a json.Number; an error says
// why JSON cannot hold it.
func yamlNumber(s string) (json.Number, error) {
	if yamlCoreInt.MatchString(s) {
		base, digits := 10, s
		switch {
		case strings.HasPrefix(s, "0o"):
			base, digits = 8, s[2:]
		case strings.HasPrefix(s, "0x"):
			base, digits = 16, s[2:]
		}
		i, ok := new(big.Int).SetString(digits, base)
		if !ok {
			return "", fmt.Errorf("is not a number")
		}
		num := json.Number(i.String())
		if !finiteNumber(num) {
			return "", fmt.Errorf("is out of range for a 64-bit floating-point number")
		}
		return num, nil
	}
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case ".inf":
		return "", fmt.Errorf("is infinity, which JSON cannot hold")
	case ".nan":
		return "", fmt.Errorf("is not a number (NaN), which JSON cannot hold")
	}
	if !yamlCoreFloat.MatchString(s) {
		return "", fmt.Errorf("is not a number")
	}
	f, err := strconv.ParseFloat(s, 64)
	if math.IsInf(f, 0) {
		return "", fmt.Errorf("is out of range for a 64-bit floating-point number")
	}
	if err != nil {
		// Too small to represent: it rounds to zero, as it does everywhere.
		f = 0
	}
	// Keep the digits as written when they are already a JSON number.
	if json.Valid([]byte(s)) && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && !(len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
		return json.Number(s), nil
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
}
