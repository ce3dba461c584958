package kitchentest

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

// The redaction marker of templates/rt/values.go (redactedMarker).
const marker = "[redacted]"

// Secrets, one per position, so that a leak names the route it came through. They share a
// prefix that appears nowhere else.
const (
	secOwner     = "S3CR3T-vault-owner-q1"      // Vault.Owner: a plain string in a sensitive structure
	secNote      = "S3CR3T-outer-note-q2"       // Vault.Outer.Note: one structure deep under it
	secUser      = "S3CR3T-inner-user-q3"       // Vault.Outer.Inner.User: two structures deep
	secPass      = "S3CR3T-inner-pass-q4"       // Vault.Outer.Inner.Pass
	secKey0      = "S3CR3T-list-elem0-q5"       // Keys[0]: list element whose target is sensitive
	secKey1      = "S3CR3T-list-elem1-q6"       // Keys[1]
	secTokA      = "S3CR3T-map-value-a-q7"      // Tokens["a"]: map value whose target is sensitive
	secTokB      = "S3CR3T-map-value-b-q8"      // Tokens["b"]
	secDirect    = "S3CR3T-target-sensitive-q9" // Secrets.Secret: member whose target is sensitive
	secListOwner = "S3CR3T-vaults0-owner-qa"    // Vaults[0].Owner: list of sensitive structures
	secListPass  = "S3CR3T-vaults0-pass-qb"     // Vaults[0].Outer.Inner.Pass
	secGetSecret = "S3CR3T-getthing-secret-qc"  // GetThingInput.Secret: target SecretString
	secGetPass   = "S3CR3T-getthing-pass-qd"    // GetThingInput.Password: @sensitive on the member
)

var allSecrets = []string{secOwner, secNote, secUser, secPass, secKey0, secKey1, secTokA, secTokB,
	secDirect, secListOwner, secListPass, secGetSecret, secGetPass}

func vault(owner, note, user, pass string) *ks.Vault {
	return &ks.Vault{
		Owner: ptr(owner),
		Outer: &ks.VaultOuter{
			Note:  ptr(note),
			Inner: &ks.VaultInner{User: ptr(user), Pass: ptr(pass)},
		},
	}
}

func fullSecrets() ks.Secrets {
	return ks.Secrets{
		Label:  ptr("visible-label"),
		Vault:  vault(secOwner, secNote, secUser, secPass),
		Vaults: []ks.Vault{*vault(secListOwner, "S3CR3T-vaults0-note", "S3CR3T-vaults0-user", secListPass)},
		Keys:   []string{secKey0, secKey1},
		Tokens: map[string]string{"b": secTokB, "a": secTokA},
		Secret: ptr(secDirect),
	}
}

// secretsString is fullSecrets printed by hand from the rules in README ("Sensitive data"):
// members in model order, unset ones left out; a member whose target is sensitive (Vault,
// Secret) prints as the marker; a list of sensitive elements prints each element as the
// marker, including a list of sensitive structures; a map of sensitive values prints its
// keys (the key target, smithy.api#String, is not sensitive), sorted, and each value as the
// marker.
const secretsString = `Secrets{Label: "visible-label", Vault: [redacted], Vaults: [[redacted]], ` +
	`Keys: [[redacted], [redacted]], Tokens: {"a": [redacted], "b": [redacted]}, Secret: [redacted]}`

// secretsJSON is fullSecrets as LogValue gives it to slog's JSON handler, written by hand:
// an object of the members, scalars as JSON values, sensitive ones as the marker, lists and
// maps as their printed text.
const secretsJSON = `{"Label":"visible-label","Vault":"[redacted]","Vaults":"[[redacted]]",` +
	`"Keys":"[[redacted], [redacted]]","Tokens":"{\"a\": [redacted], \"b\": [redacted]}","Secret":"[redacted]"}`

// printCase is a value with its String, GoString and slog JSON written by hand.
type printCase struct {
	name          string
	value         any // a value of a generated type
	pointer       any // a pointer to the same value
	str, gos, log string
	// clear is set for a value with nothing sensitive on any path from it: it shows
	// everything and no marker.
	clear bool
}

