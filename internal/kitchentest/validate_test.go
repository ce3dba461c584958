package kitchentest

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

// validLimits sets every member of Limits (model: testdata/models/kitchensink.smithy.json)
// to a value inside its constraints, nested structures, lists and maps included.
func validLimits() *ks.Limits {
	return &ks.Limits{
		Id:     ptr("id-1"),
		Tiny:   ptr(int8(0)),
		Small:  ptr(int16(0)),
		Medium: ptr(int32(0)),
		Large:  ptr(int64(0)),
		Count:  ptr(int32(1)),
		Single: ptr(float32(0)),
		Double: ptr(1.0),
		Cap:    ptr(0.0),
		Text:   ptr("abc"),
		List:   []string{"x"},
		Dict:   map[string]string{"k": "v"},
		Bytes:  []byte{1, 2, 3},
		Code:   ptr("abc"),
		Items: []ks.LimitItem{
			{Name: ptr("a"), Child: &ks.LimitLeaf{Depth: ptr(int8(1))}},
			{Name: ptr("b")},
		},
		ByKey: map[string]ks.LimitItem{
			"k1": {Name: ptr("c")},
			"k2": {Name: ptr("d"), Child: &ks.LimitLeaf{Depth: ptr(int8(2))}},
		},
		Sub:     &ks.LimitItem{Name: ptr("e"), Child: &ks.LimitLeaf{Depth: ptr(int8(3))}},
		Codes:   []string{"a", "bb"},
		CodeMap: map[string]string{"ab": "x"},
	}
}

// The messages of templates/rt/validate.go, spelled out: a range names the bounds as the
// model writes them ("-inf"/"+inf" for a missing one); a length names the length found.
func rangeV(path, bounds string) []violation {
	return []violation{{path, "range", "must be within " + bounds}}
}

func short(path string, n, min int) []violation {
	return []violation{{path, "length", "length " + itoa(n) + " is less than the minimum " + itoa(min)}}
}

func long(path string, n, max int) []violation {
	return []violation{{path, "length", "length " + itoa(n) + " is more than the maximum " + itoa(max)}}
}

func pattern(path, re string) []violation {
	return []violation{{path, "pattern", "does not match the pattern " + re}}
}

func required(path string) []violation { return []violation{{path, "required", "is required"}} }

func itoa(n int) string { return strconv.Itoa(n) }

