using System.Text.RegularExpressions;
using DotNetRegex = System.Text.RegularExpressions.Regex;

namespace MqttKube.Expressions.Regex;

/// <summary>
/// A Python <c>re</c> pattern run with <c>re.match</c> semantics (anchored at the start, not a full match) on .NET's
/// backtracking engine, culture-invariant and with a match timeout so no pattern can hang the service.
/// </summary>
internal sealed class PyRegex
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(100);

    private readonly DotNetRegex regex;
    private readonly string[] names;

    private PyRegex(string pattern, DotNetRegex regex, string[] names)
    {
        Pattern = pattern;
        this.regex = regex;
        this.names = names;
    }

    /// <summary>The Python pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The Python group names, in pattern order.</summary>
    public IReadOnlyList<string> GroupNames => names;

    public static bool TryCompile(string pattern, out PyRegex? regex, out string? error) =>
        TryCompile(pattern, DefaultTimeout, out regex, out error);

    public static bool TryCompile(string pattern, TimeSpan timeout, out PyRegex? regex, out string? error)
    {
        try
        {
            var (translated, names) = PatternTranslator.Translate(pattern);
            var compiled = new DotNetRegex(@"\G(?:" + translated + ")", RegexOptions.CultureInvariant, timeout);
            regex = new PyRegex(pattern, compiled, [.. names]);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            regex = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary><c>re.match(pattern, input)</c>; null when it does not match or the timeout expires.</summary>
    public PyRegexMatch? Match(string input) => TryMatch(input, out var match, out _) ? match : null;

    /// <summary>As <see cref="Match"/>, telling a timeout (error set, false) from no match (error null, false).</summary>
    public bool TryMatch(string input, out PyRegexMatch? match, out string? error)
    {
        match = null;
        error = null;
        System.Text.RegularExpressions.Match m;
        try
        {
            m = regex.Match(input);
        }
        catch (RegexMatchTimeoutException)
        {
            error = "regular expression timed out after " + regex.MatchTimeout.TotalMilliseconds + " ms";
            return false;
        }

        if (!m.Success)
        {
            return false;
        }

        var groups = new KeyValuePair<string, string?>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var g = m.Groups[names[i]];
            groups[i] = new(names[i], g.Success ? g.Value : null);
        }

        match = new PyRegexMatch(m.Value, groups);
        return true;
    }
}
