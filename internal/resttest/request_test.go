package resttest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	rs "github.com/awsgen/awsgen/generated/reststore"
)

func ptr[T any](v T) *T { return &v }

// sent is one request as the server saw it.
type sent struct {
	method, host, rawPath, rawQuery string
	header                          http.Header
	body                            []byte
}

// recorder answers every request with status, headers and body, and keeps what it got.
type recorder struct {
	mu     sync.Mutex
	got    []sent
	status int
	header map[string]string
	body   string
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	rec.mu.Lock()
	rec.got = append(rec.got, sent{r.Method, r.Host, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), b})
	status, header, body := rec.status, rec.header, rec.body
	rec.mu.Unlock()
	for k, v := range header {
		w.Header().Set(k, v)
	}
	if status == 0 {
		status = 200
	}
	w.WriteHeader(status)
	io.WriteString(w, body)
}

func newClient(t *testing.T, rec *recorder) *rs.Client {
	t.Helper()
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)
	return rs.NewClient(rs.Options{Endpoint: srv.URL + "/base", Region: "us-east-1", Retry: rs.RetryOptions{MaxAttempts: 1}})
}

// queryPairs is a query string as a sorted multiset of decoded "key=value" pairs.
func queryPairs(t *testing.T, raw string) []string {
	t.Helper()
	var out []string
	if raw == "" {
		return out
	}
	for _, p := range strings.Split(raw, "&") {
		k, v, _ := strings.Cut(p, "=")
		dk, err1 := url.QueryUnescape(k)
		dv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad query pair %q", p)
		}
		out = append(out, dk+"="+dv)
	}
	slices.Sort(out)
	return out
}

func jsonEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("body %q is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want %q: %v", want, err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	if string(gb) != string(wb) {
		t.Errorf("body = %s, want %s", gb, wb)
	}
}

