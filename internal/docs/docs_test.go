package docs

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// textCases are converted at width 60 unless they say otherwise. Most
// inputs are taken from (or modeled on) the Amazon Cognito user pools
// model.
var textCases = []struct {
	name  string
	html  string
	width int
	want  string
}{
	{
		name: "plain text",
		html: "The ID of the user pool.",
		want: "The ID of the user pool.",
	},
	{
		name: "empty",
		html: "",
		want: "",
	},
	{
		name: "whitespace only",
		html: "  \n\t  \n",
		want: "",
	},
	{
		name: "pretty-printed paragraphs",
		html: "<p>Confirms user sign-up as an administrator. </p>\n         <p>This request sets a user account active in a user pool that\n            requires confirmation of new user accounts before they can sign in.</p>",
		want: `Confirms user sign-up as an administrator.

This request sets a user account active in a user pool that
requires confirmation of new user accounts before they can
sign in.`,
	},
	{
		name: "inline markup",
		html: "<p>The ID of the <code>user pool</code>. Use <b>Users</b> tab of the <i>Amazon Cognito\n                console</i>, or <em>call</em> <strong>AdminCreateUser</strong>.</p>",
		want: `The ID of the user pool. Use Users tab of the Amazon Cognito
console, or call AdminCreateUser.`,
	},
	{
		name: "fullname",
		html: "<fullname>Amazon Cognito Identity Provider</fullname>\n<p>With the Amazon Cognito user pools API, you can configure user pools.</p>",
		want: `Amazon Cognito Identity Provider

With the Amazon Cognito user pools API, you can configure
user pools.`,
	},
	{
		name: "unordered list",
		html: "<p>The action to take. Valid values are as follows:</p>\n         <ul>\n            <li>\n               <p>\n                  <code>BLOCK</code>: Block the request.</p>\n            </li>\n            <li>\n               <p>\n                  <code>MFA_IF_CONFIGURED</code>: Present an MFA challenge if possible. MFA is\n                    possible if the user pool has active MFA methods that the user can set up.</p>\n            </li>\n            <li>two</li>\n         </ul>",
		want: `The action to take. Valid values are as follows:

  - BLOCK: Block the request.
  - MFA_IF_CONFIGURED: Present an MFA challenge if possible.
    MFA is possible if the user pool has active MFA methods
    that the user can set up.
  - two`,
	},
	{
		name: "ordered list",
		html: "<p>Returns the following:</p>\n         <ol>\n            <li>\n               <p>The user's multi-factor authentication (MFA) preferences.</p>\n            </li>\n            <li>\n               <p>The user's options for choice-based authentication with the\n                        <code>USER_AUTH</code> flow.</p>\n            </li>\n         </ol>",
		want: `Returns the following:

 1. The user's multi-factor authentication (MFA)
    preferences.
 2. The user's options for choice-based authentication with
    the USER_AUTH flow.`,
	},
	{
		name: "ordered list start",
		html: "<p>Steps:</p><ol start=\"9\"><li>nine</li><li>ten</li><li>eleven, which is long enough to wrap onto a continuation line here</li></ol>",
		want: `Steps:

 9. nine
 10. ten
 11. eleven, which is long enough to wrap onto a
    continuation line here`,
	},
	{
		name: "nested list flattened",
		html: "<p>Options:</p><ul><li>outer one<ul><li>inner a</li><li>inner b</li></ul></li><li>outer two</li></ul>",
		want: `Options:

  - outer one
  - inner a
  - inner b
  - outer two`,
	},
	{
		name: "list item with paragraphs",
		html: "<p>Types:</p><ul><li><p><b>customer_subscriber</b></p><p>Available daily.</p></li><li>other</li></ul>",
		want: `Types:

  - customer_subscriber

    Available daily.

  - other`,
	},
	{
		name: "definition list",
		html: "<p>Sets the following characteristics:</p>\n         <dl>\n            <dt>AttributeDataType</dt>\n            <dd>\n               <p>The expected data type.</p>\n            </dd>\n            <dt>Mutable:</dt>\n            <dd>\n               <p>If true, you can grant app clients write access.</p>\n            </dd>\n         </dl>",
		want: `Sets the following characteristics:

  - AttributeDataType: The expected data type.
  - Mutable: If true, you can grant app clients write
    access.`,
	},
	{
		name: "note",
		html: "<p>Adds a user to a group.</p>\n         <note>\n            <p>Amazon Cognito evaluates Identity and Access Management (IAM) policies in requests for this API operation.</p>\n         </note>",
		want: `Adds a user to a group.

Note: Amazon Cognito evaluates Identity and Access
Management (IAM) policies in requests for this API
operation.`,
	},
	{
		name: "important",
		html: "<important><p>Don't share your secret.</p><p>Rotate it often.</p></important>",
		want: `Important: Don't share your secret.

Rotate it often.`,
	},
	{
		name: "note with title and list",
		html: "<note><p>Amazon Cognito evaluates IAM policies.</p>\n            <p class=\"title\">\n               <b>Learn more</b>\n            </p>\n            <ul>\n               <li>\n                  <p>\n                     <a href=\"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html\">Signing Amazon Web Services API Requests</a>\n                  </p>\n               </li>\n            </ul>\n         </note>",
		want: `Note: Amazon Cognito evaluates IAM policies.

Learn more

  - [Signing Amazon Web Services API Requests]

[Signing Amazon Web Services API Requests]: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html`,
	},
	{
		name: "note starting with list",
		html: "<p>Intro.</p><note><ul><li>careful</li></ul></note>",
		want: `Intro.

Note:

  - careful`,
	},
	{
		name: "links",
		html: "<p>For more information, see <a href=\"https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html\">Signing up\n   users</a> and <a href=\"https://docs.aws.amazon.com/x\">Docs</a>. Again: <a href=\"https://docs.aws.amazon.com/x\">Docs</a>.</p>",
		want: `For more information, see [Signing up users] and [Docs].
Again: [Docs].

[Signing up users]: https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html
[Docs]: https://docs.aws.amazon.com/x`,
	},
	{
		name: "link conflicts",
		html: "<p>See <a href=\"https://a.example.com/1\">Docs</a>, <a href=\"https://a.example.com/2\">Docs</a>, <a href=\"https://a.example.com/3\">the [beta] docs</a>, <a>no href</a>, <a href=\"API_Foo.html\">relative</a>, <a href=\"mailto:help@example.com\">mail us</a>, <a href=\"https://example.com/\">https://example.com/</a> and <a href=\"https://example.com/e\"></a>.</p>",
		want: `See [Docs], Docs (https://a.example.com/2), the [beta] docs
(https://a.example.com/3), no href, relative, mail us
(mailto:help@example.com), https://example.com/ and
https://example.com/e.

[Docs]: https://a.example.com/1`,
	},
	{
		name: "link entities in href",
		html: "<p><a href=\"https://example.com/q?a=1&amp;b=2&region=x\">query</a></p>",
		want: `[query]

[query]: https://example.com/q?a=1&b=2&region=x`,
	},
	{
		name: "pre code block",
		html: "<p>Example:</p><pre><code>{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [ &lt;statement&gt; ]\n}</code></pre><p>Done.</p>",
		want: `Example:

	{
	    "Version": "2012-10-17",
	    "Statement": [ <statement> ]
	}

Done.`,
	},
	{
		name: "pre indented",
		html: "<p>Run:</p>\n<pre>\n      aws cognito-idp list-users \\\n          --user-pool-id us-east-1_EXAMPLE\n</pre>",
		want: `Run:

	aws cognito-idp list-users \
	    --user-pool-id us-east-1_EXAMPLE`,
	},
	{
		name: "block-level code",
		html: "<p>Policy:</p>\n<code>{\n  \"a\": 1\n}</code>\n<p>After.</p>",
		want: `Policy:

	{
	  "a": 1
	}

After.`,
	},
	{
		name: "inline code with newline",
		html: "<p>For example, <code>Test User\n                &lt;testuser@example.com&gt;</code>. This address appears before the body.</p>",
		want: `For example, Test User <testuser@example.com>. This address
appears before the body.`,
	},
	{
		name: "br",
		html: "<p>Line one<br/>Line two<br>Line three</p>",
		want: `Line one
Line two
Line three`,
	},
	{
		name: "entities",
		html: "<p>A &amp; B &lt;tag&gt; it&#39;s &quot;quoted&quot;&nbsp;and&#x27;hex&#x27; &copy; &unknown; &amp a&region=x</p>",
		want: `A & B <tag> it's "quoted" and'hex' © &unknown; &amp
a&region=x`,
	},
	{
		name: "malformed",
		html: "<p>one<p>two <b>bold <i>both</p>three</b> <span class=\"x\">span</span> <unknown>u</unknown> </ul></li>",
		want: `one

two bold both

three span u`,
	},
	{
		name: "placeholders",
		html: "<p>The ARN is <code>arn:aws:iam::<account-id>:role/<role-name></code>. Email <testuser@example.com>; 1 < 2 > 0.</p>",
		want: `The ARN is arn:aws:iam::<account-id>:role/<role-name>. Email
<testuser@example.com>; 1 < 2 > 0.`,
	},
	{
		name: "comments and declarations",
		html: "<!DOCTYPE html><!-- hidden --><p>Visible</p><?xml version=\"1.0\"?>",
		want: "Visible",
	},
	{
		name: "unterminated",
		html: "<p>Tail <a href=\"https://example.com/x\">link text <b>never closed",
		want: `Tail [link text never closed]

[link text never closed]: https://example.com/x`,
	},
	{
		name: "wrapping",
		html: "<p>Amazon Cognito sends a verification code to the email address or phone number that the user provides https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html when they sign up.</p>",
		want: `Amazon Cognito sends a verification code to the email
address or phone number that the user provides
https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-email-phone-verification.html
when they sign up.`,
	},
	{
		name:  "list marker not at line start",
		html:  "<p>Values range from 1 to 10 - inclusive - and the 2. step 3) is optional.</p><ul><li>A value between 0 and 9 - or * for any.</li></ul>",
		width: 12,
		want: `Values range
from 1 to 10 -
inclusive -
and the 2.
step 3) is
optional.

  - A value
    between
    0 and 9 -
    or * for
    any.`,
	},
	{
		name: "hash paragraph",
		html: "<p>Intro.</p><p># not a heading</p>",
		want: `Intro.

#
not a heading`,
	},
	{
		name: "hash paragraph with marker and link",
		html: `<p># - <a href="https://x.example.com/z">t</a></p><p>See <a href="https://x.example.com/w">u</a>.</p>`,
		want: `# -
[t]

See [u].

[t]: https://x.example.com/z
[u]: https://x.example.com/w`,
	},
	{
		name: "implicit heading split",
		html: "<p>Intro.</p><p>Valid values</p><p>More text.</p>",
		want: `Intro.

Valid
values

More text.`,
	},
	{
		name: "implicit heading title",
		html: "<p>Intro.</p><p><b>Working With This Guide</b></p><p>More text.</p>",
		want: `Intro.

# Working With This Guide

More text.`,
	},
	{
		name: "implicit heading single word",
		html: "<p>Intro.</p><p>Overview</p><p>More text.</p>",
		want: `Intro.

# Overview

More text.`,
	},
	{
		name: "link definition lookalike",
		html: "<p>[foo]: https://example.com/bar</p>",
		want: `[foo]:
https://example.com/bar`,
	},
	{
		name: "quotes",
		html: "<p>Set it to '' or ``x`` but ```keep```.</p>",
		want: "Set it to ” or “x“ but “`keep“`.",
	},
	{
		name: "control characters",
		html: "<p>a\r\nb\x00c\x1bd\ufeffe\u202ef\xffg</p>",
		want: "a bcdef�g",
	},
	{
		name: "list only",
		html: "<ul><li>first</li><li>second</li></ul>",
		want: `- first

- second`,
	},
	{
		name: "code only",
		html: "<pre>  x := 1\n  y := 2</pre>",
		want: "x := 1 y := 2",
	},
	{
		name: "list then code",
		html: "<ul><li>item</li></ul><pre>code  here</pre><p>tail</p>",
		want: `  - item

code here

tail`,
	},
	{
		name: "adjacent lists merged",
		html: "<p>Steps:</p><ul><li>a</li></ul><ol><li>b</li></ol>",
		want: `Steps:

  - a
  - b`,
	},
	{
		name: "stray li",
		html: "<li>one</li><li>two</li><p>after</p>",
		want: `  - one
  - two

after`,
	},
	{
		name: "table",
		html: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
		want: `a b

c d`,
	},
	{
		// A space inside an element, before its end tag, does not stay before the
		// punctuation after it (Cognito: "In <i><a>sandbox mode</a> </i>, you can").
		name: "space before end tag and comma",
		html: "<p>In <i>sandbox mode </i>, you can. Send <b>it </b>. Or <code>x </code>; then <i>y</i> , z.</p>",
		want: "In sandbox mode, you can. Send it. Or x; then y , z.",
	},
}

