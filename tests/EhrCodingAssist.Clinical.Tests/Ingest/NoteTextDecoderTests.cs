using System.Text;
using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Tests.Ingest;

public sealed class NoteTextDecoderTests
{
    [Fact]
    public void HtmlToText_TagsScriptsEntities_PlainTextWithLineBreaks()
    {
        var text = NoteTextDecoder.HtmlToText(
            "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
            + "<p>Patient denies  chest&nbsp;pain.</p><!-- hidden --><div>Na &lt; 130 &amp; falling<br>on day 2</div></body></html>");

        Assert.Equal("Patient denies chest pain.\nNa < 130 & falling\non day 2", text);
    }

    [Fact]
    public void Decode_PlainAndHtmlAlternatives_PrefersPlainText()
    {
        var document = new DocumentReference
        {
            Id = "d1",
            Content =
            [
                new() { Attachment = new Attachment { ContentType = "text/html", Data = Encoding.UTF8.GetBytes("<p>html body</p>") } },
                new() { Attachment = new Attachment { ContentType = "text/plain; charset=utf-8", Data = Encoding.UTF8.GetBytes("plain body") } },
            ],
        };

        Assert.Equal("plain body", NoteTextDecoder.Decode(document, out var warning));
        Assert.Null(warning);
    }

    [Fact]
    public void Decode_Latin1Charset_DecodedWithThatCharset()
    {
        var document = new DocumentReference
        {
            Id = "d1",
            Content = [new() { Attachment = new Attachment { ContentType = "text/plain; charset=ISO-8859-1", Data = Encoding.Latin1.GetBytes("caf\u00e9") } }],
        };

        Assert.Equal("caf\u00e9", NoteTextDecoder.Decode(document, out _));
    }

    [Fact]
    public void Decode_UrlOnlyAttachment_NullWithWarning()
    {
        var document = new DocumentReference
        {
            Id = "d7",
            Content = [new() { Attachment = new Attachment { ContentType = "text/plain", Url = "Binary/b1" } }],
        };

        Assert.Null(NoteTextDecoder.Decode(document, out var warning));
        Assert.Contains("DocumentReference/d7", warning, StringComparison.Ordinal);
    }
}
