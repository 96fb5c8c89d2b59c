using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>
/// The one policy for JSON that comes from outside (documents for <c>jsonpath</c>, <c>eval --outbound</c> inputs, MQTT
/// payloads for <c>values.jsonpath</c>, Kubernetes objects from lists and watch streams): RFC 8259 text, no comments or
/// trailing commas, no duplicate keys (which of two values counts is undefined), no lone surrogates (<c>"\ud800"</c>
/// is not Unicode text and cannot be written back out), and an explicit nesting limit. Whatever is refused gets a
/// message with its line and column; nothing read through here throws later when it is read or written.
/// </summary>
internal static partial class JsonInput
{
    /// <summary>
    /// The nesting limit for Kubernetes objects and documents: the API server reads and stores JSON nested up to
    /// 10,000 levels (Go's decoder limit), so custom resources may be that deep.
    /// </summary>
    public const int MaxDepth = 10_000;

    /// <summary>The nesting limit for MQTT payloads read as JSON.</summary>
    public const int PayloadMaxDepth = 64;

    public static bool TryParse(string text, int maxDepth, out JsonNode? node, [NotNullWhen(false)] out JsonInputError? error) =>
        TryParse(Encoding.UTF8.GetBytes(text), maxDepth, out node, out error);

    /// <summary>Parses one JSON value (null for the JSON <c>null</c>), or says why it is refused.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, int maxDepth, out JsonNode? node, [NotNullWhen(false)] out JsonInputError? error)
    {
        node = null;
        error = Validate(utf8.Span, maxDepth, out var deepest);
        if (error is not null)
        {
            return false;
        }

        if (deepest > LazyDepth)
        {
            return TryBuild(utf8.Span, maxDepth, out node, out error);
        }

        try
        {
            node = JsonNode.Parse(utf8.Span, documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false });
            return true;
        }
        catch (JsonException)
        {
            error = FindDuplicate(utf8.Span, maxDepth) ?? new JsonInputError(1, 1, "invalid JSON");
            return false;
        }
    }

    /// <summary>Syntax, depth and lone surrogates, in one pass that allocates only for escaped strings.</summary>
    private static JsonInputError? Validate(ReadOnlySpan<byte> utf8, int maxDepth, out int deepest)
    {
        deepest = 0;
        if (utf8.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return new JsonInputError(1, 1, "the text is empty, not a JSON value");
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                deepest = Math.Max(deepest, reader.CurrentDepth);
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !IsUnicode(ref reader))
                {
                    return At(utf8, reader.TokenStartIndex, "a string holds a lone surrogate (such as \\ud800 without its pair), which is not Unicode text");
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return new JsonInputError((ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, FirstSentence(ex.Message));
        }
    }

    private static bool IsUnicode(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Where the first key that repeats in its object is (only after the parser said there is one).</summary>
    private static JsonInputError? FindDuplicate(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var open = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    open.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName when open.Peek() is { } keys:
                    var key = reader.GetString()!;
                    if (!keys.Add(key))
                    {
                        return At(utf8, reader.TokenStartIndex, $"the key \"{Shorten(key)}\" appears twice in one object (which value counts would be undefined)");
                    }

                    break;
            }
        }

        return null;
    }

    private static JsonInputError At(ReadOnlySpan<byte> utf8, long offset, string message)
    {
        var before = utf8[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return new JsonInputError(line, column, message);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    // JsonException messages end with " Path: $ | LineNumber: 0 | BytePositionInLine: 1." — the position is given apart.
    private static string FirstSentence(string message)
    {
        foreach (var marker in (string[])[" Path: ", " LineNumber: "])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd();
    }
}
