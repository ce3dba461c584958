// Package codectest tests the generated packages from outside: fuzzing the decoders,
// validation, and the client against httptest servers.
package codectest

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	idp "github.com/awsgen/awsgen/generated/cognitoidp"
	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

// message is what every generated structure offers the fuzzer.
type message[T any] interface {
	*T
	UnmarshalJSON([]byte) error
	MarshalJSON() ([]byte, error)
	Equal(*T) bool
	Clone() *T
	String() string
}

// fuzzDecode checks, for any input: no panic; an error is a *DecodeError (or the input was
// accepted); accepted input was valid JSON; and what was decoded re-encodes to a document
// that decodes to an Equal value (the codec is a fixed point after one trip).
func fuzzDecode[T any, P message[T]](t *testing.T, data []byte, isDecodeErr func(error) bool) {
	v := P(new(T))
	err := v.UnmarshalJSON(data)
	if err != nil {
		if !isDecodeErr(err) {
			t.Fatalf("error of type %T, want a *DecodeError: %v", err, err)
		}
		return
	}
	if !json.Valid(bytes.ToValidUTF8(data, []byte("\uFFFD"))) {
		t.Fatalf("accepted invalid JSON %q", data)
	}
	out, err := v.MarshalJSON()
	if err != nil {
		// Only unions can refuse to serialize what was decoded: a union with no member.
		return
	}
	back := P(new(T))
	if err := back.UnmarshalJSON(out); err != nil {
		t.Fatalf("re-decoding our own output %s: %v", out, err)
	}
	if !back.Equal(v) {
		t.Fatalf("round trip changed the value:\n%s\n%s", v.String(), P(back).String())
	}
	// Decoders are pooled: decoding the same input again, after other documents, gives the
	// same value, and later decodes leave earlier results alone (nothing aliases pooled
	// memory).
	snapshot := P(v.Clone())
	again := P(new(T))
	if err := again.UnmarshalJSON(data); err != nil || !again.Equal(v) {
		t.Fatalf("decoding the input a second time: %v\n%s\n%s", err, v.String(), P(again).String())
	}
	_ = P(new(T)).UnmarshalJSON([]byte(`{"x":"` + string(bytes.Repeat([]byte("y"), 40)) + `"}`))
	if !v.Equal(snapshot) || !back.Equal(snapshot) {
		t.Fatalf("a later decode changed an earlier result:\n%s\n%s", snapshot.String(), v.String())
	}
	_ = snapshot.String()
}

func idpDecodeErr(err error) bool { var e *idp.DecodeError; return errors.As(err, &e) }
func ksDecodeErr(err error) bool  { var e *ks.DecodeError; return errors.As(err, &e) }

func seeds(f *testing.F, s ...string) {
	for _, x := range s {
		f.Add([]byte(x))
	}
}

func FuzzForgotPasswordRequest(f *testing.F) {
	seeds(f, `{"ClientId":"abc","Username":"u","SecretHash":"h","UserContextData":{"IpAddress":"1.2.3.4","EncodedData":"e"},"AnalyticsMetadata":{"AnalyticsEndpointId":"x"},"ClientMetadata":{"a":"b","c":"\u00e9"}}`,
		`{}`, `null`, `{"ClientId":null}`, `{"ClientMetadata":{"a":1}}`, `{"Unknown":[1,{"x":[]}],"ClientId":"\ud83d\ude00"}`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode[idp.ForgotPasswordRequest](t, data, idpDecodeErr) })
}

func FuzzForgotPasswordResponse(f *testing.F) {
	seeds(f, `{"CodeDeliveryDetails":{"Destination":"a***@e.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}`,
		`{"CodeDeliveryDetails":{"DeliveryMedium":"CARRIER_PIGEON"}}`, `{"CodeDeliveryDetails":[]}`, `{"CodeDeliveryDetails":{}}`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode[idp.ForgotPasswordResponse](t, data, idpDecodeErr) })
}

// FuzzRecursive decodes kitchensink's Thing, which holds itself directly, in a list and in a map.
func FuzzRecursive(f *testing.F) {
	seeds(f, `{"Name":"a","Parent":{"Name":"p","Parent":{"Children":[{"Name":"c"}]}},"ByName":{"x":{"Value":{"S":"s"}}}}`,
		`{"Parent":{"Parent":{"Parent":{"Parent":{"Parent":{}}}}}}`, `{"Children":[{},{},null]}`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode[ks.Thing](t, data, ksDecodeErr) })
}

// FuzzUnion decodes kitchensink's AnyValue union, including members it does not know.
func FuzzUnion(f *testing.F) {
	seeds(f, `{"S":"x"}`, `{"N":3}`, `{"Nothing":{}}`, `{"Doc":{"a":[1,2,{"b":null}]}}`, `{"Future":{"x":1}}`, `{"S":"x","N":1}`, `{}`)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode[ks.AnyValue](t, data, ksDecodeErr) })
}
