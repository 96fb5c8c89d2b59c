using MqttKube.Expressions;
using MqttKube.Expressions.Formatting;

namespace MqttKube.Tests.Expressions;

/// <summary>Runs every line of Cases/*.format through <c>FORMAT.format(ARGS)</c> (which is <see cref="PyFormat"/>).</summary>
public sealed class FormatCasesTests
{
    public static IEnumerable<object[]> Cases() => CaseFile.Load(".format");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string location, string line, string vars)
    {
        var parts = line.Split(CaseFile.Separator);
        Assert.True(parts.Length == 3, location + ": malformed line");
        var text = parts[0] + ".format(" + parts[1] + ")";
        var actual = ExpressionCasesTests.Evaluate(text, ExpressionCasesTests.Bind(vars));
        ExpressionCasesTests.AssertOutcome(location, text, parts[2].Trim(), actual);
    }

    [Fact]
    public void TryFormatReportsErrorsInsteadOfThrowing()
    {
        var named = new Dictionary<string, PyValue> { ["value"] = PyValue.From(1.0 / 3) };
        Assert.True(PyFormat.TryFormat("{value:.3f}", [], named, out var result, out _));
        Assert.Equal("0.333", result);
        Assert.False(PyFormat.TryFormat("{missing}", [], named, out _, out var error));
        Assert.Equal("'missing'", error);
        Assert.False(PyFormat.TryFormat("{value:d}", [], named, out _, out error));
        Assert.Contains("Unknown format code 'd'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text", false)]
    [InlineData("{{escaped}}", false)]
    [InlineData("{input}", true)]
    [InlineData("a {{b}} {c}", true)]
    public void HasReplacementFields(string format, bool expected) =>
        Assert.Equal(expected, PyFormat.HasReplacementFields(format));
}
