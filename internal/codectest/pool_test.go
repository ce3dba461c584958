package codectest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	idp "github.com/awsgen/awsgen/generated/cognitoidp"
)

// usersPage is a ListUsersResponse of n users whose values all depend on tag, so that two
// pages with different tags share no value.
func usersPage(tag string, n int) *idp.ListUsersResponse {
	p := &idp.ListUsersResponse{PaginationToken: ptr(tag + "-token")}
	for i := range n {
		created := time.UnixMilli(int64(1_700_000_000_000 + i*1000)).UTC()
		p.Users = append(p.Users, idp.UserType{
			Username:       ptr(fmt.Sprintf("%s-user%d", tag, i)),
			Enabled:        ptr(i%2 == 0),
			UserCreateDate: &created,
			Attributes: []idp.AttributeType{
				{Name: ptr("email"), Value: ptr(fmt.Sprintf("%s%d@example.com", tag, i))},
				{Name: ptr("custom:" + tag), Value: ptr(tag)},
			},
			MFAOptions: []idp.MFAOptionType{{AttributeName: ptr(tag + "-phone")}},
		})
	}
	return p
}

// Decoders, their list scratch and their store slabs are pooled: results of one decode
// must not share memory with the next, in sequence or concurrently.
func TestPooledDecodersDoNotAlias(t *testing.T) {
	docs := map[string][]byte{}
	for _, tag := range []string{"a", "b", "c", "d"} {
		b, err := usersPage(tag, 40).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		docs[tag] = b
	}
	var first idp.ListUsersResponse
	if err := first.UnmarshalJSON(docs["a"]); err != nil {
		t.Fatal(err)
	}
	want := usersPage("a", 40)
	for range 5 {
		for _, tag := range []string{"b", "c", "d"} {
			var v idp.ListUsersResponse
			if err := v.UnmarshalJSON(docs[tag]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !first.Equal(want) {
		t.Fatal("later decodes changed an earlier result")
	}
	// A failed decode returns its decoder to the pool too; the next one starts clean.
	var bad idp.ListUsersResponse
	if err := bad.UnmarshalJSON(docs["b"][:len(docs["b"])/2]); err == nil {
		t.Fatal("truncated page decoded without error")
	}
	var after idp.ListUsersResponse
	if err := after.UnmarshalJSON(docs["c"]); err != nil || !after.Equal(usersPage("c", 40)) {
		t.Fatalf("decode after a failed one: %v", err)
	}

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		tag := []string{"a", "b", "c", "d"}[w%4]
		wg.Add(1)
		go func() {
			defer wg.Done()
			want := usersPage(tag, 40)
			for range 50 {
				var v idp.ListUsersResponse
				if err := v.UnmarshalJSON(docs[tag]); err != nil {
					errs <- err
					return
				}
				if !v.Equal(want) {
					errs <- fmt.Errorf("concurrent decode of page %s gave another value", tag)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if !first.Equal(want) {
		t.Fatal("concurrent decodes changed an earlier result")
	}
}
