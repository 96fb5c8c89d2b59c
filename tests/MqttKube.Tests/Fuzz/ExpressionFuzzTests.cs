using MqttKube.Expressions;
using MqttKube.Tests.Expressions;
using Xunit.Abstractions;

namespace MqttKube.Tests.Fuzz;

/// <summary>
/// The expression parser and evaluator under generated source text (issue 9, section 6): parsing never throws and
/// a syntax error has a column in the text; an evaluation ends in a value or an evaluation error with a Python
/// exception name, never an exception, within 64 MB; the same answer twice; CPython's invariants hold; and the repr
/// of a value reads back as the same value.
/// </summary>
public sealed class ExpressionFuzzTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, PyValue> Variables =
        ExpressionCasesTests.Bind(string.Join("\n", ExpressionGen.Bindings.Select(b => b.Name + " = " + b.Literal)));

    [Fact]
    public void Source_text_parses_or_reports_a_column_and_evaluates_to_a_value_or_an_evaluation_error() =>
        Fuzz.Check(output, "expression source text", ExpressionGen.Text, 2500, text =>
        {
            var (parsed, expression, error) = Fuzz.Bounded(() => (Expression.TryParse(text, out var e, out var err), e, err));
            if (!parsed)
            {
                Assert.InRange(error!.Column, 1, text.Length + 1);
                Fuzz.Outcome("syntax errors");
                return;
            }

            var first = Fuzz.Bounded(() => Outcome(expression!.Evaluate(Variables)));
            Fuzz.Outcome(first.StartsWith("= ", StringComparison.Ordinal) ? "values" : "evaluation errors");
            Assert.Equal(first, Outcome(expression!.Evaluate(Variables)));
            Fuzz.Bounded(() => Outcome(expression.Invoke(Variables["v"], Variables)));
        }, text => text);

    [Fact]
    public void Invariants_of_CPython_hold_whenever_their_parts_evaluate() =>
        Fuzz.Check(output, "expression invariants", ExpressionGen.Invariants, 1500, invariant =>
        {
            if (!invariant.Parts.All(p => Fuzz.Bounded(() => Evaluate(p)).IsSuccess))
            {
                Fuzz.Outcome("parts failed");
                return;
            }

            Fuzz.Outcome("checked");
            var result = Fuzz.Bounded(() => Evaluate(invariant.Text));
            Assert.True(
                result.IsSuccess ? result.Value == PyValue.True : IsLimit(result),
                $"expected True, got {Outcome(result)}");
        }, invariant => invariant.Text);

    [Fact]
    public void The_repr_of_a_value_reads_back_as_the_same_value() =>
        Fuzz.Check(output, "expression repr round trip", CsCheck.Gen.OneOf(ExpressionGen.IntExpr(3), ExpressionGen.StrExpr(3), ExpressionGen.StrList(2), ExpressionGen.Expr(3)), 1500, text =>
        {
            var result = Fuzz.Bounded(() => Evaluate(text));
            if (!result.IsSuccess || !IsLiteral(result.Value!))
            {
                Fuzz.Outcome("no literal value");
                return;
            }

            Fuzz.Outcome("checked");
            var repr = result.Value!.Repr();
            if (repr.Length > 100_000)
            {
                return;
            }

            var again = Fuzz.Bounded(() => Evaluate(repr));
            Assert.True(again.IsSuccess, $"repr {Fuzz.Shorten(repr)} does not evaluate: {again.Error}");
            Assert.Equal(repr, again.Value!.Repr());
        }, text => text);

    internal static EvaluationResult Evaluate(string text) =>
        Expression.TryParse(text, out var expression, out var error)
            ? expression!.Evaluate(Variables)
            : EvaluationResult.Failure("SyntaxError", error!.ToString());

    /// <summary>The value's repr or the error; an error must name a Python exception, not a defect.</summary>
    internal static string Outcome(EvaluationResult result)
    {
        if (result.IsSuccess)
        {
            var repr = result.Value!.Repr();
            Assert.True(repr.Length <= 2_000_000, $"a result of {repr.Length:N0} characters");
            return "= " + repr;
        }

        AssertEvaluationError(result.ErrorType!, result.ErrorMessage!);
        return result.Error!;
    }

    /// <summary>An evaluation error a user may see: not a .NET exception dressed as one.</summary>
    internal static void AssertEvaluationError(string type, string message)
    {
        Assert.True(type is not ("InternalError" or "MemoryError"), $"a defect: {type}: {message}");
        Assert.DoesNotContain("Arithmetic operation resulted in an overflow", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Attempted to divide by zero", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
    }

    /// <summary>A budget or size limit (the sandbox's cap on ints is an OverflowError), or CPython's int/str digit limit.</summary>
    private static bool IsLimit(EvaluationResult result) =>
        result.ErrorType == "LimitExceeded"
        || (result.ErrorType == "OverflowError" && result.ErrorMessage!.Contains("limit", StringComparison.Ordinal))
        || (result.ErrorType == "ValueError" && result.ErrorMessage!.Contains("digits", StringComparison.Ordinal));

    /// <summary>True for values whose repr is a literal of the language (no functions, views, nan or inf).</summary>
    private static bool IsLiteral(PyValue value) => value switch
    {
        PyFloat f => double.IsFinite(f.Value),
        PyList l => l.Items.All(IsLiteral),
        PyTuple t => t.Items.All(IsLiteral),
        PyDict d => AllLiteral(d.Keys) && AllLiteral(d.Values),
        PyInt or PyStr or PyBool or PyNone => true,
        _ => false,
    };

    private static bool AllLiteral(ReadOnlySpan<PyValue> values)
    {
        foreach (var value in values)
        {
            if (!IsLiteral(value))
            {
                return false;
            }
        }

        return true;
    }
}
