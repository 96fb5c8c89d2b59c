using System.Runtime.CompilerServices;
using MqttKube.Kubernetes;

namespace MqttKube.Tests.Kubernetes;

/// <summary>Label selectors as data: every case is a line of <c>Cases/selectors.cases</c>.</summary>
public sealed class LabelSelectorTests
{
    private const string Separator = " ⇶ ";

    public static TheoryData<string, string, string[]> Cases()
    {
        var path = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Cases", "selectors.cases");
        var data = new TheoryData<string, string, string[]>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var fields = line[(space + 1)..].Split(Separator).Select(f => f == "<empty>" ? string.Empty : f).ToArray();
            data.Add($"selectors.cases:{lineNumber}", line[..space], fields);
        }

        return data;
    }

    [Fact]
    public void Case_file_has_every_operation() =>
        Assert.Equal(["error", "match", "parse"], Cases().Select(c => (string)c[1]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string location, string operation, string[] fields)
    {
        var parsed = LabelSelector.TryParse(fields[0], out var selector, out var error, out var column);
        switch (operation)
        {
            case "parse":
                Assert.True(parsed, $"{location}: {error} at {column}");
                Assert.Equal(fields[1], selector!.ToString());
                break;
            case "error":
                Assert.False(parsed, $"{location}: parsed as {selector}");
                Assert.True(int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == column, $"{location}: column {column}, expected {fields[1]} ({error})");
                Assert.Contains(fields[2], error, StringComparison.Ordinal);
                break;
            case "match":
                Assert.True(parsed, $"{location}: {error}");
                var labels = fields[1] == "<none>" ? [] : fields[1].Split(';').ToDictionary(p => p[..p.IndexOf('=', StringComparison.Ordinal)], p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                Assert.True(bool.Parse(fields[2]) == selector!.Matches(labels), $"{location}: {fields[0]} on {fields[1]}");
                break;
            default:
                throw new InvalidDataException($"{location}: unknown operation '{operation}'");
        }
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
