package difftest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/awsgen/awsgen/generated/cognitoidp"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	smithyjson "github.com/aws/smithy-go/encoding/json"
	smithyio "github.com/aws/smithy-go/io"
)

// Side-by-side benchmarks, one `go test -bench` run (see the Makefile's bench target):
//
//	/awsgen          our MarshalJSON / UnmarshalJSON / Clone / Equal
//	/awsgen-reuse    our AppendJSON into a reused buffer
//	/awsgen-marshal  encoding/json.Marshal of our value: it calls our MarshalJSON, then
//	                 checks and compacts the result
//	/v2              aws-sdk-go-v2's generated (de)serializer for the operation document,
//	                 called directly (bench_v2_test.go), with exactly the per-call steps the
//	                 v2 middleware takes around it: smithyjson.NewEncoder + Bytes() when
//	                 serializing; the ring buffer, TeeReader, json.Decoder with UseNumber and
//	                 Decode into interface{} before deserializing
//	/v2-client       a whole v2 client call over a fake HTTP client (middleware stack,
//	                 endpoint resolution, both directions): what one call costs in v2
//	/encoding-json   encoding/json on plain mirror structs without methods (mirror_test.go)
//	/reflect.DeepEqual, /v2-json-roundtrip  references for Equal and Clone, labelled as such

// --- the values ------------------------------------------------------------------------------

func sp(s string) *string { return &s }

// benchForgotPasswordRequest has every member set.
func benchForgotPasswordRequest() *cognitoidp.ForgotPasswordRequest {
	return &cognitoidp.ForgotPasswordRequest{
		ClientId:   sp("6f8s0hk7ld3ao5rg7jcn9g2kfa"),
		SecretHash: sp("dGhpcyBpcyBhIHNlY3JldCBoYXNoIHZhbHVlPT0="),
		UserContextData: &cognitoidp.UserContextDataType{
			IpAddress:   sp("192.0.2.44"),
			EncodedData: sp("eyJjb250ZXh0RGF0YSI6eyJVc2VyQWdlbnQiOiJNb3ppbGxhLzUuMCJ9fQ=="),
		},
		Username:          sp("jane.doe@example.com"),
		AnalyticsMetadata: &cognitoidp.AnalyticsMetadataType{AnalyticsEndpointId: sp("d1d2c5f0-4b5e-4a44-9d2b-7f1c1f0a5b77")},
		ClientMetadata: map[string]string{
			"source":   "web",
			"locale":   "en-US",
			"campaign": "spring-\"sale\"",
		},
	}
}

// benchListUsersResponse is a page of 60 users, about 30 KB of JSON.
func benchListUsersResponse() *cognitoidp.ListUsersResponse {
	base := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	enabled, disabled := true, false
	resp := &cognitoidp.ListUsersResponse{PaginationToken: sp("CAISlgIIARLqAQgDEuUBAEdZv7QqoJXW3b1lL9YQn1fs4G1d6Ms1s2yQ9wGZXn8qA==")}
	statuses := cognitoidp.UserStatusType("").Values()
	for i := 0; i < 60; i++ {
		created := base.Add(time.Duration(i) * 37 * time.Hour).Add(time.Duration(i*123) * time.Millisecond)
		modified := created.Add(time.Duration(i+1) * 90 * time.Minute)
		sub := fmt.Sprintf("%08x-4b2c-4e1d-9a7f-%012x", 0x1a2b3c4d+i*7919, 0x5e6f70819200+i*104729)
		user := cognitoidp.UserType{
			Username: sp(fmt.Sprintf("user%03d", i)),
			Attributes: []cognitoidp.AttributeType{
				{Name: sp("sub"), Value: sp(sub)},
				{Name: sp("email"), Value: sp(fmt.Sprintf("u%02d@example.com", i))},
				{Name: sp("email_verified"), Value: sp(strconv.FormatBool(i%3 != 0))},
				{Name: sp("name"), Value: sp(fmt.Sprintf("User %02d", i))},
				{Name: sp("phone_number"), Value: sp(fmt.Sprintf("+1555%07d", 1000000+i*31))},
				{Name: sp("custom:tenant"), Value: sp(fmt.Sprintf("t%d", i%7))},
			},
			UserCreateDate:       &created,
			UserLastModifiedDate: &modified,
			Enabled:              &enabled,
			UserStatus:           &statuses[i%len(statuses)],
			MFAOptions: []cognitoidp.MFAOptionType{
				{DeliveryMedium: ptrTo(cognitoidp.DeliveryMediumTypeSms), AttributeName: sp("phone_number")},
			},
		}
		if i%4 == 0 {
			user.Enabled = &disabled
		}
		if i%2 == 0 {
			user.MFAOptions = append(user.MFAOptions, cognitoidp.MFAOptionType{DeliveryMedium: ptrTo(cognitoidp.DeliveryMediumTypeEmail), AttributeName: sp("email")})
		}
		resp.Users = append(resp.Users, user)
	}
	return resp
}

