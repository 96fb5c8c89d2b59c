using Microsoft.CodeAnalysis;
using MqttKube.Generators.Builtins;
using MqttKube.Generators.Tests.Support;

namespace MqttKube.Generators.Tests.Builtins;

public sealed class BuiltinsGeneratorTests
{
    private const string Stubs = """
        namespace MqttKube.Expressions
        {
            internal sealed class PyBuiltinAttribute(string name) : System.Attribute { public string Name { get; } = name; }
            internal abstract class PyValue { }
            internal readonly ref struct CallArgs { }
            internal delegate PyValue PyBuiltinImpl(in CallArgs args);
            internal sealed class PyBuiltinFunction(string name, PyBuiltinImpl impl) { public string Name { get; } = name; }
        }

        """;

    private const string Source = Stubs + """
        namespace MqttKube.Expressions
        {
            internal static partial class Builtins
            {
                internal static partial PyBuiltinFunction? Lookup(string name);

                [PyBuiltin("len")] private static PyValue Len(in CallArgs a) => null!;
                [PyBuiltin("abs")] private static PyValue Abs(in CallArgs a) => null!;
                [PyBuiltin("sorted")] private static PyValue Sorted(in CallArgs a) => null!;
            }

            internal static partial class StrMethods
            {
                internal static partial PyBuiltinFunction? Lookup(string name);

                [PyBuiltin("upper")] private static PyValue Upper(in CallArgs a) => null!;
            }
        }
        """;

    [Fact]
    public void EmitsTheDispatchTable()
    {
        var (driver, compilation) = Run(Source);
        var result = driver.GetRunResult();
        Assert.Empty(result.Diagnostics);
        var sources = result.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(["MqttKube.Expressions.Builtins.Builtins.g.cs", "MqttKube.Expressions.StrMethods.Builtins.g.cs"], sources.Select(s => s.HintName));
        Snapshot.VerifyBeside(sources[0].SourceText.ToString(), "Builtins");

        // The output compiles with the hand-written half: the partial Lookup is implemented.
        var output = compilation.AddSyntaxTrees(result.GeneratedTrees);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void SecondRunOnAnUnchangedCompilationIsFullyCached()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.Driver(new BuiltinsGenerator()).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { BuiltinsGenerator.TrackingNames.Methods, BuiltinsGenerator.TrackingNames.Classes })
        {
            Assert.True(steps.ContainsKey(name), "step " + name + " not tracked");
            var reasons = steps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + r));
        }
    }

    [Theory]
    [InlineData("[PyBuiltin(\"x\")] private static PyValue X(CallArgs a) => null!;", "MQK1001")]
    [InlineData("[PyBuiltin(\"x\")] private static int X(in CallArgs a) => 0;", "MQK1001")]
    [InlineData("[PyBuiltin(\"x\")] private static PyValue X(in CallArgs a) => null!; [PyBuiltin(\"x\")] private static PyValue Y(in CallArgs a) => null!;", "MQK1002")]
    public void ReportsInvalidDeclarations(string members, string id)
    {
        var source = Stubs + "namespace MqttKube.Expressions { internal static partial class Bad { " + members + " } }";
        var (driver, _) = Run(source);
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void ReportsANonStaticClass()
    {
        var source = Stubs + "namespace MqttKube.Expressions { internal partial class Bad { [PyBuiltin(\"x\")] private static PyValue X(in CallArgs a) => null!; } }";
        var (driver, _) = Run(source);
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == "MQK1003");
    }

    private static (GeneratorDriver Driver, Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation) Run(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        return (GeneratorHarness.Driver(new BuiltinsGenerator()).RunGenerators(compilation), compilation);
    }
}