// TestValidateOneViolation starts each row from validLimits, breaks (or moves to a
// boundary) exactly one thing, and wants exactly the violations listed: none for a value at
// a boundary, one otherwise, with its path, constraint and message.
func TestValidateOneViolation(t *testing.T) {
	nextF32 := func(f float32, dir float32) float32 { return math.Nextafter32(f, dir) }
	inf := math.Inf(1)
	tests := []struct {
		name string
		edit func(*ks.Limits)
		want []violation
	}{
		{"valid", func(*ks.Limits) {}, nil},

		// Required members, at the top and nested.
		{"Id unset", func(l *ks.Limits) { l.Id = nil }, required("Id")},
		{"Id empty is set", func(l *ks.Limits) { l.Id = ptr("") }, nil},
		{"Items[1].Name unset", func(l *ks.Limits) { l.Items[1].Name = nil }, required("Items[1].Name")},
		{"ByKey[k2].Name unset", func(l *ks.Limits) { l.ByKey["k2"] = ks.LimitItem{} }, required(`ByKey["k2"].Name`)},
		{"Sub.Name unset", func(l *ks.Limits) { l.Sub.Name = nil }, required("Sub.Name")},
		{"map key quoted in path", func(l *ks.Limits) { l.ByKey[`we"ird.[0]`] = ks.LimitItem{} }, required(`ByKey["we\"ird.[0]"].Name`)},

		// byte, range on the target shape LimitByte: [-10, 10].
		{"byte min-1", func(l *ks.Limits) { l.Tiny = ptr(int8(-11)) }, rangeV("Tiny", "[-10, 10]")},
		{"byte min", func(l *ks.Limits) { l.Tiny = ptr(int8(-10)) }, nil},
		{"byte max", func(l *ks.Limits) { l.Tiny = ptr(int8(10)) }, nil},
		{"byte max+1", func(l *ks.Limits) { l.Tiny = ptr(int8(11)) }, rangeV("Tiny", "[-10, 10]")},
		{"byte type min", func(l *ks.Limits) { l.Tiny = ptr(int8(math.MinInt8)) }, rangeV("Tiny", "[-10, 10]")},
		{"byte type max", func(l *ks.Limits) { l.Tiny = ptr(int8(math.MaxInt8)) }, rangeV("Tiny", "[-10, 10]")},

		// short, range on the member: [-300, 300].
		{"short min-1", func(l *ks.Limits) { l.Small = ptr(int16(-301)) }, rangeV("Small", "[-300, 300]")},
		{"short min", func(l *ks.Limits) { l.Small = ptr(int16(-300)) }, nil},
		{"short max", func(l *ks.Limits) { l.Small = ptr(int16(300)) }, nil},
		{"short max+1", func(l *ks.Limits) { l.Small = ptr(int16(301)) }, rangeV("Small", "[-300, 300]")},
		{"short type min", func(l *ks.Limits) { l.Small = ptr(int16(math.MinInt16)) }, rangeV("Small", "[-300, 300]")},
		{"short type max", func(l *ks.Limits) { l.Small = ptr(int16(math.MaxInt16)) }, rangeV("Small", "[-300, 300]")},

		// integer: [-70000, 70000], bounds beyond a short.
		{"integer min-1", func(l *ks.Limits) { l.Medium = ptr(int32(-70001)) }, rangeV("Medium", "[-70000, 70000]")},
		{"integer min", func(l *ks.Limits) { l.Medium = ptr(int32(-70000)) }, nil},
		{"integer max", func(l *ks.Limits) { l.Medium = ptr(int32(70000)) }, nil},
		{"integer max+1", func(l *ks.Limits) { l.Medium = ptr(int32(70001)) }, rangeV("Medium", "[-70000, 70000]")},
		{"integer type min", func(l *ks.Limits) { l.Medium = ptr(int32(math.MinInt32)) }, rangeV("Medium", "[-70000, 70000]")},
		{"integer type max", func(l *ks.Limits) { l.Medium = ptr(int32(math.MaxInt32)) }, rangeV("Medium", "[-70000, 70000]")},

		// long: [-5000000000, 5000000000], bounds beyond an integer.
		{"long min-1", func(l *ks.Limits) { l.Large = ptr(int64(-5000000001)) }, rangeV("Large", "[-5000000000, 5000000000]")},
		{"long min", func(l *ks.Limits) { l.Large = ptr(int64(-5000000000)) }, nil},
		{"long max", func(l *ks.Limits) { l.Large = ptr(int64(5000000000)) }, nil},
		{"long max+1", func(l *ks.Limits) { l.Large = ptr(int64(5000000001)) }, rangeV("Large", "[-5000000000, 5000000000]")},
		{"long type min", func(l *ks.Limits) { l.Large = ptr(int64(math.MinInt64)) }, rangeV("Large", "[-5000000000, 5000000000]")},
		{"long type max", func(l *ks.Limits) { l.Large = ptr(int64(math.MaxInt64)) }, rangeV("Large", "[-5000000000, 5000000000]")},

		// A minimum only: [1, +inf].
		{"min only, min-1", func(l *ks.Limits) { l.Count = ptr(int32(0)) }, rangeV("Count", "[1, +inf]")},
		{"min only, type max", func(l *ks.Limits) { l.Count = ptr(int32(math.MaxInt32)) }, nil},
		{"min only, type min", func(l *ks.Limits) { l.Count = ptr(int32(math.MinInt32)) }, rangeV("Count", "[1, +inf]")},

		// float (float32), range on the member: [-1.5, 2.5]; min-1 and max+1 are the
		// neighbouring float32 values.
		{"float below min", func(l *ks.Limits) { l.Single = ptr(nextF32(-1.5, -10)) }, rangeV("Single", "[-1.5, 2.5]")},
		{"float min", func(l *ks.Limits) { l.Single = ptr(float32(-1.5)) }, nil},
		{"float max", func(l *ks.Limits) { l.Single = ptr(float32(2.5)) }, nil},
		{"float above max", func(l *ks.Limits) { l.Single = ptr(nextF32(2.5, 10)) }, rangeV("Single", "[-1.5, 2.5]")},
		{"float -Inf", func(l *ks.Limits) { l.Single = ptr(float32(math.Inf(-1))) }, rangeV("Single", "[-1.5, 2.5]")},
		{"float +Inf", func(l *ks.Limits) { l.Single = ptr(float32(math.Inf(1))) }, rangeV("Single", "[-1.5, 2.5]")},

		// double, range on the target shape LimitDouble: [0.1, 99.9], bounds that are not
		// exact in binary: the bound is the double nearest the model's decimal.
		{"double below min", func(l *ks.Limits) { l.Double = ptr(math.Nextafter(0.1, 0)) }, rangeV("Double", "[0.1, 99.9]")},
		{"double min", func(l *ks.Limits) { l.Double = ptr(0.1) }, nil},
		{"double max", func(l *ks.Limits) { l.Double = ptr(99.9) }, nil},
		{"double above max", func(l *ks.Limits) { l.Double = ptr(math.Nextafter(99.9, inf)) }, rangeV("Double", "[0.1, 99.9]")},
		{"double zero", func(l *ks.Limits) { l.Double = ptr(0.0) }, rangeV("Double", "[0.1, 99.9]")},
		// NaN lies inside no range: it is neither at least the minimum nor at most the maximum.
		{"double NaN", func(l *ks.Limits) { l.Double = ptr(math.NaN()) }, rangeV("Double", "[0.1, 99.9]")},
		{"float NaN", func(l *ks.Limits) { l.Single = ptr(float32(math.NaN())) }, rangeV("Single", "[-1.5, 2.5]")},
		{"max only, NaN", func(l *ks.Limits) { l.Cap = ptr(math.NaN()) }, rangeV("Cap", "[-inf, 0.5]")},
		{"double +Inf", func(l *ks.Limits) { l.Double = ptr(inf) }, rangeV("Double", "[0.1, 99.9]")},

		// A maximum only: [-inf, 0.5].
		{"max only, max", func(l *ks.Limits) { l.Cap = ptr(0.5) }, nil},
		{"max only, above", func(l *ks.Limits) { l.Cap = ptr(math.Nextafter(0.5, inf)) }, rangeV("Cap", "[-inf, 0.5]")},
		{"max only, -Inf", func(l *ks.Limits) { l.Cap = ptr(math.Inf(-1)) }, nil},
		{"max only, MaxFloat64", func(l *ks.Limits) { l.Cap = ptr(math.MaxFloat64) }, rangeV("Cap", "[-inf, 0.5]")},

		// String length in Unicode code points: [2, 4].
		{"string empty", func(l *ks.Limits) { l.Text = ptr("") }, short("Text", 0, 2)},
		{"string min-1", func(l *ks.Limits) { l.Text = ptr("a") }, short("Text", 1, 2)},
		{"string min", func(l *ks.Limits) { l.Text = ptr("ab") }, nil},
		{"string max", func(l *ks.Limits) { l.Text = ptr("abcd") }, nil},
		{"string max+1", func(l *ks.Limits) { l.Text = ptr("abcde") }, long("Text", 5, 4)},
		{"one 2-byte rune is 1", func(l *ks.Limits) { l.Text = ptr("é") }, short("Text", 1, 2)},
		{"2-byte runes at max", func(l *ks.Limits) { l.Text = ptr("éééé") }, nil},
		{"4-byte runes at max", func(l *ks.Limits) { l.Text = ptr("😀😀😀😀") }, nil},
		{"4-byte runes max+1", func(l *ks.Limits) { l.Text = ptr("😀😀😀😀😀") }, long("Text", 5, 4)},
		{"combining marks count", func(l *ks.Limits) { l.Text = ptr("e\u0301e\u0301e") }, long("Text", 5, 4)},

		// List length in elements: [1, 3]; nil is unset, empty is set.
		{"list unset", func(l *ks.Limits) { l.List = nil }, nil},
		{"list empty", func(l *ks.Limits) { l.List = []string{} }, short("List", 0, 1)},
		{"list max", func(l *ks.Limits) { l.List = []string{"a", "b", "c"} }, nil},
		{"list max+1", func(l *ks.Limits) { l.List = []string{"a", "b", "c", "d"} }, long("List", 4, 3)},

		// Map length in entries: [1, 2].
		{"map unset", func(l *ks.Limits) { l.Dict = nil }, nil},
		{"map empty", func(l *ks.Limits) { l.Dict = map[string]string{} }, short("Dict", 0, 1)},
		{"map max", func(l *ks.Limits) { l.Dict = map[string]string{"a": "", "b": ""} }, nil},
		{"map max+1", func(l *ks.Limits) { l.Dict = map[string]string{"a": "", "b": "", "c": ""} }, long("Dict", 3, 2)},

		// Blob length in bytes: [2, 4].
		{"blob unset", func(l *ks.Limits) { l.Bytes = nil }, nil},
		{"blob empty", func(l *ks.Limits) { l.Bytes = []byte{} }, short("Bytes", 0, 2)},
		{"blob min-1", func(l *ks.Limits) { l.Bytes = []byte{0} }, short("Bytes", 1, 2)},
		{"blob min", func(l *ks.Limits) { l.Bytes = []byte{0, 0} }, nil},
		{"blob max", func(l *ks.Limits) { l.Bytes = []byte{0, 0, 0, 0} }, nil},
		{"blob max+1", func(l *ks.Limits) { l.Bytes = []byte{0, 0, 0, 0, 0} }, long("Bytes", 5, 4)},
		{"blob counts bytes, not runes", func(l *ks.Limits) { l.Bytes = []byte("éé!") }, long("Bytes", 5, 4)},

		// Pattern ^[a-c]+$ (ECMAScript: anchored by the pattern; $ is the end of input).
		{"pattern other letter", func(l *ks.Limits) { l.Code = ptr("abd") }, pattern("Code", "^[a-c]+$")},
		{"pattern empty", func(l *ks.Limits) { l.Code = ptr("") }, pattern("Code", "^[a-c]+$")},
		{"pattern trailing newline", func(l *ks.Limits) { l.Code = ptr("abc\n") }, pattern("Code", "^[a-c]+$")},
		{"pattern match", func(l *ks.Limits) { l.Code = ptr("cab") }, nil},

		// Nested paths: list index, map key, structure in structure.
		{"list elem struct length", func(l *ks.Limits) { l.Items[0].Name = ptr("") }, short("Items[0].Name", 0, 1)},
		{"list elem struct max+1", func(l *ks.Limits) { l.Items[1].Name = ptr("abcd") }, long("Items[1].Name", 4, 3)},
		{"list elem struct struct range", func(l *ks.Limits) { l.Items[0].Child.Depth = ptr(int8(6)) }, rangeV("Items[0].Child.Depth", "[0, 5]")},
		{"list elem struct struct min-1", func(l *ks.Limits) { l.Items[0].Child.Depth = ptr(int8(-1)) }, rangeV("Items[0].Child.Depth", "[0, 5]")},
		{"list elem struct struct min", func(l *ks.Limits) { l.Items[0].Child.Depth = ptr(int8(0)) }, nil},
		{"list elem struct struct max", func(l *ks.Limits) { l.Items[0].Child.Depth = ptr(int8(5)) }, nil},
		{"map value struct length", func(l *ks.Limits) { l.ByKey["k1"] = ks.LimitItem{Name: ptr("")} }, short(`ByKey["k1"].Name`, 0, 1)},
		{"map value struct struct range", func(l *ks.Limits) { l.ByKey["k2"].Child.Depth = ptr(int8(9)) }, rangeV(`ByKey["k2"].Child.Depth`, "[0, 5]")},
		{"struct in struct length", func(l *ks.Limits) { l.Sub.Name = ptr("abcd") }, long("Sub.Name", 4, 3)},
		{"struct in struct in struct range", func(l *ks.Limits) { l.Sub.Child.Depth = ptr(int8(-1)) }, rangeV("Sub.Child.Depth", "[0, 5]")},
		{"list elem length", func(l *ks.Limits) { l.Codes[1] = "abc" }, long("Codes[1]", 3, 2)},
		{"list elem empty", func(l *ks.Limits) { l.Codes[0] = "" }, short("Codes[0]", 0, 1)},
		{"map key pattern", func(l *ks.Limits) { l.CodeMap["Bad"] = "x" }, pattern(`CodeMap["Bad"]`, "^[a-z]+$")},
		{"map value length", func(l *ks.Limits) { l.CodeMap["ab"] = "xyz" }, long(`CodeMap["ab"]`, 3, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := validLimits()
			tt.edit(l)
			if got := violations(t, l.Validate()); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("violations:\n got %+v\nwant %+v", got, tt.want)
			}
			// The same value one level down, in an operation input: paths gain "Limits.".
			var want []violation
			for _, v := range tt.want {
				v.Path = "Limits." + v.Path
				want = append(want, v)
			}
			in := &ks.ListThingsInput{Limits: l}
			if got := violations(t, in.Validate()); !reflect.DeepEqual(got, want) {
				t.Errorf("in ListThingsInput:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestValidateEvery: Validate reports every violation, in member order (lists by index,
// maps by sorted key), and the errors are reachable with errors.As.
func TestValidateEvery(t *testing.T) {
	l := validLimits()
	l.Id = nil
	l.Tiny = ptr(int8(11))
	l.Text = ptr("a")
	l.Items[1].Name = nil
	l.Items[0].Name = ptr("abcd")
	l.ByKey["k2"] = ks.LimitItem{}
	l.ByKey["k0"] = ks.LimitItem{Name: ptr("")}
	l.CodeMap["Zz"] = "long"
	want := []violation{
		{"Id", "required", "is required"},
		{"Tiny", "range", "must be within [-10, 10]"},
		{"Text", "length", "length 1 is less than the minimum 2"},
		{"Items[0].Name", "length", "length 4 is more than the maximum 3"},
		{"Items[1].Name", "required", "is required"},
		{`ByKey["k0"].Name`, "length", "length 0 is less than the minimum 1"},
		{`ByKey["k2"].Name`, "required", "is required"},
		{`CodeMap["Zz"]`, "pattern", "does not match the pattern ^[a-z]+$"},
		{`CodeMap["Zz"]`, "length", "length 4 is more than the maximum 2"},
	}
	err := l.Validate()
	if got := violations(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("violations:\n got %+v\nwant %+v", got, want)
	}
	var one *ks.ValidationError
	if !errors.As(err, &one) || one.Path != "Id" {
		t.Errorf("errors.As(*ValidationError) = %v", one)
	}
	wantText := "validation failed: Id: is required; Tiny: must be within [-10, 10]; Text: length 1 is less than the minimum 2; "
	if !strings.HasPrefix(err.Error(), wantText) {
		t.Errorf("Error() = %s", err)
	}
}

// TestValidateNoValue: messages never quote the value that failed.
func TestValidateNoValue(t *testing.T) {
	l := validLimits()
	l.Code = ptr("S3CR3T-pattern-value")
	l.Text = ptr("S3CR3T-length-value")
	err := l.Validate()
	if err == nil {
		t.Fatal("no violation")
	}
	if strings.Contains(err.Error(), "S3CR3T-") {
		t.Errorf("message quotes a value: %v", err)
	}
}
