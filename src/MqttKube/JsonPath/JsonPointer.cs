using System.Text;

namespace MqttKube.JsonPath;

/// <summary>RFC 6901 JSON Pointers: <c>/a/0/b~1c</c> (<c>~</c> is written <c>~0</c>, <c>/</c> is written <c>~1</c>).</summary>
internal static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Format(IEnumerable<string> tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            sb.Append('/').Append(Escape(token));
        }

        return sb.ToString();
    }
}
