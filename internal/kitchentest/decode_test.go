package kitchentest

import (
	"errors"
	"math"
	"math/big"
	"reflect"
	"strings"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

// intMember is one integer member of ListThingsInput, an operation input: its wire name,
// its bounds as the Go type has them, and how to read it back.
type intMember struct {
	name     string
	min, max int64
	get      func(*ks.ListThingsInput) (int64, bool)
}

var intMembers = []intMember{
	{"Tiny", math.MinInt8, math.MaxInt8, func(v *ks.ListThingsInput) (int64, bool) {
		if v.Tiny == nil {
			return 0, false
		}
		return int64(*v.Tiny), true
	}},
	{"Small", math.MinInt16, math.MaxInt16, func(v *ks.ListThingsInput) (int64, bool) {
		if v.Small == nil {
			return 0, false
		}
		return int64(*v.Small), true
	}},
	{"Medium", math.MinInt32, math.MaxInt32, func(v *ks.ListThingsInput) (int64, bool) {
		if v.Medium == nil {
			return 0, false
		}
		return int64(*v.Medium), true
	}},
	{"Large", math.MinInt64, math.MaxInt64, func(v *ks.ListThingsInput) (int64, bool) {
		if v.Large == nil {
			return 0, false
		}
		return *v.Large, true
	}},
}

// TestDecodeIntegerBounds decodes the edges of every width into every integer member: a
// number inside the member's type decodes to exactly that number; one outside is an error
// naming the member, and the member never holds a wrapped value (128 as an int8 is -128).
func TestDecodeIntegerBounds(t *testing.T) {
	edges := []string{
		"0", "-1", "1",
		"127", "128", "-128", "-129",
		"32767", "32768", "-32768", "-32769",
		"2147483647", "2147483648", "-2147483648", "-2147483649",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "-18446744073709551616",
		"99999999999999999999", "123456789012345678901234567890",
	}
	for _, m := range intMembers {
		for _, text := range edges {
			n, _ := new(big.Int).SetString(text, 10)
			inRange := n.Cmp(big.NewInt(m.min)) >= 0 && n.Cmp(big.NewInt(m.max)) <= 0
			t.Run(m.name+"="+text, func(t *testing.T) {
				var v ks.ListThingsInput
				err := v.UnmarshalJSON([]byte(`{"` + m.name + `":` + text + `}`))
				got, set := m.get(&v)
				if inRange {
					if err != nil || !set || got != n.Int64() {
						t.Errorf("got %d (set %v), %v; want %s", got, set, err, text)
					}
					return
				}
				var de *ks.DecodeError
				if !errors.As(err, &de) || de.Path != m.name || !strings.Contains(de.Msg, "out of range") {
					t.Errorf("error %v, want a DecodeError at %s saying out of range", err, m.name)
				}
				if set && got != 0 {
					t.Errorf("out-of-range value left %d in the member", got)
				}
			})
		}
	}
}

// TestDecodeIntegerForms states the rule of readInt (templates/rt/json_decode.go): an
// integer member takes a JSON number written as an integer (an optional minus sign and
// digits without leading zeros). A fraction or an exponent is an error even when the value
// is whole (1.0, 1e2), as strconv.ParseInt on the number's text (aws-sdk-go-v2) also has it;
// so are strings, booleans and JSON that is not a number. null leaves the member unset;
// -0 is 0.
func TestDecodeIntegerForms(t *testing.T) {
	tests := []struct {
		text string
		want int64
		ok   bool
	}{
		{"7", 7, true},
		{" \t\n7\r ", 7, true},
		{"-0", 0, true},
		{"0", 0, true},
		{"1.0", 0, false},
		{"1.5", 0, false},
		{"1e2", 0, false},
		{"1E2", 0, false},
		{"1e0", 0, false},
		{"-1.0", 0, false},
		{"100e-2", 0, false},
		{"01", 0, false},
		{"00", 0, false},
		{"+1", 0, false},
		{"1.", 0, false},
		{".5", 0, false},
		{"-", 0, false},
		{"0x10", 0, false},
		{`"1"`, 0, false},
		{"true", 0, false},
		{"[1]", 0, false},
		{"NaN", 0, false},
	}
	for _, m := range intMembers {
		for _, tt := range tests {
			t.Run(m.name+"="+tt.text, func(t *testing.T) {
				var v ks.ListThingsInput
				err := v.UnmarshalJSON([]byte(`{"` + m.name + `":` + tt.text + `}`))
				got, set := m.get(&v)
				if tt.ok {
					if err != nil || !set || got != tt.want {
						t.Errorf("got %d (set %v), %v; want %d", got, set, err, tt.want)
					}
					return
				}
				if err == nil {
					t.Errorf("accepted, decoded %d (set %v)", got, set)
				}
			})
		}
	}
	var v ks.ListThingsInput
	if err := v.UnmarshalJSON([]byte(`{"Tiny":null,"Small":null,"Medium":null,"Large":null}`)); err != nil ||
		v.Tiny != nil || v.Small != nil || v.Medium != nil || v.Large != nil {
		t.Errorf("null members: %v %+v", err, v)
	}
}

// TestDecodeFloatForms: a float member takes any JSON number (integer, fraction or
// exponent form) or the strings "NaN", "Infinity" and "-Infinity" (the AWS JSON protocols'
// non-finite values), rounded to the member's width; a number beyond the width's largest
// finite value is an error, one below its smallest denormal rounds to (signed) zero.
func TestDecodeFloatForms(t *testing.T) {
	negZero := math.Copysign(0, -1)
	tests := []struct {
		text           string
		single, double float64 // want; NaN means "must be NaN"
		singleOK       bool
		doubleOK       bool
	}{
		{"1", 1, 1, true, true},
		{"1.5", 1.5, 1.5, true, true},
		{"1e2", 100, 100, true, true},
		{"1E+2", 100, 100, true, true},
		{"-0", negZero, negZero, true, true},
		{"-0.0", negZero, negZero, true, true},
		{"0.1", float64(float32(0.1)), 0.1, true, true},
		{"123456789012345678", float64(float32(123456789012345678)), 123456789012345678, true, true},
		{`"NaN"`, math.NaN(), math.NaN(), true, true},
		{`"Infinity"`, math.Inf(1), math.Inf(1), true, true},
		{`"-Infinity"`, math.Inf(-1), math.Inf(-1), true, true},
		{"3.4028234663852886e38", math.MaxFloat32, 3.4028234663852886e38, true, true},
		{"1e39", 0, 1e39, false, true},
		{"1e309", 0, 0, false, false},
		{"-1e309", 0, 0, false, false},
		{"1e-400", 0, 0, true, true},
		{`"nan"`, 0, 0, false, false},
		{`"inf"`, 0, 0, false, false},
		{`"1.5"`, 0, 0, false, false},
		{"NaN", 0, 0, false, false},
		{"Infinity", 0, 0, false, false},
		{".5", 0, 0, false, false},
		{"01.5", 0, 0, false, false},
		{"1.e5", 0, 0, false, false},
	}
	same := func(got, want float64) bool {
		if math.IsNaN(want) {
			return math.IsNaN(got)
		}
		return got == want && math.Signbit(got) == math.Signbit(want)
	}
	for _, tt := range tests {
		t.Run("Single="+tt.text, func(t *testing.T) {
			var v ks.ListThingsInput
			err := v.UnmarshalJSON([]byte(`{"Single":` + tt.text + `}`))
			switch {
			case !tt.singleOK && err == nil:
				t.Errorf("accepted: %v", *v.Single)
			case tt.singleOK && (err != nil || v.Single == nil || !same(float64(*v.Single), tt.single)):
				t.Errorf("got %v, %v; want %v", v.Single, err, tt.single)
			}
		})
		t.Run("Double="+tt.text, func(t *testing.T) {
			var v ks.ListThingsInput
			err := v.UnmarshalJSON([]byte(`{"Double":` + tt.text + `}`))
			switch {
			case !tt.doubleOK && err == nil:
				t.Errorf("accepted: %v", *v.Double)
			case tt.doubleOK && (err != nil || v.Double == nil || !same(*v.Double, tt.double)):
				t.Errorf("got %v, %v; want %v", v.Double, err, tt.double)
			}
		})
	}
}

// TestDecodeDuplicateKeys states the rule the decoder follows for an object with the same key
// twice (templates/rt/json_decode.go and the generated decoders): it is not an error, and the
// last occurrence with a non-null value wins. Each occurrence of a member replaces what an
// earlier one decoded (structures and lists are not merged); a null occurrence is skipped, so
// a later null does not unset an earlier value. Keys are compared after unescaping. The same
// holds for the keys of a map, except that in a @sparse map a null value is kept, as nil.
// (encoding/json differs on null: a later null sets a pointer back to nil.)
func TestDecodeDuplicateKeys(t *testing.T) {
	tests := []struct {
		name, in string
		want     ks.ListThingsInput
	}{
		{"string member", `{"Label":"first","Label":"second"}`, ks.ListThingsInput{Label: ptr("second")}},
		{"integer member", `{"Medium":1,"Medium":2}`, ks.ListThingsInput{Medium: ptr(int32(2))}},
		{"with a member between", `{"Label":"a","Medium":1,"Label":"b"}`, ks.ListThingsInput{Label: ptr("b"), Medium: ptr(int32(1))}},
		{"escaped spelling", `{"Label":"a","L\u0061bel":"b"}`, ks.ListThingsInput{Label: ptr("b")}},
		{"later null is skipped", `{"Label":"first","Label":null}`, ks.ListThingsInput{Label: ptr("first")}},
		{"null then value", `{"Label":null,"Label":"second"}`, ks.ListThingsInput{Label: ptr("second")}},
		{"structure replaced, not merged", `{"Limits":{"Id":"a","Tiny":1},"Limits":{"Id":"b"}}`,
			ks.ListThingsInput{Limits: &ks.Limits{Id: ptr("b")}}},
		{"list replaced, not appended", `{"Limits":{"List":["a"],"List":["b","c"]}}`,
			ks.ListThingsInput{Limits: &ks.Limits{List: []string{"b", "c"}}}},
		{"map replaced, not merged", `{"Labels":{"a":"1"},"Labels":{"b":"2"}}`,
			ks.ListThingsInput{Labels: map[string]string{"b": "2"}}},
		{"map key", `{"Labels":{"k":"1","j":"0","k":"2"}}`,
			ks.ListThingsInput{Labels: map[string]string{"j": "0", "k": "2"}}},
		{"map key, escaped spelling", `{"Labels":{"k":"1","\u006b":"2"}}`,
			ks.ListThingsInput{Labels: map[string]string{"k": "2"}}},
		{"map key, later null is skipped", `{"Labels":{"k":"1","k":null}}`,
			ks.ListThingsInput{Labels: map[string]string{"k": "1"}}},
		{"map of structures, key", `{"Limits":{"ByKey":{"k":{"Name":"a","Child":{"Depth":1}},"k":{"Name":"b"}}}}`,
			ks.ListThingsInput{Limits: &ks.Limits{ByKey: map[string]ks.LimitItem{"k": {Name: ptr("b")}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v ks.ListThingsInput
			if err := v.UnmarshalJSON([]byte(tt.in)); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(v, tt.want) {
				t.Errorf("got  %#v\nwant %#v", v, tt.want)
			}
		})
	}
	// A @sparse map keeps a null value: the later null replaces the earlier entry with nil.
	var a ks.AllTypes
	if err := a.UnmarshalJSON([]byte(`{"SparseMap":{"red":1,"red":null,"blue":2,"blue":3}}`)); err != nil {
		t.Fatal(err)
	}
	if p, ok := a.SparseMap[ks.ColorRed]; len(a.SparseMap) != 2 || !ok || p != nil || a.SparseMap[ks.ColorBlue] == nil || *a.SparseMap[ks.ColorBlue] != 3 {
		t.Errorf("sparse map: %v", a.SparseMap)
	}
}
