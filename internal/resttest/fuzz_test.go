package resttest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	rs "github.com/awsgen/awsgen/generated/reststore"
)

// responder returns one fixed response to every request, without a network.
type responder struct{ resp string }

func (r responder) Do(req *http.Request) (*http.Response, error) {
	resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(r.resp)), req)
	if err != nil {
		return nil, err
	}
	// Read the body now, so that a framing error is the transport's, as over a network.
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// FuzzPutItemResponse gives PutItem's client arbitrary responses (status line, headers
// bound to every kind of member, prefix headers, body) and checks that it never panics,
// that every error is an *OperationError, that a successful output has the status, and that
// it does not change when later responses are read into the reused body buffer.
func FuzzPutItemResponse(f *testing.F) {
	f.Add("HTTP/1.1 200 OK\r\nX-Labels: a, \"b,c\"\r\nX-Dates: Mon, 16 Dec 2019 23:48:18 GMT\r\nX-Count: 1\r\nX-Small: 2\r\nX-At: Mon, 16 Dec 2019 23:48:18 GMT\r\nX-Epoch: 1.5\r\nX-Ratio: NaN\r\nX-Enabled: true\r\nX-Context: e30=\r\nX-Kind: small\r\nX-Meta-A: b\r\nContent-Length: 40\r\n\r\n{\"name\":\"n\",\"Items\":[{\"Size\":1}],\"x\":1}")
	f.Add("HTTP/1.1 409 Conflict\r\nX-Amzn-Errortype: ItemConflict\r\nX-Reason: r\r\nContent-Length: 15\r\n\r\n{\"holder\":\"h\"}")
	f.Add("HTTP/1.1 500 Oops\r\nContent-Length: 2\r\n\r\n{}")
	f.Add("HTTP/1.1 200 OK\r\nX-Labels: \"\r\nContent-Length: 0\r\n\r\n")
	f.Add("HTTP/1.1 204 No Content\r\n\r\n")
	f.Add("HTTP/1.1 200 OK\r\nX-Meta-Tag: t\r\nContent-Length: 38\r\n\r\n{\"name\":\"a name\",\"Items\":[{\"Size\":7}]}")
	f.Fuzz(func(t *testing.T, resp string) {
		c := rs.NewClient(rs.Options{Endpoint: "http://fuzz.invalid", HTTPClient: responder{resp}, Retry: rs.RetryOptions{MaxAttempts: 1}})
		out, err := c.PutItem(context.Background(), &rs.PutItemInput{Store: ptr("s"), Key: ptr("k")})
		if err != nil {
			var oe *rs.OperationError
			if !errors.As(err, &oe) {
				t.Fatalf("error %T is not an *OperationError: %v", err, err)
			}
			return
		}
		if out == nil || out.Status == nil || *out.Status < 200 || *out.Status > 299 {
			t.Fatalf("success without a 2xx status: %+v", out)
		}
		_ = out.String()
		before, err := out.MarshalJSON()
		if err != nil {
			t.Fatalf("a decoded output does not encode: %v", err)
		}
		// The client reads the next response, of the same length, into the buffer this one
		// was read into: the output must not change.
		r, err := responder{resp}.Do(httptest.NewRequest("POST", "/", nil))
		if err != nil {
			t.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, r.Body)
		junk := "HTTP/1.1 200 OK\r\nContent-Length: " + strconv.FormatInt(n, 10) + "\r\n\r\n" + strings.Repeat("#", int(n))
		for range 3 {
			rs.NewClient(rs.Options{Endpoint: "http://fuzz.invalid", HTTPClient: responder{junk}, Retry: rs.RetryOptions{MaxAttempts: 1}}).
				PutItem(context.Background(), &rs.PutItemInput{Store: ptr("s"), Key: ptr("k")})
		}
		if after, _ := out.MarshalJSON(); !bytes.Equal(before, after) {
			t.Fatalf("the output changed when later responses were read:\n%s\n%s", before, after)
		}
	})
}
