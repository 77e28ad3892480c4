package schema

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Kind says what a violation is about; the linter reports each kind under its own rule.
type Kind int

// Kinds of violation.
const (
	KindConstraint   Kind = iota // length, pattern, range, count, unique items, any other keyword
	KindRequired                 // a required field is missing
	KindUnknownField             // a field the schema does not allow
	KindType                     // a value of the wrong type
	KindFormat                   // a string that does not match its format
	KindEnum                     // a value outside enum or const
)

var kindNames = [...]string{"constraint", "required", "unknown-field", "type", "format", "enum"}

// String returns the kind's name, e.g. "unknown-field".
func (k Kind) String() string {
	// One unsigned comparison also sends negative kinds to the fallback.
	if uint(k) < uint(len(kindNames)) {
		return kindNames[k]
	}
	return "constraint"
}

// Violation is one leaf cause of a failed validation, in plain words.
type Violation struct {
	// Pointer is the JSON pointer of the field the violation is about: for
	// KindRequired the missing field, for KindUnknownField the unknown key.
	Pointer string
	Kind    Kind
	// Message says what is wrong and what is expected, without the field path.
	Message string
}

// Validate checks data (JSON-typed: map[string]any, []any, string,
// json.Number, float64, bool, nil) and returns its violations, deduplicated,
// in a stable order.
func (v *Validator) Validate(data any) []Violation {
	err := v.root.Validate(data)
	if err == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return []Violation{{Kind: KindConstraint, Message: err.Error()}}
	}
	var out []Violation
	for _, leaf := range leaves(verr, nil) {
		out = append(out, v.explain(leaf, data)...)
	}
	slices.SortStableFunc(out, func(a, b Violation) int {
		return cmp.Or(strings.Compare(a.Pointer, b.Pointer), cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Message, b.Message))
	})
	return slices.Compact(out)
}

// leaves collects the causes that have no causes of their own: the
// "doesn't validate with" wrappers say nothing a user can act on.
func leaves(e *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return append(out, e)
	}
	for _, c := range e.Causes {
		out = leaves(c, out)
	}
	return out
}

// keywordOf splits an absolute keyword location into the schema's location and the keyword.
func keywordOf(abs string) (string, string) {
	i := strings.LastIndexByte(abs, '/')
	if i < 0 {
		return abs, ""
	}
	return abs[:i], abs[i+1:]
}