// TestPutItemRequest sends a PutItem with every binding set and checks each part of the
// request against what the model's traits say, written out by hand.
func TestPutItemRequest(t *testing.T) {
	rec := &recorder{body: "{}"}
	c := newClient(t, rec)
	at := time.Date(2019, 12, 16, 23, 48, 18, 0, time.UTC)
	in := &rs.PutItemInput{
		Store:   ptr("my/store"),
		Key:     ptr("a/b c/ü+%"),
		Version: ptr("v 1&2=3"),
		Tags:    []string{"x", "y,z", "x"},
		Limit:   ptr(int32(-7)),
		Flag:    ptr(false),
		Since:   ptr(at.Add(123 * time.Millisecond)),
		Ratio:   ptr(1.5),
		Extra:   map[string]string{"version": "loses", "free": "wins too", "b": "2"},
		Token:   ptr("tok-1"),
		Labels:  []string{"plain", `has,comma`, `has"quote`},
		Count:   ptr(int64(9007199254740993)),
		At:      ptr(at),
		Epoch:   ptr(at.Add(500 * time.Millisecond)),
		Context: ptr(`{"a":1}`),
		Enabled: ptr(true),
		Meta:    map[string]string{"Color": "red", "size": "L"},
		Name:    ptr("thing"),
		Created: ptr(at),
		Detail:  &rs.Detail{Note: ptr("n"), Size: ptr(int32(3)), When: ptr(at)},
		Kind:    ptr(rs.Kind("large")),
	}
	if _, err := c.PutItem(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if len(rec.got) != 1 {
		t.Fatalf("%d requests, want 1", len(rec.got))
	}
	r := rec.got[0]
	if r.method != "PUT" {
		t.Errorf("method %s, want PUT", r.method)
	}
	// The endpoint's path, then the labels: the plain one escaped whole, the greedy one
	// keeping its '/'; everything but the RFC 3986 unreserved characters is %XX.
	if want := "/base/stores/my%2Fstore/items/a/b%20c/%C3%BC%2B%25"; r.rawPath != want {
		t.Errorf("path %s, want %s", r.rawPath, want)
	}
	wantQuery := []string{
		"b=2", "flag=false", "free=wins too", "limit=-7", "ratio=1.5",
		"since=2019-12-16T23:48:18.123Z", "tag=x", "tag=x", "tag=y,z",
		"version=v 1&2=3", "x-id=PutItem",
	}
	slices.Sort(wantQuery)
	if got := queryPairs(t, r.rawQuery); !slices.Equal(got, wantQuery) {
		t.Errorf("query %v, want %v", got, wantQuery)
	}
	if !strings.HasPrefix(r.rawQuery, "x-id=PutItem&") {
		t.Errorf("query %q: the URI's fixed query comes first", r.rawQuery)
	}
	wantHeaders := map[string]string{
		"X-Token":      "tok-1",
		"X-Labels":     `plain, "has,comma", "has\"quote"`,
		"X-Count":      "9007199254740993",
		"X-At":         "Mon, 16 Dec 2019 23:48:18 GMT",
		"X-Epoch":      "1576540098.5",
		"X-Context":    "eyJhIjoxfQ==",
		"X-Enabled":    "true",
		"X-Meta-Color": "red",
		"X-Meta-Size":  "L",
		"Content-Type": "application/json",
	}
	for k, want := range wantHeaders {
		if got := r.header.Values(k); len(got) != 1 || got[0] != want {
			t.Errorf("header %s = %q, want %q", k, got, want)
		}
	}
	// Body: the members without a binding, under their JSON names; timestamps as epoch
	// seconds except where @timestampFormat says otherwise.
	jsonEqual(t, r.body, `{"name":"thing","Created":1576540098,"Detail":{"note":"n","Size":3,"When":"2019-12-16T23:48:18Z"},"Kind":"large"}`)
}

// TestRequestShapes covers the other request forms: no body when nothing is bound to it,
// payloads, host prefixes, and an idempotency token filled in when unset.
func TestRequestShapes(t *testing.T) {
	ctx := context.Background()
	t.Run("minimal PutItem", func(t *testing.T) {
		rec := &recorder{body: "{}"}
		c := newClient(t, rec)
		if _, err := c.PutItem(ctx, &rs.PutItemInput{Store: ptr("s"), Key: ptr("k")}); err != nil {
			t.Fatal(err)
		}
		r := rec.got[0]
		if r.rawPath != "/base/stores/s/items/k" || r.rawQuery[:len("x-id=PutItem")] != "x-id=PutItem" {
			t.Errorf("path %s query %s", r.rawPath, r.rawQuery)
		}
		// Body members exist, so an empty object is sent.
		jsonEqual(t, r.body, `{}`)
		// The idempotency token is generated: a UUID, the same on a retry.
		if tok := r.header.Get("X-Token"); len(tok) != 36 {
			t.Errorf("X-Token %q, want a generated UUID", tok)
		}
	})
	t.Run("GetBlob has no body", func(t *testing.T) {
		rec := &recorder{header: map[string]string{"Content-Type": "image/png"}, body: "\x89PNG"}
		c := newClient(t, rec)
		out, err := c.GetBlob(ctx, &rs.GetBlobInput{Id: ptr("id-1")})
		if err != nil {
			t.Fatal(err)
		}
		r := rec.got[0]
		if r.method != "GET" || r.rawPath != "/base/blobs/id-1" || len(r.body) != 0 || r.header.Get("Content-Type") != "" {
			t.Errorf("request %s %s body %q content-type %q", r.method, r.rawPath, r.body, r.header.Get("Content-Type"))
		}
		if string(out.Data) != "\x89PNG" || out.ContentType == nil || *out.ContentType != "image/png" {
			t.Errorf("output %+v", out)
		}
	})
	t.Run("structure payload", func(t *testing.T) {
		rec := &recorder{body: "plain text"}
		c := newClient(t, rec)
		out, err := c.PutDetail(ctx, &rs.PutDetailInput{Detail: &rs.Detail{Note: ptr("x")}})
		if err != nil {
			t.Fatal(err)
		}
		r := rec.got[0]
		jsonEqual(t, r.body, `{"note":"x"}`)
		if r.header.Get("Content-Type") != "application/json" {
			t.Errorf("content-type %q", r.header.Get("Content-Type"))
		}
		if out.Text == nil || *out.Text != "plain text" {
			t.Errorf("string payload %v", out.Text)
		}
	})
	t.Run("unset structure payload sends {}", func(t *testing.T) {
		rec := &recorder{}
		c := newClient(t, rec)
		out, err := c.PutDetail(ctx, &rs.PutDetailInput{})
		if err != nil {
			t.Fatal(err)
		}
		if r := rec.got[0]; string(r.body) != "{}" || r.header.Get("Content-Type") != "application/json" {
			t.Errorf("body %q content-type %q, want {} as application/json", r.body, r.header.Get("Content-Type"))
		}
		if out.Text != nil {
			t.Errorf("empty string payload read as %q", *out.Text)
		}
	})
	t.Run("host prefix", func(t *testing.T) {
		var host string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { host = r.Host }))
		defer srv.Close()
		// The prefix goes before the endpoint's host; dial the test server whatever the name.
		u, _ := url.Parse(srv.URL)
		hc := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, u.Host)
		}}}
		c := rs.NewClient(rs.Options{Endpoint: "http://example.com:" + u.Port(), HTTPClient: hc, Retry: rs.RetryOptions{MaxAttempts: 1}})
		if err := c.Ping(ctx, &rs.PingInput{Account: ptr("acct-12")}); err != nil {
			t.Fatal(err)
		}
		if want := "acct-12.data.example.com:" + u.Port(); host != want {
			t.Errorf("host %q, want %q", host, want)
		}
		err := c.Ping(ctx, &rs.PingInput{Account: ptr("bad.label")})
		if err == nil || !strings.Contains(err.Error(), "host label Account") {
			t.Errorf("a dot in a host label: %v", err)
		}
	})
}

// TestEmptyLabel: a label that is set but empty would address another resource, so the
// call fails before anything is sent; one that is unset fails the required check.
func TestEmptyLabel(t *testing.T) {
	rec := &recorder{}
	c := newClient(t, rec)
	_, err := c.PutItem(context.Background(), &rs.PutItemInput{Store: ptr(""), Key: ptr("k")})
	var oe *rs.OperationError
	if !errors.As(err, &oe) || oe.Attempts != 0 || !strings.Contains(err.Error(), "URI label Store is empty") {
		t.Errorf("empty label: %v", err)
	}
	_, err = c.PutItem(context.Background(), &rs.PutItemInput{Key: ptr("k")})
	if err == nil || !strings.Contains(err.Error(), "Store") {
		t.Errorf("unset label: %v", err)
	}
	if len(rec.got) != 0 {
		t.Errorf("%d requests sent, want none", len(rec.got))
	}
}
