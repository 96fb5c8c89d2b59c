using System.Text.Json.Nodes;
using MqttKube.Expressions;

namespace MqttKube.Tests.Expressions;

/// <summary>The entry points the value mapping and templates use: parse errors, invoke, JSON in and out.</summary>
public sealed class ExpressionApiTests
{
    [Theory]
    [InlineData("1 +", 4, "unexpected end")]
    [InlineData("a $ b", 3, "invalid character")]
    [InlineData("lambda v: v >=", 15, "unexpected end")]
    [InlineData("(1, 2", 6, "expected ')'")]
    [InlineData("'abc", 1, "unterminated string")]
    [InlineData("f(a=1, 2)", 8, "positional argument follows keyword argument")]
    public void SyntaxErrorsCarryTheirColumn(string text, int column, string message)
    {
        Assert.False(Expression.TryParse(text, out var expression, out var error));
        Assert.Null(expression);
        Assert.Equal(column, error!.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'%d %d' % (1,)", "TypeError: not enough arguments for format string")]
    [InlineData("'%d' % (1, 2)", "TypeError: not all arguments converted during string formatting")]
    [InlineData("'%d' % 'x'", "TypeError: %d format: a real number is required, not str")]
    [InlineData("'%x' % 1.5", "TypeError: %x format: an integer is required, not float")]
    [InlineData("'ab %q' % 1", "ValueError: unsupported format character 'q' (0x71) at index 4")]
    [InlineData("'😀%\\x01' % 1", "ValueError: unsupported format character '?' (0x1) at index 2")]
    [InlineData("'%😀' % 1", "ValueError: unsupported format character '?' (0x1f600) at index 1")]
    [InlineData("'%(a)s' % (1,)", "TypeError: format requires a mapping")]
    [InlineData("'%(a' % {}", "ValueError: incomplete format key")]
    [InlineData("'%5' % 1", "ValueError: incomplete format")]
    [InlineData("'%*d' % ('x', 1)", "TypeError: * wants int")]
    [InlineData("'%*d' % (10 ** 30, 1)", "OverflowError: Python int too large to convert to C ssize_t")]
    [InlineData("'%99999999999999999999d' % 1", "ValueError: width too big")]
    [InlineData("'%c' % 'ab'", "TypeError: %c requires an int or a unicode character, not a string of length 2")]
    [InlineData("'%c' % -1", "OverflowError: %c arg not in range(0x110000)")]
    [InlineData("'%f' % 'x'", "TypeError: must be real number, not str")]
    [InlineData("'%1000001d' % 1", "LimitExceeded: format width too large (more than 1000000)")]
    [InlineData("'%.1000001d' % 1", "LimitExceeded: format precision too large (more than 1000000)")]
    [InlineData("'%.1000001f' % 1.0", "LimitExceeded: format precision too large (more than 1000000)")]
    public void PercentFormattingErrorsAreCPythons(string text, string error)
    {
        Assert.True(Expression.TryParse(text, out var expression, out var syntax), syntax?.ToString());
        Assert.Equal(error, expression!.Evaluate().Error);
    }

    [Fact]
    public void LambdaIsInvokedWithItsArgument()
    {
        Assert.True(Expression.TryParse("lambda v: v >= 0", out var expression, out _));
        Assert.True(expression!.IsLambda);
        Assert.Equal(["v"], expression.Parameters);
        Assert.Same(PyValue.True, expression.Invoke(PyValue.From(5)).Value);
        Assert.Same(PyValue.False, expression.Invoke(PyValue.From(-3)).Value);
        var failed = expression.Invoke(PyValue.From("A"));
        Assert.False(failed.IsSuccess);
        Assert.Equal("TypeError", failed.ErrorType);
        Assert.Equal("TypeError: '>=' not supported between instances of 'str' and 'int'", failed.Error);
    }

    [Fact]
    public void BuiltinNameIsInvokedAsATransform()
    {
        Assert.True(Expression.TryParse("int", out var expression, out _));
        Assert.Equal("12", expression!.Invoke(PyValue.From(" 12 ")).Value!.Repr());
        Assert.Equal("ValueError", expression.Invoke(PyValue.From("x")).ErrorType);
    }

    [Fact]
    public void VariablesComeFromTheCallerAndShadowBuiltins()
    {
        Assert.True(Expression.TryParse("len + binding.name", out var expression, out _));
        var variables = new Dictionary<string, PyValue>
        {
            ["len"] = PyValue.From("x-"),
            ["binding"] = PyValue.Dict([new("name", PyValue.From("b1"))]),
        };
        Assert.Equal("'x-b1'", expression!.Evaluate(variables).Value!.Repr());
    }

    [Fact]
    public void JsonConvertsBothWays()
    {
        var json = JsonNode.Parse("""{"a": [1, 2.5, "x", true, null, 1e3, 12345678901234567890123], "b": 1.0}""");
        var value = PyValue.FromJson(json);
        Assert.Equal("{'a': [1, 2.5, 'x', True, None, 1000.0, 12345678901234567890123], 'b': 1.0}", value.Repr());
        Assert.True(value.TryToJson(out var back, out var error), error);
        Assert.Equal("""{"a":[1,2.5,"x",true,null,1000.0,12345678901234567890123],"b":1.0}""", back!.ToJsonString());
        Assert.True(PyValue.Tuple([PyValue.From(1), PyValue.None]).TryToJson(out back, out _));
        Assert.Equal("[1,null]", back!.ToJsonString());
    }

    [Theory]
    [InlineData("{1: 'a'}", "dict keys must be str")]
    [InlineData("float('nan')", "not JSON compliant")]
    [InlineData("len", "not JSON serializable")]
    public void UnconvertibleValuesAreJsonErrors(string text, string message)
    {
        Assert.True(Expression.TryParse(text, out var expression, out _));
        var value = expression!.Evaluate().Value!;
        Assert.False(value.TryToJson(out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void StrAndReprFollowPython()
    {
        Assert.Equal("1e+16", PyValue.From(1e16).Str());
        Assert.Equal("a'b", PyValue.From("a'b").Str());
        Assert.Equal("\"a'b\"", PyValue.From("a'b").Repr());
        Assert.Equal("None", PyValue.From((string?)null).Repr());
        Assert.False(PyValue.List([]).IsTruthy);
        Assert.True(PyValue.From(0.5).IsTruthy);
    }

    [Fact]
    public void WorkBudgetIsConfigurable()
    {
        Assert.True(Expression.TryParse("sum([1] * 500)", out var expression, out _));
        Assert.True(expression!.Evaluate().IsSuccess);
        var limited = expression.Evaluate(limits: new EvaluationLimits(MaxWork: 2000));
        Assert.Equal("LimitExceeded", limited.ErrorType);
    }

    [Theory]
    [InlineData("[0] * 600000", true)]
    [InlineData("[12345] * 250000", true)]
    [InlineData("['x' * 999998]", true)]
    [InlineData("[0] * 700000", false)]
    [InlineData("[[0] * 1000] * 1000", false)]
    [InlineData("['x' * 10 ** 6] * 2", false)]
    public void AResultLeavesOnlyWhenItsTextStaysWithinTwoMillionCharacters(string text, bool fits)
    {
        Assert.True(Expression.TryParse(text, out var expression, out _));
        var result = expression!.Evaluate();
        Assert.Equal(fits, result.IsSuccess);
        if (fits)
        {
            Assert.True(result.Value!.Repr().Length <= 2_000_000);
        }
        else
        {
            Assert.Equal("LimitExceeded", result.ErrorType);
        }
    }
}