func (v *Validator) explain(e *jsonschema.ValidationError, data any) []Violation {
	loc, keyword := keywordOf(e.AbsoluteKeywordLocation)
	s := v.byLoc[loc]
	instance := instancePointer(e.InstanceLocation)
	value, _ := source.Lookup(data, instance)
	at := func(kind Kind, format string, args ...any) []Violation {
		return []Violation{{Pointer: instance, Kind: kind, Message: fmt.Sprintf(format, args...)}}
	}
	if s == nil {
		return at(KindConstraint, "%s", e.Message)
	}
	switch keyword {
	case "required":
		obj, _ := value.(map[string]any)
		var out []Violation
		for _, name := range s.Required {
			if _, ok := obj[name]; !ok {
				out = append(out, Violation{Pointer: source.Child(instance, name), Kind: KindRequired,
					Message: fmt.Sprintf("required field is missing; add %q", name+": ...")})
			}
		}
		return out
	case "additionalProperties", "unevaluatedProperties":
		var out []Violation
		// additionalProperties fails once for the object; unevaluatedProperties
		// once for each key, at that key.
		object := instance
		if keyword == "unevaluatedProperties" {
			object, _ = source.Parent(object)
		}
		for _, name := range unknownKeys(s, keyword, value, instance) {
			msg := "unknown field"
			if best := Closest(name, allowedKeys(s)); best != "" {
				msg += fmt.Sprintf("; did you mean %q?", best)
			} else if keys := allowedKeys(s); len(keys) > 0 && len(keys) <= 15 {
				msg += "; allowed fields are " + strings.Join(keys, ", ")
			}
			out = append(out, Violation{Pointer: source.Child(object, name), Kind: KindUnknownField, Message: msg})
		}
		return out
	case "type":
		return at(KindType, "expected %s, got %s%s", typeNames(s.Types), describe(value), typeHint(s.Types, value))
	case "format":
		if str, ok := value.(string); ok {
			if check := v.formats[s.Format]; check != nil {
				if err := check(str); err != nil {
					return at(KindFormat, "%s", err.Error())
				}
			}
			return at(KindFormat, "%q is not a valid %s", str, s.Format)
		}
	case "enum":
		return at(KindEnum, "must be one of %s; got %s", listValues(s.Enum), describe(value))
	case "const":
		if len(s.Constant) > 0 {
			return at(KindEnum, "must be %s; got %s", listValues(s.Constant), describe(value))
		}
	case "minLength":
		if str, ok := value.(string); ok && strings.TrimSpace(str) == "" {
			return at(KindConstraint, "must not be empty")
		}
		return at(KindConstraint, "must be at least %s long; it has %d", source.Plural(s.MinLength, "character"), runeLen(value))
	case "maxLength":
		return at(KindConstraint, "must be at most %s long; it has %d", source.Plural(s.MaxLength, "character"), runeLen(value))
	case "pattern":
		if s.Pattern != nil {
			return at(KindConstraint, "%s does not match the pattern %s", describe(value), s.Pattern.String())
		}
	case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf":
		bounds := map[string]struct {
			words string
			bound any
		}{
			"minimum": {"at least", s.Minimum}, "exclusiveMinimum": {"more than", s.ExclusiveMinimum},
			"maximum": {"at most", s.Maximum}, "exclusiveMaximum": {"less than", s.ExclusiveMaximum},
			"multipleOf": {"a multiple of", s.MultipleOf},
		}[keyword]
		if r, ok := bounds.bound.(*big.Rat); ok && r != nil {
			return at(KindConstraint, "must be %s %s; got %s", bounds.words, decimal(r), describe(value))
		}
	case "minItems":
		return at(KindConstraint, "must have at least %s; it has %d", source.Plural(s.MinItems, "item"), listLen(value))
	case "maxItems":
		return at(KindConstraint, "must have at most %s; it has %d", source.Plural(s.MaxItems, "item"), listLen(value))
	case "uniqueItems":
		if list, ok := value.([]any); ok {
			var out []Violation
			for j, i := range repeats(list) {
				if i >= 0 {
					out = append(out, Violation{Pointer: source.Index(instance, j), Kind: KindConstraint,
						Message: fmt.Sprintf("repeats item %d (%s); remove the duplicate", i+1, describe(list[j]))})
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return at(KindConstraint, "%s", e.Message)
}

// unknownKeys lists, sorted, the keys the schema does not allow. For
// additionalProperties (which fails only when it is false) they are the keys
// of obj that neither properties nor patternProperties cover. For
// unevaluatedProperties the validator checks each unevaluated key against
// that keyword's own schema, so each error is about one key, named by the
// last token of its instance location.
func unknownKeys(s *jsonschema.Schema, keyword string, value any, instance string) []string {
	var keys []string
	switch keyword {
	case "additionalProperties":
		obj, _ := value.(map[string]any)
		for k := range obj {
			if _, declared := s.Properties[k]; declared {
				continue
			}
			matched := false
			for re := range s.PatternProperties {
				if re.MatchString(k) {
					matched = true
					break
				}
			}
			if !matched {
				keys = append(keys, k)
			}
		}
	case "unevaluatedProperties":
		_, last := source.Parent(instance)
		keys = append(keys, source.UnescapeToken(last))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// instancePointer turns the validator's instance location, whose tokens are
// percent-encoded as well as escaped (so that it can be part of a URL), into
// a plain JSON pointer.
func instancePointer(loc string) string {
	if !strings.Contains(loc, "%") {
		return loc
	}
	toks := strings.Split(loc, "/")
	for i, tok := range toks {
		if plain, err := url.PathUnescape(tok); err == nil {
			toks[i] = plain
		}
	}
	return strings.Join(toks, "/")
}

// repeats returns, for each item of list, the index of the first earlier
// item equal to it by JSON Schema's equality (numbers by value), or -1.
func repeats(list []any) []int {
	out := make([]int, len(list))
	for j := range list {
		out[j] = -1
		for i := 0; i < j; i++ {
			if jsonEqual(list[i], list[j]) {
				out[j] = i
				break
			}
		}
	}
	return out
}

// jsonEqual compares JSON-typed values as JSON Schema does: numbers by
// value, objects by members, lists by items.
func jsonEqual(a, b any) bool {
	switch a := a.(type) {
	case json.Number:
		bn, ok := b.(json.Number)
		if !ok {
			return false
		}
		x, okx := new(big.Rat).SetString(a.String())
		y, oky := new(big.Rat).SetString(bn.String())
		return okx && oky && x.Cmp(y) == 0
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], bl[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, v := range a {
			w, ok := bm[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	}
	return a == b
}

// allowedKeys lists the property names a schema declares, sorted.
func allowedKeys(s *jsonschema.Schema) []string {
	keys := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Closest returns the candidate nearest to name by edit distance, ignoring
// case, when it is near enough to be a likely typo; otherwise "".
func Closest(name string, keys []string) string {
	best, bestDist := "", 0
	for _, k := range keys {
		d := editDistance(strings.ToLower(name), strings.ToLower(k))
		if best == "" || d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := max(2, len([]rune(name))/3)
	if best == "" || bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in code points.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

var typeWords = map[string]string{
	"string":  "a string (text)",
	"boolean": "a boolean (true or false)",
	"integer": "a whole number",
	"number":  "a number",
	"array":   "a list",
	"object":  "a mapping of fields",
	"null":    "null",
}

func typeNames(types []string) string {
	words := make([]string, len(types))
	for i, t := range types {
		words[i] = typeWords[t]
		if words[i] == "" {
			words[i] = t
		}
	}
	return strings.Join(words, " or ")
}

// typeHint suggests the usual fix for the type mistakes people make in YAML.
func typeHint(types []string, value any) string {
	str, isString := value.(string)
	switch {
	case slices.Contains(types, "boolean") && isString:
		switch strings.ToLower(str) {
		case "true", "false":
			return "; remove the quotes"
		case "yes", "on", "y":
			return "; write true"
		case "no", "off", "n":
			return "; write false"
		}
	case slices.Contains(types, "string") && !isString && value != nil:
		if _, composite := value.(map[string]any); !composite {
			if _, list := value.([]any); !list {
				return "; put the value in quotes"
			}
		}
	case slices.Contains(types, "array") && isString:
		return "; write it as a list, one \"- item\" per line"
	}
	return ""
}

func listValues(vals []any) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		b, _ := json.Marshal(v)
		parts[i] = string(b)
	}
	return strings.Join(parts, ", ")
}

func runeLen(v any) int {
	s, _ := v.(string)
	return len([]rune(s))
}

func listLen(v any) int {
	l, _ := v.([]any)
	return len(l)
}

func describe(v any) string { return source.Describe(v) }

// decimal writes a schema's numeric bound as the schema wrote it, 1.5 and
// not 3/2: a JSON number is always a finite decimal.
func decimal(r *big.Rat) string {
	if n, exact := r.FloatPrec(); exact {
		return r.FloatString(n)
	}
	return r.RatString()
}
