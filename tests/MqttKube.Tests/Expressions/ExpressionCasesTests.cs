using MqttKube.Expressions;

namespace MqttKube.Tests.Expressions;

/// <summary>Runs every line of Cases/*.cases: the value's repr, or the error, must be CPython's.</summary>
public sealed class ExpressionCasesTests
{
    public static IEnumerable<object[]> Cases() => CaseFile.Load(".cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string location, string line, string vars)
    {
        var parts = line.Split(CaseFile.Separator);
        Assert.True(parts.Length == 2, location + ": malformed line");
        var actual = Evaluate(parts[0], Bind(vars));
        AssertOutcome(location, parts[0], parts[1].Trim(), actual);
    }

    internal static Dictionary<string, PyValue> Bind(string vars)
    {
        var variables = new Dictionary<string, PyValue>(StringComparer.Ordinal);
        foreach (var binding in vars.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = binding.IndexOf('=');
            var result = Evaluate(binding[(eq + 1)..].Trim(), variables);
            Assert.True(result.IsSuccess, "bad # vars: " + binding + ": " + result.Error);
            variables[binding[..eq].Trim()] = result.Value!;
        }

        return variables;
    }

    internal static EvaluationResult Evaluate(string text, IReadOnlyDictionary<string, PyValue> variables)
    {
        if (!Expression.TryParse(text, out var expression, out var error))
        {
            return EvaluationResult.Failure("SyntaxError", error!.ToString());
        }

        return expression!.Evaluate(variables);
    }

    internal static void AssertOutcome(string location, string input, string expected, EvaluationResult actual)
    {
        var shown = actual.IsSuccess ? actual.Value!.ShortRepr(500) : "error: " + actual.ErrorType + " (" + actual.ErrorMessage + ")";
        var because = location + ": " + input + "\n  expected " + expected + "\n  actual   " + shown;
        if (expected == "error")
        {
            Assert.False(actual.IsSuccess, because);
        }
        else if (expected.StartsWith("error: ", StringComparison.Ordinal))
        {
            Assert.False(actual.IsSuccess, because);
            Assert.True(expected["error: ".Length..] == actual.ErrorType, because);
        }
        else
        {
            Assert.True(actual.IsSuccess && actual.Value!.Repr() == expected, because);
        }
    }
}
