package rt

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// jsonTestDecodeAny decodes any JSON value through the typed decoder API,
// producing the same shapes as encoding/json does for an `any` target.
func jsonTestDecodeAny(d *jsonDecoder) any {
	switch c := d.peek(); c {
	case '{':
		if !d.beginObject() {
			return nil
		}
		m := map[string]any{}
		for {
			k, ok := d.nextKey()
			if !ok {
				break
			}
			key := string(k)
			m[key] = jsonTestDecodeAny(d)
			if d.failed() {
				d.addKey(key)
				return nil
			}
		}
		return m
	case '[':
		if !d.beginArray() {
			return nil
		}
		s := []any{}
		for i := 0; d.nextElem(); i++ {
			s = append(s, jsonTestDecodeAny(d))
			if d.failed() {
				d.addIndex(i)
				return nil
			}
		}
		return s
	case '"':
		return d.readString()
	case 't', 'f':
		return d.readBool()
	case 'n':
		if !d.isNull() {
			d.skip() // records the syntax error
		}
		return nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return d.readFloat(64)
	default:
		d.skip() // records the error (end of input, invalid character)
		return nil
	}
}

func jsonTestIsDepthError(err error) bool {
	var de *DecodeError
	return errors.As(err, &de) && strings.Contains(de.Msg, "maximum nesting depth")
}

