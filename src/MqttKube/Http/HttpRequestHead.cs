using System.Text;

namespace MqttKube.Http;

/// <summary>
/// The head of one HTTP/1.x request (request line and the headers the server needs), parsed strictly from bytes:
/// anything malformed is a 400, never an exception. The Host header is not matched against anything: whatever name
/// a client used to reach the bound address, it is answered.
/// </summary>
/// <param name="Method">The method token (<c>GET</c>, <c>HEAD</c>, ...).</param>
/// <param name="Path">The path of the target, normalized as a URI path (<c>/api/health</c>), without the query.</param>
/// <param name="KeepAlive">Whether the client lets the connection carry another request.</param>
/// <param name="BodyLength">The length of the body that follows (0: none; -1: chunked or otherwise unknown).</param>
internal sealed record HttpRequestHead(string Method, string Path, bool KeepAlive, long BodyLength)
{
    /// <summary>The longest request line accepted (a longer one is answered 414).</summary>
    public const int MaxRequestLine = 8 * 1024;

    /// <summary>The largest head accepted, request line and headers (a larger one is answered 431).</summary>
    public const int MaxHead = 32 * 1024;

    /// <summary>Parses a head (without its final blank line); null with the status code and reason when it is not a valid one.</summary>
    public static HttpRequestHead? Parse(ReadOnlySpan<byte> head, out int errorCode, out string? error)
    {
        errorCode = 400;
        error = null;
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = lineEnd < 0 ? head : head[..lineEnd];
        if (requestLine.Length > MaxRequestLine)
        {
            (errorCode, error) = (414, "request line too long");
            return null;
        }

        if (!TryRequestLine(requestLine, out var method, out var target, out var minor))
        {
            error = "malformed request line";
            return null;
        }

        var keepAlive = minor >= 1;
        long bodyLength = 0;
        var hasHost = false;
        var rest = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlySpan<byte>.Empty : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsToken(line[..colon]))
            {
                error = "malformed header";
                return null;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Is(name, "host"u8))
            {
                hasHost = true;
            }
            else if (Is(name, "connection"u8))
            {
                keepAlive = HasToken(value, "close"u8) ? false : HasToken(value, "keep-alive"u8) || keepAlive;
            }
            else if (Is(name, "content-length"u8))
            {
                if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                    || (bodyLength != 0 && bodyLength != length))
                {
                    error = "invalid Content-Length";
                    return null;
                }

                bodyLength = length;
            }
            else if (Is(name, "transfer-encoding"u8))
            {
                bodyLength = -1;
            }
        }

        if (minor >= 1 && !hasHost)
        {
            error = "no Host header";
            return null;
        }

        return PathOf(target) is { } path ? new HttpRequestHead(method, path, keepAlive, bodyLength) : null;
    }

    private static bool TryRequestLine(ReadOnlySpan<byte> line, out string method, out string target, out int minor)
    {
        method = target = string.Empty;
        minor = 0;
        var first = line.IndexOf((byte)' ');
        var last = line.LastIndexOf((byte)' ');
        if (first <= 0 || last <= first + 1)
        {
            return false;
        }

        var version = line[(last + 1)..];
        var rawTarget = line[(first + 1)..last];
        if (!IsToken(line[..first]) || version.Length != 8 || !version.StartsWith("HTTP/1."u8) || version[7] is not ((byte)'0' or (byte)'1'))
        {
            return false;
        }

        foreach (var b in rawTarget)
        {
            if (b is <= (byte)' ' or >= 0x7f)
            {
                return false;
            }
        }

        method = Encoding.ASCII.GetString(line[..first]);
        target = Encoding.ASCII.GetString(rawTarget);
        minor = version[7] - '0';
        return true;
    }

    /// <summary>The normalized path of an origin-form (<c>/x?y</c>) or absolute-form (<c>http://h/x</c>) target.</summary>
    private static string? PathOf(string target)
    {
        if (target.StartsWith('/'))
        {
            return Uri.TryCreate("http://localhost" + target, UriKind.Absolute, out var origin) ? origin.AbsolutePath : null;
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : null;
    }

    private static bool IsToken(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var b in text)
        {
            var ok = b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                || "!#$%&'*+-.^_`|~"u8.Contains(b);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower) => Ascii.EqualsIgnoreCase(name, lower);

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }
}