func ptrTo[T any](v T) *T { return &v }

func benchForgotPasswordResponse() *cognitoidp.ForgotPasswordResponse {
	return &cognitoidp.ForgotPasswordResponse{CodeDeliveryDetails: &cognitoidp.CodeDeliveryDetailsType{
		Destination:    sp("j***@e***.com"),
		DeliveryMedium: ptrTo(cognitoidp.DeliveryMediumTypeEmail),
		AttributeName:  sp("email"),
	}}
}

func mustMarshal(tb testing.TB, v json.Marshaler) []byte {
	tb.Helper()
	b, err := v.MarshalJSON()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// v2Input converts one of our inputs to v2's.
func v2Input[T any](tb testing.TB, ours any) *T {
	tb.Helper()
	v := new(T)
	if err := convert(reflect.ValueOf(v).Elem(), reflect.ValueOf(ours).Elem()); err != nil {
		tb.Fatal(err)
	}
	return v
}

// --- v2's per-call steps around its generated functions --------------------------------------

// v2Serialize does what v2's ForgotPassword serialize middleware does with the document.
func v2Serialize(in *cip.ForgotPasswordInput) ([]byte, error) {
	enc := smithyjson.NewEncoder()
	if err := v2SerializeForgotPasswordInput(in, enc.Value); err != nil {
		return nil, err
	}
	return enc.Bytes(), nil
}

// v2DecodeShape does what v2's deserialize middleware does before the generated function:
// a ring buffer for error snapshots, a TeeReader into it, and a json.Decoder with UseNumber.
func v2DecodeShape(body io.Reader) (any, error) {
	var buff [1024]byte
	ringBuffer := smithyio.NewRingBuffer(buff[:])
	decoder := json.NewDecoder(io.TeeReader(body, ringBuffer))
	decoder.UseNumber()
	var shape any
	if err := decoder.Decode(&shape); err != nil && err != io.EOF {
		return nil, err
	}
	return shape, nil
}

func v2DeserializeListUsers(body []byte) (*cip.ListUsersOutput, error) {
	output := &cip.ListUsersOutput{}
	shape, err := v2DecodeShape(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if err := v2DeserializeListUsersOutput(&output, shape); err != nil {
		return nil, err
	}
	return output, nil
}

func v2DeserializeForgotPassword(body []byte) (*cip.ForgotPasswordOutput, error) {
	output := &cip.ForgotPasswordOutput{}
	shape, err := v2DecodeShape(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if err := v2DeserializeForgotPasswordOutput(&output, shape); err != nil {
		return nil, err
	}
	return output, nil
}

// TestBenchmarkFixtures checks that every variant of every benchmark computes the same thing,
// so the numbers compare like with like.
func TestBenchmarkFixtures(t *testing.T) {
	req := benchForgotPasswordRequest()
	ours := mustMarshal(t, req)
	in := v2Input[cip.ForgotPasswordInput](t, req)
	direct, err := v2Serialize(in)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeHTTP{}
	if _, err := newV2Client(f).ForgotPassword(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	mirror, err := json.Marshal(mirrorOfForgotPasswordRequest(req))
	if err != nil {
		t.Fatal(err)
	}
	viaStd, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"v2 direct": direct, "v2 client": f.request, "encoding/json mirror": mirror, "encoding/json of ours": viaStd} {
		if d := jsonDiff(ours, got); d != "" {
			t.Errorf("ForgotPasswordRequest: ours and %s differ at %s\nours: %s\n%s: %s", name, d, ours, name, got)
		}
	}

	users := benchListUsersResponse()
	body := mustMarshal(t, users)
	// The brief said ~20 KB; 60 users with the members listed take ~510 bytes each at the
	// least, so the page is ~30 KB. MB/s makes the two comparable.
	if len(body) < 16<<10 || len(body) > 40<<10 {
		t.Errorf("ListUsersResponse body is %d bytes, want 16 to 40 KB", len(body))
	}
	out, err := v2DeserializeListUsers(body)
	if err != nil {
		t.Fatal(err)
	}
	back := new(cognitoidp.ListUsersResponse)
	if err := convert(reflect.ValueOf(back).Elem(), reflect.ValueOf(out).Elem()); err != nil {
		t.Fatal(err)
	}
	want := users.Clone()
	for i := range want.Users {
		if !*want.Users[i].Enabled {
			want.Users[i].Enabled = nil // v2's plain bool cannot tell false from absent
		}
	}
	if !back.Equal(want) {
		t.Errorf("v2 direct ListUsers decode differs at %s", firstDiff(reflect.ValueOf(back), reflect.ValueOf(want), "ListUsersResponse"))
	}
	var m mirrorListUsersResponse
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Users) != 60 || len(m.Users[59].Attributes) != 6 || time.Time(*m.Users[59].UserCreateDate).UnixMilli() != users.Users[59].UserCreateDate.UnixMilli() {
		t.Errorf("mirror decode of ListUsersResponse looks wrong: %+v", m.Users[59])
	}

	fp := benchForgotPasswordResponse()
	fpBody := mustMarshal(t, fp)
	fpOut, err := v2DeserializeForgotPassword(fpBody)
	if err != nil {
		t.Fatal(err)
	}
	fpBack := new(cognitoidp.ForgotPasswordResponse)
	if err := convert(reflect.ValueOf(fpBack).Elem(), reflect.ValueOf(fpOut).Elem()); err != nil {
		t.Fatal(err)
	}
	if !fpBack.Equal(fp) {
		t.Errorf("v2 direct ForgotPassword decode differs: %#v", fpBack)
	}
	t.Logf("ForgotPasswordRequest %d bytes, ListUsersResponse %d bytes, ForgotPasswordResponse %d bytes", len(ours), len(body), len(fpBody))
}

// reverseMembers rewrites a JSON document with the members of every object in reverse order
// (values and their text otherwise unchanged).
func reverseMembers(tb testing.TB, doc []byte) []byte {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var out bytes.Buffer
	var write func() error
	write = func() error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			var members [][]byte
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				saved := out
				out = bytes.Buffer{}
				k, _ := json.Marshal(key)
				out.Write(k)
				out.WriteByte(':')
				if err := write(); err != nil {
					return err
				}
				members = append(members, bytes.Clone(out.Bytes()))
				out = saved
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte('{')
			for i := len(members) - 1; i >= 0; i-- {
				out.Write(members[i])
				if i > 0 {
					out.WriteByte(',')
				}
			}
			out.WriteByte('}')
		case json.Delim('['):
			out.WriteByte('[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					out.WriteByte(',')
				}
				if err := write(); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte(']')
		default:
			v, err := json.Marshal(tok)
			if err != nil {
				return err
			}
			out.Write(v)
		}
		return nil
	}
	if err := write(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

func TestReverseMembers(t *testing.T) {
	if got := string(reverseMembers(t, []byte(`{"a":1,"b":[{"c":"x","d":null}],"e":{}}`))); got != `{"e":{},"b":[{"d":null,"c":"x"}],"a":1}` {
		t.Errorf("reverseMembers = %s", got)
	}
	// The reversed page decodes to the same value.
	users := benchListUsersResponse()
	var back cognitoidp.ListUsersResponse
	if err := back.UnmarshalJSON(reverseMembers(t, mustMarshal(t, users))); err != nil || !back.Equal(users) {
		t.Errorf("reversed ListUsers page decodes differently (%v)", err)
	}
}

// --- benchmarks ------------------------------------------------------------------------------

// measure turns on allocation reporting and, where the platform tells, reports the process's
// CPU time per operation as cpu-ns/op (GC included). On a shared, busy machine wall time
// (sec/op) swings with other load; CPU time much less.
func measure(b *testing.B) (done func()) {
	b.ReportAllocs()
	start := processCPU()
	return func() {
		if end := processCPU(); start >= 0 && end >= 0 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// floorSink keeps the alloc-floor benchmark's result alive, as a caller keeps MarshalJSON's.
var floorSink []byte

func BenchmarkMarshalForgotPasswordRequest(b *testing.B) {
	req := benchForgotPasswordRequest()
	size := len(mustMarshal(b, req))
	b.Run("awsgen", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer measure(b)()
		for b.Loop() {
			if _, err := req.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("awsgen-reuse", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer measure(b)()
		buf := make([]byte, 0, 1024)
		var err error
		for b.Loop() {
			if buf, err = req.AppendJSON(buf[:0]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("awsgen-marshal", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer measure(b)()
		for b.Loop() {
			if _, err := json.Marshal(req); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The least any MarshalJSON does that returns a new slice: allocate the document's
	// size and copy the document into it, with nothing encoded. It shows what the one
	// allocation MarshalJSON makes costs in this process.
	doc := mustMarshal(b, req)
	b.Run("alloc-floor", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer measure(b)()
		for b.Loop() {
			floorSink = append([]byte(nil), doc...)
		}
	})
	in := v2Input[cip.ForgotPasswordInput](b, req)
	b.Run("v2", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer measure(b)()
		for b.Loop() {
			if _, err := v2Serialize(in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("v2-client", func(b *testing.B) {
		c := newV2Client(&fakeHTTP{})
		ctx := context.Background()
		b.SetBytes(int64(size))
		defer measure(b)()
		for b.Loop() {
			if _, err := c.ForgotPassword(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	mirror := mirrorOfForgotPasswordRequest(req)
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(size))
		defer measure(b)()
		for b.Loop() {
			if _, err := json.Marshal(mirror); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkUnmarshalListUsersResponse(b *testing.B) {
	body := mustMarshal(b, benchListUsersResponse())
	b.Run("awsgen", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		var v cognitoidp.ListUsersResponse
		for b.Loop() {
			if err := v.UnmarshalJSON(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The same page with every object's members in reverse model order: our decoder expects
	// model order and falls back to scanning and looking up each key.
	reversed := reverseMembers(b, body)
	b.Run("awsgen-reversed", func(b *testing.B) {
		b.SetBytes(int64(len(reversed)))
		defer measure(b)()
		var v cognitoidp.ListUsersResponse
		for b.Loop() {
			if err := v.UnmarshalJSON(reversed); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("v2", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		for b.Loop() {
			if _, err := v2DeserializeListUsers(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("v2-client", func(b *testing.B) {
		c := newV2Client(&fakeHTTP{response: body})
		ctx := context.Background()
		in := &cip.ListUsersInput{UserPoolId: sp("us-east-1_abcdefghi")}
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		for b.Loop() {
			if _, err := c.ListUsers(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		for b.Loop() {
			var v mirrorListUsersResponse
			if err := json.Unmarshal(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkUnmarshalForgotPasswordResponse(b *testing.B) {
	body := mustMarshal(b, benchForgotPasswordResponse())
	b.Run("awsgen", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		var v cognitoidp.ForgotPasswordResponse
		for b.Loop() {
			if err := v.UnmarshalJSON(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("v2", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		for b.Loop() {
			if _, err := v2DeserializeForgotPassword(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("v2-client", func(b *testing.B) {
		c := newV2Client(&fakeHTTP{response: body})
		ctx := context.Background()
		in := &cip.ForgotPasswordInput{ClientId: sp("c"), Username: sp("u")}
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		for b.Loop() {
			if _, err := c.ForgotPassword(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		defer measure(b)()
		for b.Loop() {
			var v mirrorForgotPasswordResponse
			if err := json.Unmarshal(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCloneListUsersResponse(b *testing.B) {
	users := benchListUsersResponse()
	b.Run("awsgen", func(b *testing.B) {
		defer measure(b)()
		for b.Loop() {
			if users.Clone() == nil {
				b.Fatal("nil clone")
			}
		}
	})
	// v2 has no Clone; the usual stand-in is a JSON round trip through encoding/json.
	out, err := v2DeserializeListUsers(mustMarshal(b, users))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("v2-json-roundtrip", func(b *testing.B) {
		defer measure(b)()
		for b.Loop() {
			data, err := json.Marshal(out)
			if err != nil {
				b.Fatal(err)
			}
			var c cip.ListUsersOutput
			if err := json.Unmarshal(data, &c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkEqualListUsersResponse(b *testing.B) {
	x, y := benchListUsersResponse(), benchListUsersResponse()
	b.Run("awsgen", func(b *testing.B) {
		defer measure(b)()
		for b.Loop() {
			if !x.Equal(y) {
				b.Fatal("not equal")
			}
		}
	})
	b.Run("reflect.DeepEqual", func(b *testing.B) {
		defer measure(b)()
		for b.Loop() {
			if !reflect.DeepEqual(x, y) {
				b.Fatal("not equal")
			}
		}
	})
}

// createdObjects counts what decoding v must create: non-empty strings, non-empty slices and
// maps, and structures (v itself included). The allocation target is one allocation per
// object at most; pointers to scalars are expected to share their structure's allocation.
func createdObjects(v reflect.Value) (strs, slices, structs int) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return createdObjects(v.Elem())
		}
	case reflect.String:
		if v.Len() > 0 {
			strs++
		}
	case reflect.Struct:
		if v.Type() == timeType {
			return
		}
		structs++
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				a, b, c := createdObjects(v.Field(i))
				strs, slices, structs = strs+a, slices+b, structs+c
			}
		}
	case reflect.Slice, reflect.Map:
		if v.Len() == 0 {
			return
		}
		slices++
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		if v.Kind() == reflect.Map {
			for it := v.MapRange(); it.Next(); {
				a, b, c := createdObjects(it.Key())
				d, e, f := createdObjects(it.Value())
				strs, slices, structs = strs+a+d, slices+b+e, structs+c+f
			}
			return
		}
		for i := 0; i < v.Len(); i++ {
			a, b, c := createdObjects(v.Index(i))
			strs, slices, structs = strs+a, slices+b, structs+c
		}
	}
	return
}

// TestAllocationTargets checks the allocation targets: marshalling makes at most one
// allocation (none into a reused buffer), and decoding at most one per string, slice and
// structure the result holds; the decoding numbers are logged.
func TestAllocationTargets(t *testing.T) {
	req := benchForgotPasswordRequest()
	if n := testing.AllocsPerRun(100, func() { _, _ = req.MarshalJSON() }); n > 1 {
		t.Errorf("ForgotPasswordRequest.MarshalJSON: %v allocations, want at most 1", n)
	}
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() { buf, _ = req.AppendJSON(buf[:0]) }); n != 0 {
		t.Errorf("ForgotPasswordRequest.AppendJSON into a reused buffer: %v allocations, want 0", n)
	}
	for _, c := range []struct {
		name string
		v    interface {
			json.Marshaler
			json.Unmarshaler
		}
		fresh func() json.Unmarshaler
	}{
		{"ListUsersResponse", benchListUsersResponse(), func() json.Unmarshaler { return new(cognitoidp.ListUsersResponse) }},
		{"ForgotPasswordResponse", benchForgotPasswordResponse(), func() json.Unmarshaler { return new(cognitoidp.ForgotPasswordResponse) }},
	} {
		body := mustMarshal(t, c.v)
		strs, slices, structs := createdObjects(reflect.ValueOf(c.v))
		budget := strs + slices + structs
		target := c.fresh()
		n := testing.AllocsPerRun(50, func() {
			if err := target.UnmarshalJSON(body); err != nil {
				t.Fatal(err)
			}
		})
		msg := fmt.Sprintf("%s.UnmarshalJSON: %v allocations; budget %d = %d strings + %d slices + %d structures (the target value counted, though the caller provides it)",
			c.name, n, budget, strs, slices, structs)
		if int(n) > budget {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
		// Strings, lists and stores come from chunks: the 60-user page (about 1,650 objects)
		// takes 10 allocations once a pooled decoder knows the page's shape.
		if c.name == "ListUsersResponse" && n > 32 {
			t.Errorf("%s.UnmarshalJSON: %v allocations, want at most 32 with chunked strings, lists and stores", c.name, n)
		}
	}
}
