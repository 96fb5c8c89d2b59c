using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MqttKube.JsonPath;

/// <summary>
/// <c>match(string, iregexp)</c> (the whole string) and <c>search(string, iregexp)</c> (any substring).
/// False when either argument is not a string, the pattern is not a valid I-Regexp, or matching times out.
/// </summary>
internal sealed class RegexFunction : LogicalExpression
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<(string, bool), Regex?> Cache = new();

    private readonly Regex? literal;

    public RegexFunction(ValueExpression input, ValueExpression pattern, bool fullMatch)
    {
        Input = input;
        Pattern = pattern;
        FullMatch = fullMatch;
        if (pattern is LiteralValue { Value: JsonValue v } && v.GetValueKind() == JsonValueKind.String)
        {
            literal = Build(v.GetValue<string>(), fullMatch);
        }
    }

    public ValueExpression Input { get; }

    public ValueExpression Pattern { get; }

    public bool FullMatch { get; }

    public override bool Test(JsonPathContext context, JsonNode? current)
    {
        if (!TryGetString(Input.Evaluate(context, current), out var input))
        {
            return false;
        }

        Regex? regex;
        if (literal is not null)
        {
            regex = literal;
        }
        else if (TryGetString(Pattern.Evaluate(context, current), out var pattern))
        {
            regex = Cached(pattern, FullMatch);
        }
        else
        {
            return false;
        }

        try
        {
            return regex is not null && regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryGetString(FilterValue value, out string text)
    {
        if (!value.IsNothing && value.Node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.GetValue<string>();
            return true;
        }

        text = "";
        return false;
    }

    private static Regex? Cached(string pattern, bool fullMatch)
    {
        if (Cache.TryGetValue((pattern, fullMatch), out var regex))
        {
            return regex;
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        regex = Build(pattern, fullMatch);
        Cache[(pattern, fullMatch)] = regex;
        return regex;
    }

    private static Regex? Build(string pattern, bool fullMatch)
    {
        if (!IRegexp.TryTranslate(pattern, out var dotnet))
        {
            return null;
        }

        var text = fullMatch ? $@"\A(?:{dotnet})\z" : dotnet;
        return new Regex(text, RegexOptions.CultureInvariant, MatchTimeout);
    }
}
