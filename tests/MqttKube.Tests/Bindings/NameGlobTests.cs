using System.Runtime.CompilerServices;
using MqttKube.Bindings;

namespace MqttKube.Tests.Bindings;

/// <summary>Name globs as data: every case is a line of <c>Cases/globs.cases</c>.</summary>
public sealed class NameGlobTests
{
    public static TheoryData<string, string, string[]> Cases()
    {
        var path = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Cases", "globs.cases");
        var data = new TheoryData<string, string, string[]>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add($"globs.cases:{lineNumber}", fields[0], fields[1..]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string location, string operation, string[] fields)
    {
        var parsed = NameGlob.TryParse(fields[0], out var glob, out var error, out var column);
        if (operation == "match")
        {
            Assert.True(parsed, $"{location}: {error}");
            Assert.True(bool.Parse(fields[2]) == glob!.Matches(fields[1]), $"{location}: {fields[0]} on {fields[1]}");
        }
        else
        {
            Assert.False(parsed, location);
            Assert.True(int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == column, $"{location}: column {column}, expected {fields[1]} ({error})");
        }
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