func FuzzJSONDecoder(f *testing.F) {
	seeds := []string{
		`{"Users":[{"Username":"a","Attributes":[{"Name":"x","Value":1}]}]}`,
		`[1, -0.5e-3, "x\u00e9\ud83d\ude00", true, false, null, {}]`,
		`"\ud800\udc00\ud800"`,
		"\"\xff\xfe\"",
		`{"a":1,}`,
		`1398796238.123`,
		`"2014-04-29T18:30:38.123Z"`,
		`"Tue, 29 Apr 2014 18:30:38 GMT"`,
		`"aGVsbG8="`,
		`"NaN"`,
		`[[[[[[[[[[]]]]]]]]]]`,
		`01`, `1.`, `-`, `1e400`,
		`{"Name":"x","Value":"y"}`, `{"Value":"y","Name":"x","Name":"z"}`,
		`{ "Name" : "x" ,"Other":[1],"Value":{}}`, `{"N\u0061me":1,"Value":`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(jsonFuzzOne)
}

// jsonFuzzOne checks the decoder's invariants on one input.
func jsonFuzzOne(t *testing.T, data []byte) {
	stdValid := json.Valid(data)

	// 1. jsonValid and skip agree with encoding/json on acceptance.
	verr := jsonValid(data)
	d := newJSONDecoder(data)
	d.skip()
	serr := d.finish()
	if (verr == nil) != (serr == nil) {
		t.Fatalf("jsonValid = %v but skip = %v", verr, serr)
	}
	if jsonTestIsDepthError(verr) {
		return // encoding/json allows deeper nesting
	}
	if (verr == nil) != stdValid {
		t.Fatalf("jsonValid(%q) = %v, encoding/json.Valid = %v", data, verr, stdValid)
	}
	if verr != nil {
		de := jsonTestDecodeErr(t, verr)
		if de.Offset < 0 || de.Offset > len(data) || de.Msg == "" {
			t.Fatalf("bad error %+v for %q", *de, data)
		}
	}

	// 2. Generic decoding matches encoding/json.
	d = newJSONDecoder(data)
	got := jsonTestDecodeAny(&d)
	err := d.finish()
	var want any
	stdErr := json.Unmarshal(data, &want)
	if !jsonTestIsDepthError(err) {
		if (err == nil) != (stdErr == nil) {
			t.Fatalf("decode(%q): err %v, encoding/json err %v", data, err, stdErr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("decode(%q) = %#v, encoding/json = %#v", data, got, want)
		}
	}

	// 2b. Walking an object with nextMember reads the same members, values and errors as
	// walking it with nextKey, whatever their order, spacing or escaping.
	if a, b := jsonTestWalkMembers(data, false), jsonTestWalkMembers(data, true); a != b {
		t.Fatalf("nextMember walk of %q:\n%s\nnextKey walk:\n%s", data, b, a)
	}

	// 3. readRaw returns a copy of exactly the valid value.
	d = newJSONDecoder(data)
	raw := d.readRaw()
	if d.finish() == nil {
		if !json.Valid(raw) || !bytes.Equal(raw, bytes.TrimSpace(data)) {
			t.Fatalf("readRaw(%q) = %q", data, raw)
		}
	}

	// 4. Typed readers never panic and produce sane results.
	d = newJSONDecoder(data)
	s := d.readString()
	if d.finish() == nil {
		if !utf8.ValidString(s) {
			t.Fatalf("readString(%q) = invalid UTF-8 %q", data, s)
		}
		enc := jsonAppendString(nil, s)
		d2 := newJSONDecoder(enc)
		if again := d2.readString(); again != s || d2.finish() != nil {
			t.Fatalf("string round trip %q -> %s -> %q", s, enc, again)
		}
	}
	for _, bits := range []int{8, 16, 32, 64} {
		d = newJSONDecoder(data)
		v := d.readInt(bits)
		if d.finish() == nil {
			if bits < 64 && (v < -1<<(bits-1) || v > 1<<(bits-1)-1) {
				t.Fatalf("readInt(%q, %d) = %d out of range", data, bits, v)
			}
			if enc := jsonAppendInt(nil, v); !bytes.Equal(enc, bytes.TrimSpace(data)) && !bytes.Equal(bytes.TrimSpace(data), []byte("-0")) {
				t.Fatalf("readInt(%q) = %d", data, v)
			}
		}
	}
	for _, bits := range []int{32, 64} {
		d = newJSONDecoder(data)
		v := d.readFloat(bits)
		if d.finish() == nil && !math.IsNaN(v) {
			enc := jsonAppendFloat(nil, v, bits)
			d2 := newJSONDecoder(enc)
			if again := d2.readFloat(bits); again != v || d2.finish() != nil {
				t.Fatalf("float round trip %v -> %s -> %v", v, enc, again)
			}
		}
	}
	d = newJSONDecoder(data)
	blob := d.readBlob()
	if d.finish() == nil {
		enc := jsonAppendBlob(nil, blob)
		d2 := newJSONDecoder(enc)
		if again := d2.readBlob(); !bytes.Equal(again, blob) || d2.finish() != nil {
			t.Fatalf("blob round trip %x -> %s -> %x", blob, enc, again)
		}
	}
	d = newJSONDecoder(data)
	ts := d.readEpochSeconds()
	if d.finish() == nil && ts.Year() > -200000 && ts.Year() < 200000 {
		enc := jsonAppendEpochSeconds(nil, ts)
		d2 := newJSONDecoder(enc)
		if again := d2.readEpochSeconds(); !again.Equal(ts) || d2.finish() != nil {
			t.Fatalf("epoch round trip %v -> %s -> %v", ts, enc, again)
		}
	}
	d = newJSONDecoder(data)
	dt := d.readDateTime()
	if d.finish() == nil && dt.Year() >= 0 && dt.Year() <= 9999 {
		enc := jsonAppendDateTime(nil, dt)
		d2 := newJSONDecoder(enc)
		if again := d2.readDateTime(); !again.Equal(dt.Truncate(1e6)) || d2.finish() != nil {
			t.Fatalf("date-time round trip %v -> %s -> %v", dt, enc, again)
		}
	}
	d = newJSONDecoder(data)
	hd := d.readHTTPDate()
	if d.finish() == nil {
		enc := jsonAppendHTTPDate(nil, hd)
		d2 := newJSONDecoder(enc)
		if again := d2.readHTTPDate(); !again.Equal(hd.Truncate(1e9)) || d2.finish() != nil {
			t.Fatalf("http-date round trip %v -> %s -> %v", hd, enc, again)
		}
	}
	d = newJSONDecoder(data)
	d.readBool()
	d.finish()
	d = newJSONDecoder(data)
	var u jsonTestListUsersOutput
	u.decodeJSON(&d)
	if err := d.finish(); err != nil {
		if de := jsonTestDecodeErr(t, err); de.Error() == "" {
			t.Fatal("empty error text")
		}
	}
}

// FuzzJSONAppendString checks the string encoder against encoding/json (without HTML
// escaping) for any input, appended to a buffer with and without spare room.
func FuzzJSONAppendString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text", "tab\there \"q\" \\", "Grüße 東京 😀", "bad\xff\xfeutf8", "\u2028\u2029", "0123456789abcdef\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := jsonTestStdString(t, s)
		if got := string(jsonAppendString(nil, s)); got != want {
			t.Fatalf("jsonAppendString(%q) = %s, encoding/json = %s", s, got, want)
		}
		roomy := make([]byte, 3, 3+len(s)*6+2)
		copy(roomy, "ab,")
		if got := string(jsonAppendString(roomy, s)); got != "ab,"+want {
			t.Fatalf("jsonAppendString(%q) after a prefix = %s, want ab,%s", s, got, want)
		}
	})
}