func printCases() []printCase {
	s := fullSecrets()
	v := vault(secOwner, secNote, secUser, secPass)
	out := ks.ListThingsOutput{NextToken: ptr("visible-token"), Secrets: &s}
	in := ks.GetThingInput{ThingId: ptr("thing-1"), Secret: ptr(secGetSecret), Password: ptr(secGetPass)}
	// The structures used inside Vault, which are not sensitive themselves, printed on
	// their own: redaction follows the path from the printed value, not the type.
	clear := vault("visible-owner", "visible-note", "visible-user", "visible-pass")
	thing := ks.Thing{Children: []ks.Thing{{}}, ByName: map[string]ks.Thing{"b": {Value: &ks.AnyValue{S: ptr("x")}}, "a": {}}}
	return []printCase{
		{name: "Secrets", value: s, pointer: &s, str: secretsString, gos: "kitchensink." + secretsString, log: secretsJSON},
		// A sensitive structure printed by itself: every member redacted.
		{name: "Vault", value: *v, pointer: v, str: `Vault{Owner: [redacted], Outer: [redacted]}`,
			gos: `kitchensink.Vault{Owner: [redacted], Outer: [redacted]}`,
			log: `{"Owner":"[redacted]","Outer":"[redacted]"}`},
		{name: "VaultOuter", value: *clear.Outer, pointer: clear.Outer, clear: true,
			str: `VaultOuter{Note: "visible-note", Inner: VaultInner{User: "visible-user", Pass: "visible-pass"}}`,
			gos: `kitchensink.VaultOuter{Note: "visible-note", Inner: kitchensink.VaultInner{User: "visible-user", Pass: "visible-pass"}}`,
			log: `{"Note":"visible-note","Inner":{"User":"visible-user","Pass":"visible-pass"}}`},
		{name: "VaultInner", value: *clear.Outer.Inner, pointer: clear.Outer.Inner, clear: true,
			str: `VaultInner{User: "visible-user", Pass: "visible-pass"}`,
			gos: `kitchensink.VaultInner{User: "visible-user", Pass: "visible-pass"}`,
			log: `{"User":"visible-user","Pass":"visible-pass"}`},
		// The secrets one structure down, in an operation output.
		{name: "ListThingsOutput", value: out, pointer: &out,
			str: `ListThingsOutput{NextToken: "visible-token", Secrets: ` + secretsString + `}`,
			gos: `kitchensink.ListThingsOutput{NextToken: "visible-token", Secrets: kitchensink.` + secretsString + `}`,
			log: `{"NextToken":"visible-token","Secrets":` + secretsJSON + `}`},
		// A structure whose last member printed is a map and whose first is a list: their
		// printed text is the attribute's value, and nothing after it.
		{name: "Thing", value: thing, pointer: &thing, clear: true,
			str: `Thing{Children: [Thing{}], ByName: {"a": Thing{}, "b": Thing{Value: AnyValue{S: "x"}}}}`,
			gos: `kitchensink.Thing{Children: [kitchensink.Thing{}], ByName: {"a": kitchensink.Thing{}, "b": kitchensink.Thing{Value: kitchensink.AnyValue{S: "x"}}}}`,
			log: `{"Children":"[Thing{}]","ByName":"{\"a\": Thing{}, \"b\": Thing{Value: AnyValue{S: \"x\"}}}"}`},
		// GetThingInput has members with defaults, which always print; only the two
		// sensitive members are checked exactly (see TestRedactGetThingInput).
		{name: "GetThingInput", value: in, pointer: &in},
	}
}

// leaks returns the secrets (raw, or hex in either case) that out contains.
func leaks(out string) []string {
	var found []string
	for _, s := range allSecrets {
		for _, form := range []string{s, hex.EncodeToString([]byte(s)), strings.ToUpper(hex.EncodeToString([]byte(s)))} {
			if strings.Contains(out, form) {
				found = append(found, form)
			}
		}
	}
	if strings.Contains(out, "S3CR3T") {
		found = append(found, "S3CR3T")
	}
	return found
}

// routes prints v every way a caller might: each fmt verb on the value and on a pointer,
// Sprint/Sprintln, the methods, inside the caller's slices, maps and structs, and slog.
func routes(value, pointer any) map[string]string {
	out := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3v", "%-8s", "% x"} {
		out["Sprintf("+verb+") value"] = fmt.Sprintf(verb, value)
		out["Sprintf("+verb+") pointer"] = fmt.Sprintf(verb, pointer)
	}
	out["Sprint value"] = fmt.Sprint(value)
	out["Sprint pointer"] = fmt.Sprint(pointer)
	out["Sprintln value"] = fmt.Sprintln(value)
	out["Sprintln pointer"] = fmt.Sprintln("x", pointer)
	out["String"] = value.(fmt.Stringer).String()
	out["GoString"] = value.(fmt.GoStringer).GoString()
	out["Errorf %v"] = fmt.Errorf("wrapped: %v", pointer).Error()
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		out["Sprintf("+verb+") []any{value}"] = fmt.Sprintf(verb, []any{value})
		out["Sprintf("+verb+") []any{pointer}"] = fmt.Sprintf(verb, []any{pointer})
		out["Sprintf("+verb+") map value"] = fmt.Sprintf(verb, map[string]any{"k": value})
		out["Sprintf("+verb+") map pointer"] = fmt.Sprintf(verb, map[string]any{"k": pointer})
		out["Sprintf("+verb+") exported struct field"] = fmt.Sprintf(verb, struct{ V, P any }{value, pointer})
	}
	for name, h := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b bytes.Buffer
		slog.New(h(&b)).Info("m", slog.Any("v", value), slog.Any("p", pointer))
		out["slog "+name] = b.String()
		b.Reset()
		slog.New(h(&b)).Info("m", "v", value, slog.Group("g", slog.Any("p", pointer)))
		out["slog "+name+" group"] = b.String()
	}
	return out
}

