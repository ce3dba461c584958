package resttest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	rs "github.com/awsgen/awsgen/generated/reststore"
)

// TestPutItemResponse serves a response with every output binding and checks each member.
func TestPutItemResponse(t *testing.T) {
	rec := &recorder{
		status: 201,
		header: map[string]string{
			"ETag":         `"abc"`,
			"X-Labels":     `a, "b,c" , "d\"e",f`,
			"X-Dates":      "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 00:00:00 GMT",
			"X-Count":      "-9223372036854775808",
			"X-Small":      "-128",
			"X-At":         "Mon, 16 Dec 2019 23:48:18 GMT",
			"X-Epoch":      "1576540098.25",
			"X-Ratio":      "-Infinity",
			"X-Enabled":    "false",
			"X-Context":    "eyJhIjoxfQ==",
			"X-Kind":       "huge",
			"X-Meta-Color": "red",
			"x-meta-SIZE":  "L",
		},
		body: `{"name":"n","Detail":{"note":"x","When":"2019-12-16T23:48:18.5Z"},"Items":[{"Size":1},{"Size":2}],"ETag":"body keys of bound members are ignored"}`,
	}
	c := newClient(t, rec)
	out, err := c.PutItem(context.Background(), &rs.PutItemInput{Store: ptr("s"), Key: ptr("k")})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2019, 12, 16, 23, 48, 18, 0, time.UTC)
	want := &rs.PutItemOutput{
		Status:  ptr(int32(201)),
		ETag:    ptr(`"abc"`),
		Labels:  []string{"a", "b,c", `d"e`, "f"},
		Dates:   []time.Time{at, time.Date(2019, 12, 17, 0, 0, 0, 0, time.UTC)},
		Count:   ptr(int64(math.MinInt64)),
		Small:   ptr(int8(-128)),
		At:      ptr(at),
		Epoch:   ptr(at.Add(250 * time.Millisecond)),
		Ratio:   ptr(float32(math.Inf(-1))),
		Enabled: ptr(false),
		Context: ptr(`{"a":1}`),
		Kind:    ptr(rs.Kind("huge")),
		Meta:    map[string]string{"color": "red", "size": "L"},
		Name:    ptr("n"),
		Detail:  &rs.Detail{Note: ptr("x"), When: ptr(at.Add(500 * time.Millisecond))},
		Items:   []rs.Detail{{Size: ptr(int32(1))}, {Size: ptr(int32(2))}},
	}
	if !out.Equal(want) {
		t.Errorf("output\n got %#v\nwant %#v", out, want)
	}
}

// TestBadResponseHeaders: a header that does not parse as its member's type fails the call
// with an error naming the header.
func TestBadResponseHeaders(t *testing.T) {
	cases := map[string]string{
		"X-Small":   "128",
		"X-Count":   "9223372036854775808",
		"X-Enabled": "yes",
		"X-At":      "2019-12-16T23:48:18Z",
		"X-Epoch":   "soon",
		"X-Ratio":   "0x1p3",
		"X-Context": "not base64!",
		"X-Labels":  `"open`,
		"X-Dates":   "Mon, 16 Dec 2019 23:48:18 GMT, Tue",
	}
	for h, v := range cases {
		t.Run(h, func(t *testing.T) {
			c := newClient(t, &recorder{header: map[string]string{h: v}, body: "{}"})
			_, err := c.PutItem(context.Background(), &rs.PutItemInput{Store: ptr("s"), Key: ptr("k")})
			var be *rs.BindingError
			if !errors.As(err, &be) || be.Location != "header "+h {
				t.Fatalf("%s: %q: error %v, want a BindingError naming the header", h, v, err)
			}
		})
	}
}

