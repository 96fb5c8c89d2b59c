using System.Globalization;
using System.Text;

namespace MqttKube.Http;

/// <summary>An <see cref="HttpAnswer"/> as the bytes of an HTTP/1.1 response.</summary>
internal static class HttpResponseText
{
    public static byte[] Of(HttpAnswer answer, bool keepAlive, bool includeBody)
    {
        var head = new StringBuilder(256);
        head.Append("HTTP/1.1 ").Append(answer.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason(answer.StatusCode)).Append("\r\n");
        head.Append("Content-Type: ").Append(answer.ContentType).Append("\r\n");
        head.Append("Content-Length: ").Append(answer.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("Cache-Control: no-store\r\n");
        head.Append("X-Content-Type-Options: nosniff\r\n");
        head.Append("Date: ").Append(DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
        foreach (var (name, value) in answer.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n").Append("\r\n");
        var bytes = new byte[Encoding.ASCII.GetByteCount(head.ToString()) + (includeBody ? answer.Body.Length : 0)];
        var written = Encoding.ASCII.GetBytes(head.ToString(), bytes);
        if (includeBody)
        {
            answer.Body.CopyTo(bytes, written);
        }

        return bytes;
    }

    private static string Reason(int code) => code switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
