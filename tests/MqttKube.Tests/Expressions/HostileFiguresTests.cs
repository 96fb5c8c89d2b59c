using MqttKube.Expressions;

namespace MqttKube.Tests.Expressions;

/// <summary>
/// The figures behind "every evaluation ends within 64 MB of allocation": each line of Cases/hostile.cases is
/// evaluated once, its allocation measured (deterministic, per thread), and the outcome checked, so the limit that
/// stopped it is the one named (the budget or a size cap: LimitExceeded). CPU time is reported by <c>make bench</c>.
/// </summary>
public sealed class HostileFiguresTests
{
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;

    public static IEnumerable<object[]> Cases() =>
        CaseFile.Load(".cases").Where(c => ((string)c[0]).StartsWith("hostile.cases:", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void StaysWithinTheBudget(string location, string line, string vars)
    {
        var parts = line.Split(CaseFile.Separator);
        Assert.True(Expression.TryParse(parts[0], out var expression, out var error), location + ": " + error);
        var variables = ExpressionCasesTests.Bind(vars);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = expression!.Evaluate(variables);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= MaxAllocatedBytes, $"{location}: {parts[0]} allocated {allocated:N0} bytes");
        ExpressionCasesTests.AssertOutcome(location, parts[0], parts[1].Trim(), result);
    }

    [Fact]
    public void TheBudgetIsWhatStopsALongLoop()
    {
        Assert.True(Expression.TryParse("sum(1 for x in [1] * 10 ** 6 for y in [1] * 10 ** 6)", out var expression, out _));
        var result = expression!.Evaluate();
        Assert.Equal("LimitExceeded", result.ErrorType);
        Assert.Contains("evaluation budget exceeded", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ASharedStructureTooLargeToPrintDoesNotLeaveTheEvaluation()
    {
        Assert.True(Expression.TryParse("[['x'] * 1000] * 1000", out var expression, out _));
        var result = expression!.Evaluate();
        Assert.Equal("LimitExceeded", result.ErrorType);
        Assert.Contains("result too large", result.ErrorMessage, StringComparison.Ordinal);
    }
}