// TestErrorResponses: the error code comes from X-Amzn-Errortype, else the body's code,
// else __type, with namespaces and URIs stripped; a modeled error gets its header members.
func TestErrorResponses(t *testing.T) {
	cases := []struct {
		name   string
		status int
		header map[string]string
		body   string
		code   string // the *APIError code; "" for ItemConflict
	}{
		{"header", 409, map[string]string{"X-Amzn-Errortype": "ItemConflict:http://internal.amazon.com/coral/", "X-Reason": "locked"}, `{"code":"Other","Message":"m","holder":"h"}`, ""},
		{"code", 409, map[string]string{"X-Reason": "locked"}, `{"code":"example.reststore#ItemConflict","__type":"Other","Message":"m","holder":"h"}`, ""},
		{"__type", 409, map[string]string{"X-Reason": "locked"}, `{"__type":"aws.protocoltests#ItemConflict:http://x","Message":"m","holder":"h"}`, ""},
		{"unknown", 400, nil, `{"code":"NoSuchThing","message":"gone"}`, "NoSuchThing"},
		{"not json", 502, nil, `<html>bad gateway</html>`, "Bad Gateway"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, &recorder{status: tc.status, header: tc.header, body: tc.body})
			_, err := c.PutItem(context.Background(), &rs.PutItemInput{Store: ptr("s"), Key: ptr("k")})
			if tc.code != "" {
				var ae *rs.APIError
				if !errors.As(err, &ae) || ae.Code != tc.code {
					t.Fatalf("error %v, want APIError %s", err, tc.code)
				}
				return
			}
			var ic *rs.ItemConflict
			if !errors.As(err, &ic) {
				t.Fatalf("error %T %v, want *ItemConflict", err, err)
			}
			want := &rs.ItemConflict{Message: ptr("m"), Reason: ptr("locked"), Holder: ptr("h")}
			if !ic.Equal(want) {
				t.Errorf("got %#v, want %#v", ic, want)
			}
		})
	}
}

// TestResponseBodies: an empty body is an empty output; a document member keeps its JSON;
// malformed JSON is an error.
func TestResponseBodies(t *testing.T) {
	ctx := context.Background()
	c := newClient(t, &recorder{body: ""})
	out, err := c.GetStatus(ctx)
	if err != nil || out.Healthy != nil || out.Doc != nil {
		t.Errorf("empty body: %+v, %v", out, err)
	}
	c = newClient(t, &recorder{body: `{"Healthy":true,"Doc":{"a":[1,2]}}`})
	out, err = c.GetStatus(ctx)
	if err != nil || out.Healthy == nil || !*out.Healthy || string(out.Doc) != `{"a":[1,2]}` {
		t.Errorf("document: %+v, %v", out, err)
	}
	c = newClient(t, &recorder{body: `{"Healthy":tru`})
	if _, err = c.GetStatus(ctx); err == nil || !strings.Contains(err.Error(), "deserialize response") {
		t.Errorf("malformed body: %v", err)
	}
}

// TestResponseBufferReuse: the client reads response bodies into buffers it uses again, so
// a value decoded from one response must not change when later responses arrive. A blob or
// document payload is the body itself (that buffer is never reused); documents decoded from
// a JSON body are copies. Responses of equal length follow each other so that a reused
// buffer fits; each output is checked after all the others were read.
func TestResponseBufferReuse(t *testing.T) {
	ctx := context.Background()
	const n = 40
	rec := &recorder{}
	c := newClient(t, rec)
	set := func(body string) {
		rec.mu.Lock()
		rec.body = body
		rec.mu.Unlock()
	}
	blobs := make([]*rs.GetBlobOutput, n)
	statuses := make([]*rs.GetStatusOutput, n)
	manifests := make([]*rs.GetManifestOutput, n)
	for i := range n {
		set(fmt.Sprintf(`{"m":"man-%03d"}`, i))
		man, err := c.GetManifest(ctx, &rs.GetManifestInput{Id: ptr("id")})
		if err != nil {
			t.Fatal(err)
		}
		manifests[i] = man
		set(fmt.Sprintf("blob-%03d", i))
		out, err := c.GetBlob(ctx, &rs.GetBlobInput{Id: ptr("id")})
		if err != nil {
			t.Fatal(err)
		}
		blobs[i] = out
		set(fmt.Sprintf(`{"Healthy":true,"Doc":{"k":"doc-%03d"}}`, i))
		st, err := c.GetStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		statuses[i] = st
	}
	for i := range n {
		if got, want := string(blobs[i].Data), fmt.Sprintf("blob-%03d", i); got != want {
			t.Errorf("blob %d changed: %q, want %q", i, got, want)
		}
		if got, want := string(manifests[i].Manifest), fmt.Sprintf(`{"m":"man-%03d"}`, i); got != want {
			t.Errorf("document payload %d changed: %q, want %q", i, got, want)
		}
		if got, want := string(statuses[i].Doc), fmt.Sprintf(`{"k":"doc-%03d"}`, i); got != want {
			t.Errorf("document %d changed: %q, want %q", i, got, want)
		}
	}
}
