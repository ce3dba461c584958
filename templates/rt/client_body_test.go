package rt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The request body is a pooled buffer that the client takes back when the request is done
// and every reader of it net/http was given is closed (wireRequest.done). These tests show
// that no request ever sends, or lets anyone read, another request's bytes.

// TestRequestBodyPoolConcurrent sends requests with distinct bodies from several goroutines
// through a real server, a tenth of them retried, and checks that the server got each body
// exactly as often as it was sent.
func TestRequestBodyPoolConcurrent(t *testing.T) {
	var rec *recorder
	rec = newRecorder(t, func(n int, w http.ResponseWriter, r *http.Request) {
		// The first attempt of every tenth user is answered with a 500, and retried.
		if strings.HasPrefix(r.Header.Get("Amz-Sdk-Request"), "attempt=1;") && strings.HasSuffix(rec.requests()[n-1].body, `0"}`) {
			writeJSON(w, 500, `{"__type":"InternalError"}`)
			return
		}
		writeJSON(w, 200, `{}`)
	})
	c := testClient(rec, "1.1", nil)
	const goroutines, each = 4, 60
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*each)
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				name := fmt.Sprintf("user-%d-%03d", g, i)
				if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: &name}, new(stubResponse)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// Every body arrives once, twice when its first attempt failed, and no other body does.
	seen := map[string]int{}
	for _, r := range rec.requests() {
		seen[r.body]++
	}
	for g := range goroutines {
		for i := range each {
			b := fmt.Sprintf(`{"Username":"user-%d-%03d"}`, g, i)
			want := 1
			if i%10 == 0 {
				want = 2
			}
			if seen[b] != want {
				t.Errorf("body %s arrived %d times, want %d", b, seen[b], want)
			}
			delete(seen, b)
		}
	}
	for b, n := range seen {
		t.Errorf("the server got %d request(s) with a body nobody sent: %q", n, b)
	}
}

// keepingDoer answers 200 {} and keeps each request; with close set it reads the body (into
// sent) and closes it first, as net/http does.
type keepingDoer struct {
	close bool
	reqs  []*http.Request
	sent  []string
}

func (d *keepingDoer) Do(r *http.Request) (*http.Response, error) {
	if d.close {
		b, _ := io.ReadAll(r.Body)
		d.sent = append(d.sent, string(b))
		r.Body.Close()
	}
	d.reqs = append(d.reqs, r)
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte("{}"))), ContentLength: 2}, nil
}

// TestRequestBodyKeptOpen: a body that the HTTP client has not closed when the call returns
// is not reused: read afterwards, after other requests, it is still the request's own.
func TestRequestBodyKeptOpen(t *testing.T) {
	// Buffers other tests gave back would be handed out first: with none queued, a buffer
	// given back too early is the next call's.
	for len(jsonBufs) > 0 {
		<-jsonBufs
	}
	d := &keepingDoer{}
	c := newClient(Options{Endpoint: "https://example.com", HTTPClient: d}, testService("1.1"))
	names := []string{"first-user", "other-user", "third-user"}
	for _, n := range names {
		if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: &n}, new(stubResponse)); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range d.reqs {
		b, err := io.ReadAll(r.Body)
		if want := `{"Username":"` + names[i] + `"}`; err != nil || string(b) != want {
			t.Errorf("request %d: body read after the call: %q, %v; want %q", i, b, err, want)
		}
		g, err := r.GetBody()
		if err != nil {
			t.Fatal(err)
		}
		if b, err := io.ReadAll(g); err == nil {
			t.Errorf("request %d: GetBody after the call gave %q, want an error", i, b)
		}
	}
}

// TestRequestBodyReadAfterClose: a body read after it was closed (its buffer may be another
// request's by then) fails instead of giving bytes.
func TestRequestBodyReadAfterClose(t *testing.T) {
	d := &keepingDoer{close: true}
	c := newClient(Options{Endpoint: "https://example.com", HTTPClient: d}, testService("1.1"))
	names := []string{"first-user", "other-user"}
	for _, n := range names {
		if err := c.invoke(context.Background(), &opPublic, &stubRequest{Username: &n}, new(stubResponse)); err != nil {
			t.Fatal(err)
		}
	}
	// What was sent, read before Close, is each request's own.
	want := []string{`{"Username":"first-user"}`, `{"Username":"other-user"}`}
	if !slices.Equal(d.sent, want) {
		t.Errorf("sent %q, want %q", d.sent, want)
	}
	for i, r := range d.reqs {
		if b, err := io.ReadAll(r.Body); !errors.Is(err, errBodyClosed) || len(b) != 0 {
			t.Errorf("request %d: read after Close gave %q, %v; want errBodyClosed", i, b, err)
		}
	}
}

