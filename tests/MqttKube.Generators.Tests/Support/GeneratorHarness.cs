using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MqttKube.Generators.Tests.Support;

/// <summary>Compiles sources and runs a generator over them, as the build does.</summary>
internal static class GeneratorHarness
{
    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "GeneratorInput",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview), path: $"Input{Array.IndexOf(sources, s)}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IIncrementalGenerator generator) => CSharpGeneratorDriver.Create(
        [generator.AsSourceGenerator()],
        parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The repository root (folder of MqttKube.slnx).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MqttKube.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no MqttKube.slnx above " + AppContext.BaseDirectory);
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());
}
