using Microsoft.CodeAnalysis;
using MqttKube.Generators.Config;
using MqttKube.Generators.Tests.Support;

namespace MqttKube.Generators.Tests.Config;

public sealed class ConfigGeneratorTests
{
    private const string Sample = """
        using System.Collections.Immutable;
        using MqttKube.Configuration.Schema;

        namespace Sample;

        [ConfigEnum]
        internal enum Mode
        {
            [ConfigName("fast", "quick")]
            Fast,
            Slow,
        }

        [ConfigObject("The root.", Root = true)]
        internal sealed partial record Root
        {
            [ConfigKey("A host.", Aliases = ["address"])]
            public string Host { get; init; } = "localhost";

            [ConfigKey("A port.", Minimum = 1, Maximum = 65535)]
            public int Port { get; init; } = 80;

            [ConfigKey("A mode.")]
            public Mode Mode { get; init; } = Mode.Slow;

            [ConfigKey("A secret.", Secret = true)]
            public string? Password { get; init; }

            [ConfigKey("Items.", OneOrMany = true)]
            public ImmutableArray<Item> Items { get; init; } = [];

            [ConfigKey("A file.")]
            public FilePath? File { get; init; }
        }

        [ConfigValue("{ \"type\": \"string\", \"description\": \"A path to a file.\" }")]
        internal sealed record FilePath(string Path);

        [ConfigObject("An item.")]
        internal sealed partial record Item
        {
            [ConfigKey("Its name.", Required = true, Name = "item_name")]
            public string Name { get; init; } = "";

            [ConfigKey("Enabled.")]
            public bool? Enabled { get; init; }
        }
        """;

    [Fact]
    public void Emitted_source_matches_the_snapshot()
    {
        var compilation = Compilation();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Input" + (Attributes().Length) + ".cs"
            && d.GetMessage().Contains("Attribute", StringComparison.Ordinal)));
        var driver = GeneratorHarness.Driver(new ConfigGenerator()).RunGenerators(compilation);
        var result = driver.GetRunResult();

        Assert.Empty(result.Diagnostics);
        var text = string.Join("\n", result.GeneratedTrees
            .OrderBy(t => Path.GetFileName(t.FilePath), StringComparer.Ordinal)
            .Select(t => $"//// {Path.GetFileName(t.FilePath)}\n{t.GetText()}"));
        Snapshot.VerifyBeside(text, "ConfigGenerator.Sample");
    }

    [Fact]
    public void Rerunning_on_an_unchanged_compilation_is_fully_cached()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.Driver(new ConfigGenerator()).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());
        var run = driver.GetRunResult().Results.Single();

        foreach (var name in new[] { TrackingNames.Objects, TrackingNames.Enums, TrackingNames.Schema })
        {
            var steps = run.TrackedSteps[name];
            Assert.NotEmpty(steps);
            Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{name}: {o.Reason}"));
        }
    }

    [Fact]
    public void An_unsupported_property_type_is_a_diagnostic()
    {
        var source = """
            using MqttKube.Configuration.Schema;
            namespace Sample;
            [ConfigObject("Bad.")]
            internal sealed partial record Bad
            {
                [ConfigKey("A date.")]
                public System.DateTime When { get; init; }
            }
            """;
        var driver = GeneratorHarness.Driver(new ConfigGenerator()).RunGenerators(GeneratorHarness.Compile([.. Attributes(), source]));
        var diagnostic = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal("MQK0001", diagnostic.Id);
        Assert.Contains("Bad.When", diagnostic.GetMessage());
    }

    [Fact]
    public void The_schema_names_each_key_once_in_every_object()
    {
        var driver = GeneratorHarness.Driver(new ConfigGenerator()).RunGenerators(Compilation());
        var source = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("ConfigSchema.g.cs", StringComparison.Ordinal)).ToString();
        var literal = source[(source.IndexOf("Json = ", StringComparison.Ordinal) + "Json = ".Length)..source.LastIndexOf(';')];
        var json = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(literal) is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax l
            ? l.Token.ValueText
            : throw new InvalidOperationException(literal);

        using var schema = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false });

        var file = schema.RootElement.GetProperty("$defs").GetProperty("Root").GetProperty("properties").GetProperty("file");
        Assert.Equal("#/$defs/FilePath", file.GetProperty("$ref").GetString());
        Assert.Equal("A file.", file.GetProperty("description").GetString());
        Assert.Equal("string", schema.RootElement.GetProperty("$defs").GetProperty("FilePath").GetProperty("type").GetString());
    }

    private static Compilation Compilation() => GeneratorHarness.Compile([.. Attributes(), Sample]);

    /// <summary>The product's own attribute sources, so the test compiles what the product compiles.</summary>
    private static string[] Attributes() => ["global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n", .. Directory
        .GetFiles(Path.Combine(GeneratorHarness.RepoRoot(), "src", "MqttKube", "Configuration", "Schema"), "Config*Attribute.cs")
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)];
}