// TestRedactRoutes prints values holding secrets at every depth through every route: no
// route may show a secret or its hex form, and every route shows the marker.
func TestRedactRoutes(t *testing.T) {
	for _, c := range printCases() {
		t.Run(c.name, func(t *testing.T) {
			for route, out := range routes(c.value, c.pointer) {
				if l := leaks(out); len(l) > 0 {
					t.Errorf("%s leaks %q:\n%s", route, l, out)
				}
				if !c.clear && !strings.Contains(out, marker) {
					t.Errorf("%s has no %s marker:\n%s", route, marker, out)
				}
			}
		})
	}
}

// TestRedactExact holds String and GoString to the text written by hand, and every fmt
// verb to one of them: the types implement fmt.Formatter so that %#v prints GoString and
// every other verb (%x and %d included, flags and widths ignored) prints String.
func TestRedactExact(t *testing.T) {
	for _, c := range printCases() {
		if c.str == "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if got := c.value.(fmt.Stringer).String(); got != c.str {
				t.Errorf("String():\n got %s\nwant %s", got, c.str)
			}
			if got := c.value.(fmt.GoStringer).GoString(); got != c.gos {
				t.Errorf("GoString():\n got %s\nwant %s", got, c.gos)
			}
			for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10.3v", "%-8s"} {
				want := c.str
				if verb == "%#v" {
					want = c.gos
				}
				for _, arg := range []any{c.value, c.pointer} {
					if got := fmt.Sprintf(verb, arg); got != want {
						t.Errorf("Sprintf(%q, %T):\n got %s\nwant %s", verb, arg, got, want)
					}
				}
			}
			if got := fmt.Sprintln(c.pointer); got != c.str+"\n" {
				t.Errorf("Sprintln(pointer) = %q", got)
			}
			if got := fmt.Sprintf("%v", []any{c.value, c.pointer}); got != "["+c.str+" "+c.str+"]" {
				t.Errorf("in a slice: %s", got)
			}
			// slog: LogValue is a group of the members, which the JSON handler writes as an
			// object, on the value and on a pointer.
			noTime := &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
				if a.Key == slog.TimeKey {
					return slog.Attr{}
				}
				return a
			}}
			for _, arg := range []any{c.value, c.pointer} {
				var b bytes.Buffer
				slog.New(slog.NewJSONHandler(&b, noTime)).Info("m", slog.Any("v", arg))
				if want := `{"level":"INFO","msg":"m","v":` + c.log + "}\n"; b.String() != want {
					t.Errorf("slog json of %T:\n got %s\nwant %s", arg, b.String(), want)
				}
			}
		})
	}
}

// TestRedactGetThingInput covers the two kinds of sensitive member of the model's original
// input: Secret targets the @sensitive SecretString; Password carries @sensitive on the
// member itself (Smithy 1.0 allowed that, and the loader keeps it).
func TestRedactGetThingInput(t *testing.T) {
	in := ks.GetThingInput{ThingId: ptr("thing-1"), Secret: ptr(secGetSecret), Password: ptr(secGetPass)}
	s := in.String()
	for _, want := range []string{`GetThingInput{ThingId: "thing-1", `, ", Secret: [redacted], Password: [redacted], "} {
		if !strings.Contains(s, want) {
			t.Errorf("String() has no %q: %s", want, s)
		}
	}
}

// TestRedactNil prints unset values: nil pointers and empty collections hold nothing to
// redact, and print as such.
func TestRedactNil(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{ks.Secrets{}.String(), "Secrets{}"},
		{ks.Secrets{Keys: []string{}, Tokens: map[string]string{}}.String(), "Secrets{Keys: [], Tokens: {}}"},
		{fmt.Sprintf("%v", (*ks.Secrets)(nil)), "<nil>"},
		{ks.ListThingsOutput{Secrets: &ks.Secrets{}}.String(), "ListThingsOutput{Secrets: Secrets{}}"},
		{ks.Vault{}.GoString(), "kitchensink.Vault{}"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// TestWireKeepsSecrets: redaction is for printing only; the wire carries every secret.
func TestWireKeepsSecrets(t *testing.T) {
	s := fullSecrets()
	s.Vaults = nil
	got, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"Label":"visible-label",` +
		`"Vault":{"Owner":"` + secOwner + `","Outer":{"Note":"` + secNote + `","Inner":{"User":"` + secUser + `","Pass":"` + secPass + `"}}},` +
		`"Keys":["` + secKey0 + `","` + secKey1 + `"],` +
		`"Tokens":{"a":"` + secTokA + `","b":"` + secTokB + `"},` +
		`"Secret":"` + secDirect + `"}`
	if string(got) != want {
		t.Errorf("MarshalJSON:\n got %s\nwant %s", got, want)
	}
}
