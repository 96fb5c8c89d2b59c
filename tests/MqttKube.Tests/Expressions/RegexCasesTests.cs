using MqttKube.Expressions;
using MqttKube.Expressions.Regex;

namespace MqttKube.Tests.Expressions;

/// <summary>Runs every line of Cases/*.regex: Python re.match's (group 0, groupdict) or None, or a refused pattern.</summary>
public sealed class RegexCasesTests
{
    public static IEnumerable<object[]> Cases() => CaseFile.Load(".regex");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string location, string line, string vars)
    {
        _ = vars;
        var parts = line.Split(CaseFile.Separator);
        Assert.True(parts.Length == 3, location + ": malformed line");
        var pattern = Literal(parts[0]);
        var input = Literal(parts[1]);
        var expected = parts[2].Trim();
        if (!PyRegex.TryCompile(pattern, out var regex, out var error))
        {
            Assert.True(expected.StartsWith("error", StringComparison.Ordinal), location + ": refused " + pattern + ": " + error + "; expected " + expected);
            return;
        }

        Assert.False(expected.StartsWith("error", StringComparison.Ordinal), location + ": " + pattern + " compiled, expected " + expected);
        var match = regex!.Match(input);
        var actual = match is null ? "None" : new PyTuple([PyValue.From(match.Value), match.GroupDict()]).Repr();
        Assert.True(expected == actual, location + ": " + pattern + "\n  expected " + expected + "\n  actual   " + actual);
    }

    [Fact]
    public void CatastrophicBacktrackingTimesOutInsteadOfHanging()
    {
        Assert.True(PyRegex.TryCompile("(a+)+$", TimeSpan.FromMilliseconds(50), out var regex, out _));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(regex!.TryMatch(new string('a', 40) + "!", out var match, out var error));
        Assert.Null(match);
        Assert.NotNull(error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    private static string Literal(string text)
    {
        var result = ExpressionCasesTests.Evaluate(text.Trim(), new Dictionary<string, PyValue>());
        Assert.True(result.Value is PyStr, "not a string literal: " + text);
        return ((PyStr)result.Value!).Value;
    }
}
