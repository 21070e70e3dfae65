using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace CivicGrid.Server.Features.Open311;

/// <summary>Writes an <see cref="Open311Document"/> as UTF-8 JSON or XML (with the XML declaration the spec asks for).</summary>
public sealed class Open311Result(Open311Format format, int statusCode, Open311Document document) : IResult
{
    /// <summary>Chinese stays readable; HTML-sensitive characters (&lt; &gt; &amp; ') are still escaped.</summary>
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Readable =
        System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public int StatusCode => statusCode;
    public Open311Document Document => document;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = format.ContentType();
        if (format == Open311Format.Json && document.Root is Open311List { Items.Count: > StreamFrom } list)
        {
            await StreamJsonAsync(response, list, httpContext.RequestAborted);
            return;
        }
        using var buffer = new MemoryStream();
        if (format == Open311Format.Xml) WriteXml(buffer, document);
        else WriteJson(buffer, document.Root);
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, httpContext.RequestAborted);
    }

    /// <summary>Lists longer than this go out as they are written (chunked), not buffered whole first.</summary>
    private const int StreamFrom = 50;

    private static async Task StreamJsonAsync(HttpResponse response, Open311List list, CancellationToken cancellationToken)
    {
        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = Readable });
        json.WriteStartArray();
        foreach (var item in list.Items)
        {
            Write(json, item);
            if (json.BytesPending < 32 * 1024) continue;
            await json.FlushAsync(cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteJson(Stream stream, Open311Node root)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Readable });
        Write(json, root);
        json.Flush();
    }

    private static void Write(Utf8JsonWriter json, Open311Node node)
    {
        switch (node)
        {
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items) Write(json, item);
                json.WriteEndArray();
                break;
            case Open311Object obj:
                json.WriteStartObject();
                foreach (var (name, value) in obj.Fields)
                {
                    json.WritePropertyName(name);
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case Open311Value { Value: null }: json.WriteNullValue(); break;
            case Open311Value { Value: bool b }: json.WriteBooleanValue(b); break;
            case Open311Value { Value: int i }: json.WriteNumberValue(i); break;
            case Open311Value { Value: long l }: json.WriteNumberValue(l); break;
            case Open311Value { Value: double d }: json.WriteNumberValue(d); break;
            case Open311Value v: json.WriteStringValue(Convert.ToString(v.Value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteXml(Stream stream, Open311Document document)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CheckCharacters = false };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement(document.RootName);
        WriteContent(xml, document.Root);
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();

        static void WriteContent(XmlWriter xml, Open311Node node)
        {
            switch (node)
            {
                case Open311List list:
                    foreach (var item in list.Items)
                    {
                        xml.WriteStartElement(list.ItemName);
                        WriteContent(xml, item);
                        xml.WriteEndElement();
                    }
                    break;
                case Open311Object obj:
                    foreach (var (name, value) in obj.Fields)
                    {
                        xml.WriteStartElement(name);
                        WriteContent(xml, value);
                        xml.WriteEndElement();
                    }
                    break;
                case Open311Value { Value: null }: break;
                case Open311Value { Value: bool b }: xml.WriteString(b ? "true" : "false"); break;
                case Open311Value { Value: double d }: xml.WriteString(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case Open311Value v: xml.WriteString(XmlSafe(Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "")); break;
            }
        }
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters a client may have sent in a description).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text[i]).Append(text[++i]);
        }
        return kept.ToString();
    }
}
