using System.Text;

namespace MqttKube.JsonPath;

/// <summary>RFC 6901 JSON Pointers: <c>/a/0/b~1c</c> (<c>~</c> is written <c>~0</c>, <c>/</c> is written <c>~1</c>).</summary>
internal static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Format(IEnumerable<string> tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            sb.Append('/').Append(Escape(token));
        }

        return sb.ToString();
    }

    /// <summary>The reference tokens of a pointer; <c>""</c> (the whole document) has none.</summary>
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new JsonPatchException($"'{pointer}' is not a JSON Pointer (it must start with '/')");
        }

        return [.. pointer[1..].Split('/').Select(Unescape)];
    }
}