// TestEndpointHostPrefix: an operation's host prefix goes in front of the endpoint's host,
// its labels filled and checked, unless Options.DisableHostPrefix is set.
func TestEndpointHostPrefix(t *testing.T) {
	labels := map[string]string{"Id": "abc-1", "Bad": "a.b", "Long": strings.Repeat("x", 64)}
	label := func(name string) string { return labels[name] }
	for _, tc := range []struct {
		endpoint, prefix string
		label            func(string) string
		disable          bool
		want, wantErr    string
	}{
		{endpoint: "https://svc.example.com", want: "https://svc.example.com/"},
		{endpoint: "https://svc.example.com", prefix: "data-", want: "https://data-svc.example.com/"},
		{endpoint: "http://localhost:9229/proxy", prefix: "data-", want: "http://data-localhost:9229/proxy/"},
		{endpoint: "https://svc.example.com", prefix: "data-", disable: true, want: "https://svc.example.com/"},
		{endpoint: "https://svc.example.com", prefix: "{Id}.api.", label: label, want: "https://abc-1.api.svc.example.com/"},
		{endpoint: "https://svc.example.com", prefix: "{Id}.api.", label: label, disable: true, want: "https://svc.example.com/"},
		{endpoint: "https://svc.example.com", prefix: "{Id}.api.", wantErr: `the host label Id must be a non-empty DNS label of letters, digits and '-', got ""`},
		{endpoint: "https://svc.example.com", prefix: "{Missing}.", label: label, wantErr: `host label Missing must be`},
		{endpoint: "https://svc.example.com", prefix: "{Bad}.", label: label, wantErr: `got "a.b"`},
		{endpoint: "https://svc.example.com", prefix: "{Long}.", label: label, wantErr: `host label Long must be`},
		{endpoint: "https://svc.example.com", prefix: "{Id.", label: label, wantErr: `a label is not closed`},
	} {
		c := newClient(Options{Endpoint: tc.endpoint, DisableHostPrefix: tc.disable}, testService("1.1"))
		got, err := c.endpoint(&operationInfo{name: "Op", hostPrefix: tc.prefix}, tc.label)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s + %q: %q, %v; want an error with %q", tc.endpoint, tc.prefix, got, err, tc.wantErr)
			}
		case err != nil || got != tc.want:
			t.Errorf("%s + %q (disable %v): %q, %v; want %q", tc.endpoint, tc.prefix, tc.disable, got, err, tc.want)
		}
	}
}

// hostInput is an awsJson input with a host label, as genHostLabels writes it.
type hostInput struct{ stubRequest }

func (v *hostInput) hostLabel(name string) string {
	if name == "Username" && v.Username != nil {
		return *v.Username
	}
	return ""
}

// TestInvokeHostPrefix: an awsJson request goes to the prefixed host with its label, and an
// invalid label fails before anything is sent.
func TestInvokeHostPrefix(t *testing.T) {
	var hosts []string
	d := doerFunc(func(r *http.Request) (*http.Response, error) {
		hosts = append(hosts, r.URL.Host)
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}"))}, nil
	})
	c := newClient(Options{Endpoint: "https://svc.example.com", HTTPClient: d}, testService("1.1"))
	op := &operationInfo{name: "Op", hostPrefix: "{Username}.data-"}
	if err := c.invoke(context.Background(), op, &hostInput{stubRequest{Username: strp("alice")}}, new(stubResponse)); err != nil {
		t.Fatal(err)
	}
	err := c.invoke(context.Background(), op, &hostInput{stubRequest{Username: strp("al/ice")}}, new(stubResponse))
	if err == nil || !strings.Contains(err.Error(), "host label Username") {
		t.Errorf("invalid label: %v", err)
	}
	if want := []string{"alice.data-svc.example.com"}; !slices.Equal(hosts, want) {
		t.Errorf("hosts %q, want %q", hosts, want)
	}
}