func TestText(t *testing.T) {
	for _, c := range textCases {
		t.Run(c.name, func(t *testing.T) {
			width := c.width
			if width == 0 {
				width = 60
			}
			got := Text(c.html, width)
			if got != c.want {
				t.Errorf("Text(%q, %d):\n--- got ---\n%s\n--- want ---\n%s", c.html, width, got, c.want)
			}
			if again := Text(c.html, width); again != got {
				t.Errorf("not deterministic")
			}
		})
	}
}

// TestCanonical checks that every table case, at several widths, is
// already in the form go/doc/comment's Printer (and gofmt) produces.
func TestCanonical(t *testing.T) {
	for _, c := range textCases {
		for _, width := range []int{0, 1, 20, 60, 100} {
			text := Text(c.html, width)
			if err := checkCanonical(text); err != nil {
				t.Errorf("%s, width %d: %v", c.name, width, err)
			}
			if err := checkGofmt(Comment(c.html, width)); err != nil {
				t.Errorf("%s, width %d: %v", c.name, width, err)
			}
		}
	}
}

func TestComment(t *testing.T) {
	if got := Comment("", 80); got != "" {
		t.Errorf(`Comment("") = %q, want ""`, got)
	}
	if got := Comment("  <p> </p> ", 80); got != "" {
		t.Errorf(`Comment of blank paragraph = %q, want ""`, got)
	}
	html := "<p>Example:</p><pre>{\n  \"a\": 1\n}</pre><p>See <a href=\"https://example.com/a\">A</a>.</p>"
	want := "// Example:\n" +
		"//\n" +
		"//\t{\n" +
		"//\t  \"a\": 1\n" +
		"//\t}\n" +
		"//\n" +
		"// See [A].\n" +
		"//\n" +
		"// [A]: https://example.com/a\n"
	if got := Comment(html, 80); got != want {
		t.Errorf("Comment:\n--- got ---\n%s--- want ---\n%s", got, want)
	}
	for _, c := range textCases {
		if err := commentMatchesText(Comment(c.html, 60), Text(c.html, 60)); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// commentMatchesText checks that comment is text with comment markers.
func commentMatchesText(comment, text string) error {
	if comment == "" {
		if text != "" {
			return fmt.Errorf("empty comment for text %q", text)
		}
		return nil
	}
	if !strings.HasSuffix(comment, "\n") {
		return fmt.Errorf("comment does not end in a newline")
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(comment, "\n"), "\n") {
		switch {
		case l == "//":
			lines = append(lines, "")
		case strings.HasPrefix(l, "//\t"):
			lines = append(lines, l[2:])
		case strings.HasPrefix(l, "// "):
			lines = append(lines, l[3:])
		default:
			return fmt.Errorf("bad comment line %q", l)
		}
	}
	if got := strings.Join(lines, "\n"); got != text {
		return fmt.Errorf("comment does not match text:\n%s\n---\n%s", got, text)
	}
	return nil
}

func TestSummary(t *testing.T) {
	tests := []struct{ html, want string }{
		{"", ""},
		{"<p>The ID of the user pool.</p>", "The ID of the user pool."},
		{"<p>Creates a new user in the specified user pool.</p>\n<p>If <code>MessageAction</code> isn't set, the default is to send a welcome message.</p>",
			"Creates a new user in the specified user pool."},
		{"<p>Confirms user sign-up as an administrator. </p><p>More.</p>", "Confirms user sign-up as an administrator."},
		{"<p>Lists the authentication options for the currently signed-in user. Returns the\n            following:</p>",
			"Lists the authentication options for the currently signed-in user."},
		{"<p>Use a factor, e.g. SMS or email, i.e. OTP. Then sign in.</p>", "Use a factor, e.g. SMS or email, i.e. OTP."},
		{"<p>Signed by J. Smith on the U.S. side. Done.</p>", "Signed by J. Smith on the U.S. side."},
		{`<p>See <a href="https://docs.aws.amazon.com/x">the guide</a>. More.</p>`, "See the guide."},
		{"<p>Is it enabled? Yes.</p>", "Is it enabled?"},
		{"<p>(Deprecated.) Use the other one.</p>", "(Deprecated.)"},
		{"<p>No final period</p>", "No final period"},
		{"<ul><li>First item. Second sentence.</li></ul>", "First item."},
		{"<note><p>Careful. Really.</p></note>", "Note: Careful."},
		{"<p>Version 1.2.3 is current. Upgrade.</p>", "Version 1.2.3 is current."},
		{"<pre>x := 1\ny := 2</pre>", "x := 1 y := 2"},
	}
	for _, tt := range tests {
		got := Summary(tt.html)
		if got != tt.want {
			t.Errorf("Summary(%q) = %q, want %q", tt.html, got, tt.want)
		}
		if strings.Contains(got, "\n") {
			t.Errorf("Summary(%q) has a newline", tt.html)
		}
	}
}

func TestDecodeEntities(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a &amp; b", "a & b"},
		{"&lt;&gt;&quot;&#39;&#x27;&#X27;", `<>"'''`},
		{"&nbsp;", "\u00a0"},
		{"&region=x&amp", "&region=x&amp"},
		{"&ampx;", "&ampx;"},
		{"&semi;", ";"},
		{"&#0;", "\uFFFD"},
		{"&#99999999999999999999;", "\uFFFD"},
		{"&unknown;", "&unknown;"},
		{"&&&;", "&&&;"},
	}
	for _, tt := range tests {
		if got := decodeEntities(tt.in); got != tt.want {
			t.Errorf("decodeEntities(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAdversarial feeds large malformed inputs that would take quadratic
// time in a naive tokenizer or wrapper, and checks the output invariants.
func TestAdversarial(t *testing.T) {
	const n = 1 << 19
	distinct := func() string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, `<a href="https://e.com/%d">t%d</a> `, i, i)
		}
		return b.String()
	}
	inputs := map[string]string{
		"lt":             strings.Repeat("<", n),
		"open tags":      strings.Repeat("<a ", n/3),
		"unclosed attr":  strings.Repeat(`<a href="x `, n/12) + ">",
		"quoted gt":      strings.Repeat(`<a x=">" `, n/10),
		"amp":            strings.Repeat("&amp", n/4),
		"long entity":    strings.Repeat("&"+strings.Repeat("a", 39), n/40),
		"comments":       strings.Repeat("<!--", n/4),
		"code":           strings.Repeat("<code>\n", n/7),
		"nested lists":   strings.Repeat("<ul><li>x", n/9),
		"links":          strings.Repeat(`<a href="https://e.com/">t</a>`, n/32),
		"distinct links": distinct(),
		"markers":        strings.Repeat("- ", n/2),
		"one word":       strings.Repeat("x", n),
		"pre":            "<pre>" + strings.Repeat(" \t\n", n/3),
		"unknown":        strings.Repeat("<region>", n/8),
		"dt":             strings.Repeat("<dl><dt>t</dt><dd>", n/18),
		"notes":          strings.Repeat("<note>", n/6),
		"br":             strings.Repeat("<br>", n/4),
		"invalid":        strings.Repeat("\xff\x00\r", n/3),
		"headings":       strings.Repeat("<p>Title</p>", n/12),
		"link defs":      strings.Repeat("<p>[a]: https://x.y</p>", n/24),
	}
	for name, in := range inputs {
		start := time.Now()
		text := Text(in, 80)
		Summary(in)
		// Linear work takes milliseconds; quadratic work would take minutes.
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		if !utf8.ValidString(text) || strings.ContainsAny(text, "\r\x00") {
			t.Errorf("%s: invalid characters in output", name)
		}
	}
}

func BenchmarkText(b *testing.B) {
	var sb strings.Builder
	for _, c := range textCases {
		sb.WriteString(c.html)
	}
	html := sb.String()
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		Text(html, 80)
	}
}
